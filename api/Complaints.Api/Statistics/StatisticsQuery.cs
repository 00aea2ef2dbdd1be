using System.Collections.Concurrent;
using System.Data.Common;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Complaints.Api.Statistics;

/// <summary>
/// The figures of rules.md "Reporting" (第十八条), computed in PostgreSQL: the rows never come into memory, only their
/// counts. Complaints count in the period they were received (days in CST).
/// <para>
/// Read from the rollups (<see cref="StatisticsRollups"/>, kept exact by triggers in the transaction of every change):
/// the whole calendar years of the period from the year rows, its other whole months from the month rows, its other days
/// from the day rows, summed over the scope
/// (<see cref="StatisticsScope.Sql"/>, the same condition as over the cases); the figures that depend on the moment of the
/// request (<see cref="StatisticsFigures.Live"/>) are counted over the period's open cases each time. The top respondent
/// agencies come from the rollups too, the top service items from their own rollup (for an agency's scope, from its cases).
/// </para>
/// <para>
/// <see cref="FromCasesAsync"/> counts the same figures from the cases themselves (every figure's SQL as a FILTERed count,
/// over the period's range of <c>ix_complaints_received_at</c>): what the rollups must equal (StatisticsRollupTests).
/// </para>
/// </summary>
public static class StatisticsQuery
{
    // One text per kind of scope (StatisticsScope.Sql: an agency, one level or a county, a division and below) and source.
    private static readonly ConcurrentDictionary<(string Scope, bool FromCases, bool ByAgency), (string Counts, string Tops)> Texts = new();

    private const string Rollup = "statistics_rollup";

    // The period in the rollups: the calendar years wholly inside it from the year rows, its other whole months from the
    // month rows, the days before and after them from the day rows (parameters of PeriodParameters).
    private static string InPeriod(string table) => $"""
        (SELECT * FROM {table} WHERE grain = 'y' AND start >= @years_from AND start < @years_to
         UNION ALL SELECT * FROM {table} WHERE grain = 'm' AND start >= @months_from AND start < @years_from
         UNION ALL SELECT * FROM {table} WHERE grain = 'm' AND start >= @years_to AND start < @months_to
         UNION ALL SELECT * FROM {table} WHERE grain = 'd' AND start >= @from_day AND start < @months_from
         UNION ALL SELECT * FROM {table} WHERE grain = 'd' AND start >= @months_to AND start < @after_day)
        """;

    // Rolled-up figures summed over the scope's rows of the period, beside the live ones counted over its open cases.
    private static string RollupSql(string scope, string casesScope)
    {
        var live = StatisticsFigures.Counted.Where(f => StatisticsFigures.Live.Contains(f.Figure.Key)).ToList();
        return $"""
            SELECT * FROM
              (SELECT {string.Join(",\n    ", StatisticsFigures.RolledUp.Select(f => $"coalesce(sum(c.{StatisticsRollups.Column(f.Figure.Key)}), 0) AS \"{f.Figure.Key}\""))}
               FROM {InPeriod(Rollup)} c
               WHERE {scope}) rolled,
              (SELECT {string.Join(",\n    ", live.Select(f => $"count(*) FILTER (WHERE {f.Sql}) AS \"{f.Figure.Key}\"").DefaultIfEmpty("0 AS none"))}
               FROM complaints c WHERE c.running_due_at IS NOT NULL AND {casesScope}) live
            """;
    }

    // The agencies' names are read only for those that can rank (at least the tenth largest count): a province's year has
    // ~1,500 agencies, and a name probe for each of them cost more than the sums.
    private static string RollupTopsSql(string scope) => $"""
        WITH by_agency AS (
          SELECT c.respondent_agency_id AS agency, sum(c."received") AS n
          FROM {InPeriod(Rollup)} c WHERE {scope}
          GROUP BY c.respondent_agency_id HAVING sum(c."received") > 0)
        SELECT r.by_item, r.agency, r.name, r.item, r.n FROM (
          SELECT g.by_item, g.agency, a.name, g.item, g.n,
                 row_number() OVER (PARTITION BY g.by_item ORDER BY g.n DESC, CASE WHEN g.by_item = 0 THEN a.name ELSE g.item END, g.agency) AS rank
          FROM (SELECT 0 AS by_item, b.agency, NULL::text AS item, b.n
                FROM by_agency b WHERE b.n >= (SELECT min(t.n) FROM (SELECT n FROM by_agency ORDER BY n DESC LIMIT 10) t)
                UNION ALL
                SELECT 1, NULL::uuid, c.item, sum(c.n)
                FROM {InPeriod("statistics_items")} c WHERE {scope}
                GROUP BY c.item HAVING sum(c.n) > 0) g
          LEFT JOIN agencies a ON a.id = g.agency) r
        WHERE r.rank <= 10
        ORDER BY r.by_item, r.rank
        """;

    // Every counted figure as a FILTERed count of one aggregate over the cases, named by its key.
    private static string FromCasesSql(string scope) => $"""
        SELECT {string.Join(",\n  ", StatisticsFigures.Counted.Select(f => $"count(*) FILTER (WHERE {f.Sql}) AS \"{f.Figure.Key}\""))}
        FROM complaints c
        {StatisticsFigures.PartsSql}
        WHERE {scope}
        """;

    // The top respondent agencies and service items in one pass (two grouping sets), ranked as before:
    // most complaints first, ties by name (then id); blank item names left out.
    private static string FromCasesTopsSql(string scope) => $"""
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

    /// <summary>The figures of the scope over [from, to] (days of receipt, CST), from the rollups.</summary>
    public static Task<ComplaintStatistics> ComputeAsync(ComplaintsDbContext db, StatisticsScope scope, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct) =>
        ReadAsync(db, scope, from, to, now, fromCases: false, ct);

    /// <summary>The same figures counted from the cases themselves, each time: what the rollups must equal.</summary>
    public static Task<ComplaintStatistics> FromCasesAsync(ComplaintsDbContext db, StatisticsScope scope, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct) =>
        ReadAsync(db, scope, from, to, now, fromCases: true, ct);

    /// <summary>
    /// The year rows cover [years_from, years_to), the month rows the rest of [months_from, months_to), the day rows the rest
    /// of [from_day, after_day). Empty parts are empty ranges at their neighbour's bound.
    /// </summary>
    internal static IEnumerable<NpgsqlParameter> PeriodParameters(DateOnly from, DateOnly to)
    {
        var after = to.AddDays(1);
        var monthsFrom = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var monthsTo = new DateOnly(after.Year, after.Month, 1);
        if (monthsFrom >= monthsTo)
        {
            (monthsFrom, monthsTo) = (after, after);
        }

        var yearsFrom = monthsFrom.DayOfYear == 1 ? monthsFrom : new DateOnly(monthsFrom.Year + 1, 1, 1);
        var yearsTo = new DateOnly(monthsTo.Year, 1, 1);
        if (yearsFrom >= yearsTo)
        {
            (yearsFrom, yearsTo) = (monthsTo, monthsTo);
        }

        return
        [
            new("from_day", NpgsqlTypes.NpgsqlDbType.Date) { Value = from },
            new("after_day", NpgsqlTypes.NpgsqlDbType.Date) { Value = after },
            new("months_from", NpgsqlTypes.NpgsqlDbType.Date) { Value = monthsFrom },
            new("months_to", NpgsqlTypes.NpgsqlDbType.Date) { Value = monthsTo },
            new("years_from", NpgsqlTypes.NpgsqlDbType.Date) { Value = yearsFrom },
            new("years_to", NpgsqlTypes.NpgsqlDbType.Date) { Value = yearsTo },
        ];
    }

    private static async Task<ComplaintStatistics> ReadAsync(
        ComplaintsDbContext db, StatisticsScope scope, DateOnly from, DateOnly to, DateTimeOffset now, bool fromCases, CancellationToken ct)
    {
        var parameters = new List<NpgsqlParameter>
        {
            new("from", ChinaTime.EndOf(from.AddDays(-1)).ToUniversalTime()),
            new("to", ChinaTime.EndOf(to).ToUniversalTime()),
        };
        parameters.AddRange(PeriodParameters(from, to));
        var scopeSql = scope.Sql("c", parameters);
        var casesScope = $"c.received_at >= @from AND c.received_at < @to AND {scopeSql}";
        var byAgency = scope.AgencyId is not null;
        var sql = Texts.GetOrAdd((scopeSql, fromCases, byAgency), key => key.FromCases
            ? (FromCasesSql(casesScope), FromCasesTopsSql(casesScope))
            : (RollupSql(scopeSql, casesScope), key.ByAgency ? FromCasesTopsSql(casesScope) : RollupTopsSql(scopeSql)));

        // The counts and the rankings in one round trip: a batch of two statements, each prepared on its own by Npgsql's
        // auto-prepare, without BEGIN/COMMIT around them (read committed: each statement reads its own snapshot, as it did
        // inside the transaction before).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var batch = new NpgsqlBatch(connection);
            var counts = new NpgsqlBatchCommand(sql.Counts);
            counts.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            counts.Parameters.AddWithValue("now", now.ToUniversalTime());
            var tops = new NpgsqlBatchCommand(sql.Tops);
            tops.Parameters.AddRange(parameters.Select(p => p.Clone()).ToArray());
            batch.BatchCommands.Add(counts);
            batch.BatchCommands.Add(tops);

            var n = new Dictionary<string, int>();
            var agencies = new List<AgencyCount>();
            var items = new List<ServiceItemCount>();
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            foreach (var figure in Figures.Counted)
            {
                n[figure.Key] = (int)reader.GetInt64(reader.GetOrdinal(figure.Key));
            }

            await reader.NextResultAsync(ct);
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

            return Figures.Statistics(n, agencies, items);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
