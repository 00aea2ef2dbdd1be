using System.Data.Common;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Jurisdiction;
using Complaints.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Complaints.Api.Statistics;

/// <summary>
/// The figures of rules.md "Reporting" (第十八条), computed in PostgreSQL in one round trip: the
/// rows never come into memory, only their counts. Complaints count in the period they were received.
/// </summary>
public static class StatisticsQuery
{
    // One CTE selects the scope's complaints; each statement after it is one result set.
    private const string Sql = """
        CREATE TEMP TABLE IF NOT EXISTS pg_temp.stats_scope (id uuid PRIMARY KEY) ON COMMIT DELETE ROWS;
        INSERT INTO pg_temp.stats_scope
          SELECT c.id FROM complaints c
          WHERE c.received_at >= @from AND c.received_at < @to
            AND (@agency::uuid IS NULL OR c.respondent_agency_id = @agency)
            AND (@prefix::text IS NULL OR c.region_code LIKE @prefix || '%')
            AND (@exact::text IS NULL OR c.region_code = @exact);
        SELECT count(*),
          count(*) FILTER (WHERE c.classification IS NOT NULL OR c.status IN ('InHandling', 'Concluded')),
          count(*) FILTER (WHERE c.status = 'NotAccepted' OR c.not_accepted_reason IS NOT NULL),
          count(*) FILTER (WHERE c.referred_at IS NOT NULL),
          count(*) FILTER (WHERE c.referred_at IS NOT NULL AND c.referred_on_time),
          count(*) FILTER (WHERE c.classification = 'Onsite'),
          count(*) FILTER (WHERE c.classification = 'Offsite'),
          count(*) FILTER (WHERE c.status = 'Concluded'),
          count(*) FILTER (WHERE c.status = 'Concluded' AND c.concluded_on_time),
          count(*) FILTER (WHERE c.extended),
          count(*) FILTER (WHERE c.running_due_at <= @now),
          count(*) FILTER (WHERE c.status = 'Merged'),
          count(*) FILTER (WHERE c.is_major),
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_rectifications r WHERE r.complaint_id = c.id)),
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM complaint_rectifications r WHERE r.complaint_id = c.id AND r.status = 'Verified'))
        FROM complaints c JOIN pg_temp.stats_scope s ON s.id = c.id;
        SELECT c.channel, count(*) FROM complaints c JOIN pg_temp.stats_scope s ON s.id = c.id GROUP BY c.channel;
        SELECT c.not_accepted_reason, count(*) FROM complaints c JOIN pg_temp.stats_scope s ON s.id = c.id
          WHERE c.not_accepted_reason IS NOT NULL GROUP BY c.not_accepted_reason;
        SELECT c.finding, count(*) FROM complaints c JOIN pg_temp.stats_scope s ON s.id = c.id WHERE c.finding IS NOT NULL GROUP BY c.finding;
        SELECT coalesce(c.complainant_rating, lr.rating), count(*)
          FROM complaints c JOIN pg_temp.stats_scope s ON s.id = c.id
          LEFT JOIN LATERAL (SELECT r.rating FROM complaint_revisits r WHERE r.complaint_id = c.id ORDER BY r.number DESC LIMIT 1) lr ON true
          WHERE coalesce(c.complainant_rating, lr.rating) IS NOT NULL
          GROUP BY 1;
        SELECT c.respondent_agency_id, a.name, count(*) FROM complaints c JOIN pg_temp.stats_scope s ON s.id = c.id
          JOIN agencies a ON a.id = c.respondent_agency_id
          GROUP BY c.respondent_agency_id, a.name ORDER BY count(*) DESC, a.name, c.respondent_agency_id LIMIT 10;
        SELECT btrim(c.service_item_name), count(*) FROM complaints c JOIN pg_temp.stats_scope s ON s.id = c.id
          WHERE btrim(c.service_item_name) <> ''
          GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10;
        """;

    public static async Task<ComplaintStatistics> ComputeAsync(ComplaintsDbContext db, StatisticsScope scope, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(Sql, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("from", ChinaTime.EndOf(from.AddDays(-1)).ToUniversalTime());
        command.Parameters.AddWithValue("to", ChinaTime.EndOf(to).ToUniversalTime());
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        command.Parameters.Add(new NpgsqlParameter("agency", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)scope.AgencyId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = scope.RegionCode is { } region && !scope.OwnLevelOnly ? RegionCode.SubtreePrefix(region) : DBNull.Value,
        });
        command.Parameters.Add(new NpgsqlParameter("exact", NpgsqlTypes.NpgsqlDbType.Text)
        {
            Value = scope.OwnLevelOnly ? scope.RegionCode! : DBNull.Value,
        });

        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var n = Enumerable.Range(0, 15).Select(i => (int)reader.GetInt64(i)).ToArray();
        var byChannel = await CountsAsync<Channel>(reader, ct);
        var byReason = await CountsAsync<NotAcceptedReason>(reader, ct);
        var findings = await CountsAsync<Finding>(reader, ct);
        var satisfaction = await CountsAsync<SatisfactionRating>(reader, ct);
        await reader.NextResultAsync(ct);
        var agencies = new List<AgencyCount>();
        while (await reader.ReadAsync(ct))
        {
            agencies.Add(new AgencyCount(reader.GetGuid(0), reader.GetString(1), (int)reader.GetInt64(2)));
        }

        await reader.NextResultAsync(ct);
        var items = new List<ServiceItemCount>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(new ServiceItemCount(reader.GetString(0), (int)reader.GetInt64(1)));
        }

        await reader.DisposeAsync();
        await transaction.CommitAsync(ct);

        var rated = satisfaction.Values.Sum();
        var satisfied = satisfaction[SatisfactionRating.VerySatisfied] + satisfaction[SatisfactionRating.Satisfied] + satisfaction[SatisfactionRating.BasicallySatisfied];
        return new ComplaintStatistics(
            Received: n[0], ReceivedByChannel: byChannel, Accepted: n[1], NotAccepted: n[2], NotAcceptedByReason: byReason,
            Referred: n[3], ReferredOnTime: n[4], Onsite: n[5], Offsite: n[6], Concluded: n[7], ConcludedOnTime: n[8],
            Extended: n[9], OverdueNow: n[10], Merged: n[11], Findings: findings,
            Invalid: findings[Finding.Unsubstantiated] + findings[Finding.Unverifiable],
            Satisfaction: satisfaction, Rated: rated, SatisfactionRate: rated == 0 ? null : (double)satisfied / rated,
            RectificationsOrdered: n[13], RectificationsCompleted: n[14], Major: n[12],
            TopRespondentAgencies: agencies, TopServiceItems: items);
    }

    /// <summary>Every level of the enum, zero where nothing was counted, so reports always list the whole scale.</summary>
    private static async Task<IReadOnlyDictionary<TEnum, int>> CountsAsync<TEnum>(DbDataReader reader, CancellationToken ct)
        where TEnum : struct, Enum
    {
        await reader.NextResultAsync(ct);
        var counts = Enum.GetValues<TEnum>().ToDictionary(v => v, _ => 0);
        while (await reader.ReadAsync(ct))
        {
            counts[Enum.Parse<TEnum>(reader.GetString(0))] = (int)reader.GetInt64(1);
        }

        return counts;
    }
}
