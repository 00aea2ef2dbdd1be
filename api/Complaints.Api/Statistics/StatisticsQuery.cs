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
    private const string AgencyScope = "c.respondent_agency_id = @agency AND c.received_at >= @from AND c.received_at < @to";
    private const string RegionScope = "c.region_code = @region AND c.received_at >= @from AND c.received_at < @to";
    private const string SubtreeScope = "c.received_at >= @from AND c.received_at < @to AND c.region_code LIKE @prefix || '%'";
    private static readonly (string Counts, string Tops) ForAgency = (Sql(AgencyScope), TopsSql(AgencyScope));
    private static readonly (string Counts, string Tops) ForRegion = (Sql(RegionScope), TopsSql(RegionScope));
    private static readonly (string Counts, string Tops) ForSubtree = (Sql(SubtreeScope), TopsSql(SubtreeScope));

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
          count(*) FILTER (WHERE c.referred_at IS NOT NULL AND NOT c.referred_on_time),
          count(*) FILTER (WHERE c.decided_at IS NOT NULL),
          count(*) FILTER (WHERE c.decided_at IS NOT NULL AND c.decided_on_time),
          count(*) FILTER (WHERE c.decided_at IS NOT NULL AND NOT c.decided_on_time),
          count(*) FILTER (WHERE c.status = 'Concluded' AND NOT c.concluded_on_time),
          {Counts<Channel>("c.channel")},
          {Counts<NotAcceptedReason>("c.not_accepted_reason")},
          {Counts<Finding>("c.finding")},
          {Counts<SatisfactionRating>("coalesce(c.complainant_rating, lr.rating)")}
        FROM complaints c
        LEFT JOIN (SELECT complaint_id, bool_or(status = 'Verified') AS verified FROM complaint_rectifications GROUP BY complaint_id) r
          ON r.complaint_id = c.id
        LEFT JOIN (SELECT DISTINCT ON (complaint_id) complaint_id, rating FROM complaint_revisits ORDER BY complaint_id, number DESC) lr
          ON lr.complaint_id = c.id
        WHERE {scope}
        """;

    // The top respondent agencies and service items in one pass (two grouping sets), ranked as before:
    // most complaints first, ties by name (then id); blank item names left out.
    private static string TopsSql(string scope) => $"""
        SELECT r.by_item, r.agency, r.name, r.item, r.n FROM (
          SELECT g.by_item, g.agency, a.name, g.item, g.n,
                 row_number() OVER (PARTITION BY g.by_item ORDER BY g.n DESC, CASE WHEN g.by_item = 0 THEN a.name ELSE g.item END, g.agency) AS rank
          FROM (SELECT GROUPING(c.respondent_agency_id) AS by_item, c.respondent_agency_id AS agency, btrim(c.service_item_name) AS item, count(*) AS n
                FROM complaints c WHERE {scope}
                GROUP BY GROUPING SETS ((c.respondent_agency_id), (btrim(c.service_item_name)))) g
          LEFT JOIN agencies a ON a.id = g.agency
          WHERE g.by_item = 0 OR g.item <> '') r
        WHERE r.rank <= 10
        ORDER BY r.by_item, r.rank
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
        // Separate single-statement commands, each prepared on its own by Npgsql's auto-prepare.
        var parameters = new List<NpgsqlParameter>
        {
            new("from", ChinaTime.EndOf(from.AddDays(-1)).ToUniversalTime()),
            new("to", ChinaTime.EndOf(to).ToUniversalTime()),
        };
        (string Counts, string Tops) sql;
        if (scope.AgencyId is { } agency)
        {
            sql = ForAgency;
            parameters.Add(new NpgsqlParameter("agency", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = agency });
        }
        else if (scope.RegionCode is { } region && (scope.OwnLevelOnly || RegionCode.SubtreePrefix(region).Length == region.Length))
        {
            // One level only, or a county, which has no divisions below it.
            sql = ForRegion;
            parameters.Add(new NpgsqlParameter("region", NpgsqlTypes.NpgsqlDbType.Char) { Value = region });
        }
        else
        {
            sql = ForSubtree;
            parameters.Add(new NpgsqlParameter("prefix", NpgsqlTypes.NpgsqlDbType.Text) { Value = RegionCode.SubtreePrefix(scope.RegionCode!) });
        }

        NpgsqlCommand Command(string text, bool withNow)
        {
            var command = new NpgsqlCommand(text, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
            command.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            if (withNow)
            {
                command.Parameters.AddWithValue("now", now.ToUniversalTime());
            }

            return command;
        }

        int[] n;
        IReadOnlyDictionary<Channel, int> byChannel;
        IReadOnlyDictionary<NotAcceptedReason, int> byReason;
        IReadOnlyDictionary<Finding, int> findings;
        IReadOnlyDictionary<SatisfactionRating, int> satisfaction;
        await using (var counts = Command(sql.Counts, withNow: true))
        await using (var reader = await counts.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            n = Enumerable.Range(0, 20).Select(i => (int)reader.GetInt64(i)).ToArray();
            var ordinal = 20;
            byChannel = Distribution<Channel>(reader, ref ordinal);
            byReason = Distribution<NotAcceptedReason>(reader, ref ordinal);
            findings = Distribution<Finding>(reader, ref ordinal);
            satisfaction = Distribution<SatisfactionRating>(reader, ref ordinal);
        }

        var agencies = new List<AgencyCount>();
        var items = new List<ServiceItemCount>();
        await using (var tops = Command(sql.Tops, withNow: false))
        await using (var reader = await tops.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (reader.GetInt32(0) == 0)
                {
                    agencies.Add(new AgencyCount(reader.GetGuid(1), reader.GetString(2), (int)reader.GetInt64(4)));
                }
                else
                {
                    items.Add(new ServiceItemCount(reader.GetString(3), (int)reader.GetInt64(4)));
                }
            }
        }

        await transaction.CommitAsync(ct);

        return new ComplaintStatistics(
            Received: n[0], ReceivedByChannel: byChannel, Accepted: n[1], NotAccepted: n[2], NotAcceptedByReason: byReason,
            Referred: n[3], ReferredOnTime: n[4], ReferredLate: n[15], Decided: n[16], DecidedOnTime: n[17], DecidedLate: n[18],
            Onsite: n[5], Offsite: n[6], Concluded: n[7], ConcludedOnTime: n[8], ConcludedLate: n[19],
            Extended: n[9], OverdueNow: n[10], Merged: n[11], Findings: findings,
            Invalid: findings[Finding.Unsubstantiated] + findings[Finding.Unverifiable],
            Satisfaction: satisfaction, Rated: satisfaction.Values.Sum(), SatisfactionRate: ComplaintStatistics.SatisfactionRateOf(satisfaction),
            RectificationsOrdered: n[13], RectificationsCompleted: n[14], Major: n[12],
            TopRespondentAgencies: agencies, TopServiceItems: items);
    }
}
