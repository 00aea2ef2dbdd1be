using System.Collections.Concurrent;
using System.Data.Common;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Complaints.Api.Statistics;

/// <summary>
/// The figures of rules.md "Reporting" (第十八条), computed in PostgreSQL in one round trip: the
/// rows never come into memory, only their counts. Complaints count in the period they were received.
/// <para>
/// Two statements, each one pass over the scope: every counted figure of the domain's <see cref="Figures"/> (where
/// each is defined, once; its SQL in <see cref="StatisticsFigures"/>) as FILTERed counts of one aggregate, read back by name, then the top respondent agencies
/// and the top service items. The scope is read through
/// <c>ix_complaints_statistics</c>, an index on received_at that includes every column counted here,
/// so a province's year (a third of a million cases) is an index-only scan, not a read of the whole table.
/// </para>
/// </summary>
public static class StatisticsQuery
{
    // One text per kind of scope (StatisticsScope.Sql: an agency, one level or a county, a division and below), each with a
    // condition PostgreSQL can match to an index: a county (or one level only) is a range of the (region_code, received_at, id)
    // index, an agency of its foreign-key index, and a prefecture or the province reads the covering index on received_at.
    private static readonly ConcurrentDictionary<string, (string Counts, string Tops)> Texts = new(StringComparer.Ordinal);

    // Every counted figure as a FILTERed count of one aggregate, named by its key.
    private static string Sql(string scope) => $"""
        SELECT {string.Join(",\n  ", StatisticsFigures.Counted.Select(f => $"count(*) FILTER (WHERE {f.Sql}) AS \"{f.Figure.Key}\""))}
        FROM complaints c
        LEFT JOIN (SELECT complaint_id, bool_or(status = '{RectificationStatus.Verified}') AS verified FROM complaint_rectifications GROUP BY complaint_id) r
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
        var inScope = $"c.received_at >= @from AND c.received_at < @to AND {scope.Sql("c", parameters)}";
        var sql = Texts.GetOrAdd(inScope, where => (Sql(where), TopsSql(where)));

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

        var n = new Dictionary<string, int>();
        await using (var counts = Command(sql.Counts, withNow: true))
        await using (var reader = await counts.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            foreach (var figure in Figures.Counted)
            {
                n[figure.Key] = (int)reader.GetInt64(reader.GetOrdinal(figure.Key));
            }
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

        return Figures.Statistics(n, agencies, items);
    }
}
