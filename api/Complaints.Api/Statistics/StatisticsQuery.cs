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
/// <para>
/// Three statements, each one pass over the scope: every count and every fixed-scale distribution
/// (channel, 第八条 reason, finding, satisfaction) as FILTERed counts of one aggregate, then the top
/// respondent agencies and the top service items. The scope is read through
/// <c>ix_complaints_statistics</c>, an index on received_at that includes every column counted here,
/// so a province's year (a third of a million cases) is an index-only scan, not a read of the whole table.
/// </para>
/// </summary>
public static class StatisticsQuery
{
    // One text per kind of scope, each with a condition PostgreSQL can match to an index: a county (or one
    // level only) is a range of the (region_code, received_at, id) index, an agency of its foreign-key index,
    // and a prefecture or the province reads the covering index on received_at.
    private static readonly string ForAgency = Sql("c.respondent_agency_id = @agency AND c.received_at >= @from AND c.received_at < @to");
    private static readonly string ForRegion = Sql("c.region_code = @region AND c.received_at >= @from AND c.received_at < @to");
    private static readonly string ForSubtree = Sql("c.received_at >= @from AND c.received_at < @to AND c.region_code LIKE @prefix || '%'");

    private static string Sql(string scope) => $"""
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
          count(*) FILTER (WHERE r.complaint_id IS NOT NULL),
          count(*) FILTER (WHERE r.verified),
          {Counts<Channel>("c.channel")},
          {Counts<NotAcceptedReason>("c.not_accepted_reason")},
          {Counts<Finding>("c.finding")},
          {Counts<SatisfactionRating>("coalesce(c.complainant_rating, lr.rating)")}
        FROM complaints c
        LEFT JOIN (SELECT complaint_id, bool_or(status = 'Verified') AS verified FROM complaint_rectifications GROUP BY complaint_id) r
          ON r.complaint_id = c.id
        LEFT JOIN (SELECT DISTINCT ON (complaint_id) complaint_id, rating FROM complaint_revisits ORDER BY complaint_id, number DESC) lr
          ON lr.complaint_id = c.id
        WHERE {scope};
        SELECT t.respondent_agency_id, a.name, t.n
        FROM (SELECT c.respondent_agency_id, count(*) AS n FROM complaints c WHERE {scope} GROUP BY c.respondent_agency_id) t
        JOIN agencies a ON a.id = t.respondent_agency_id
        ORDER BY t.n DESC, a.name, t.respondent_agency_id LIMIT 10;
        SELECT btrim(c.service_item_name), count(*) FROM complaints c
        WHERE {scope} AND btrim(c.service_item_name) <> ''
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10;
        """;

    /// <summary>One FILTERed count per member of the enum, in declaration order (the values are stored as member names).</summary>
    private static string Counts<TEnum>(string column)
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(name => $"count(*) FILTER (WHERE {column} = '{name}')"));

    private static IReadOnlyDictionary<TEnum, int> Distribution<TEnum>(DbDataReader reader, ref int ordinal)
        where TEnum : struct, Enum
    {
        var counts = new Dictionary<TEnum, int>();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            counts[value] = (int)reader.GetInt64(ordinal++);
        }

        return counts;
    }

    public static async Task<ComplaintStatistics> ComputeAsync(ComplaintsDbContext db, StatisticsScope scope, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(null, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("from", ChinaTime.EndOf(from.AddDays(-1)).ToUniversalTime());
        command.Parameters.AddWithValue("to", ChinaTime.EndOf(to).ToUniversalTime());
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        if (scope.AgencyId is { } agency)
        {
            command.CommandText = ForAgency;
            command.Parameters.Add(new NpgsqlParameter("agency", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = agency });
        }
        else if (scope.RegionCode is { } region && (scope.OwnLevelOnly || RegionCode.SubtreePrefix(region).Length == region.Length))
        {
            // One level only, or a county, which has no divisions below it.
            command.CommandText = ForRegion;
            command.Parameters.Add(new NpgsqlParameter("region", NpgsqlTypes.NpgsqlDbType.Char) { Value = region });
        }
        else
        {
            command.CommandText = ForSubtree;
            command.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlTypes.NpgsqlDbType.Text) { Value = RegionCode.SubtreePrefix(scope.RegionCode!) });
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var n = Enumerable.Range(0, 15).Select(i => (int)reader.GetInt64(i)).ToArray();
        var ordinal = 15;
        var byChannel = Distribution<Channel>(reader, ref ordinal);
        var byReason = Distribution<NotAcceptedReason>(reader, ref ordinal);
        var findings = Distribution<Finding>(reader, ref ordinal);
        var satisfaction = Distribution<SatisfactionRating>(reader, ref ordinal);
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
}
