using Complaints.Api.Persistence;
using Complaints.Api.Statistics;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Insight;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Complaints.Api.Insight;

/// <summary>A chart's data as dashboards draw it: one label per bar, one series per colour.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Data);

public sealed record ChartData(string Title, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series);

/// <summary>The content analysis of a scope and period (第十六条), with its previous period and chart-ready data.</summary>
public sealed record ContentAnalysisView(
    string Scope, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, DateTimeOffset ComputedAt,
    ContentAnalysisResult Analysis, IReadOnlyList<ChartData> Charts);

/// <summary>
/// Streams the scope's cases of a period (their stored topic words, tracking number, service item and satisfaction)
/// into <see cref="TopicCorpus"/> and analyses them with <see cref="ContentAnalysisRules"/>, against the previous
/// period. The scopes are the statistics' (<see cref="StatisticsScope"/>): an agency (as respondent), or a
/// division and every division below it; cases count in the period they were received (CST).
/// </summary>
public static class ContentAnalysisQuery
{
    private static string Sql(string scope) => $"""
        SELECT c.insight_words, c.tracking_number, c.service_item_name,
               coalesce(c.complainant_rating, (SELECT v.rating FROM complaint_revisits v WHERE v.complaint_id = c.id ORDER BY v.number DESC LIMIT 1))
        FROM complaints c
        WHERE {scope}
        ORDER BY c.received_at DESC, c.id DESC
        """;

    public static async Task<ContentAnalysisView> ComputeAsync(ComplaintsDbContext db, StatisticsScope scope, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct)
    {
        var (previousFrom, previousTo) = AnalysisPeriods.Previous(from, to);
        var current = await CorpusAsync(db, scope, from, to, ct);
        var previous = await CorpusAsync(db, scope, previousFrom, previousTo, ct);
        var analysis = ContentAnalysisRules.Analyse(current, previous);
        return new ContentAnalysisView(scope.ToString(), from, to, previousFrom, previousTo, ChinaTime.ToChina(now), analysis, Charts(analysis));
    }

    private static async Task<TopicCorpus> CorpusAsync(ComplaintsDbContext db, StatisticsScope scope, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var parameters = new List<NpgsqlParameter>
        {
            new("from", ChinaTime.EndOf(from.AddDays(-1)).ToUniversalTime()),
            new("to", ChinaTime.EndOf(to).ToUniversalTime()),
        };
        var sql = Sql($"c.received_at >= @from AND c.received_at < @to AND {scope.Sql("c", parameters)}");

        var corpus = new TopicCorpus();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            command.Parameters.AddRange(parameters.ToArray());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var rating = reader.IsDBNull(3) ? (SatisfactionRating?)null : Enum.Parse<SatisfactionRating>(reader.GetString(3));
                corpus.Add(CaseText.WordsOf(reader.IsDBNull(0) ? null : reader.GetString(0)), reader.GetString(1), reader.GetString(2),
                    rated: rating is not null, dissatisfied: rating is { } r && r.IsNegative());
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return corpus;
    }

    private static ChartData[] Charts(ContentAnalysisResult a) =>
    [
        new("投诉热点词(本期与上期件数)", a.Keywords.Select(k => k.Term).ToArray(),
        [
            new("本期", a.Keywords.Select(k => (double)k.Cases).ToArray()),
            new("上期", a.Keywords.Select(k => (double)k.PreviousCases).ToArray()),
        ]),
        new("投诉热点短语(本期件数)", a.Phrases.Select(k => k.Term).ToArray(), [new("本期", a.Phrases.Select(k => (double)k.Cases).ToArray())]),
        new("投诉最多的服务事项", a.TopServiceItems.Select(i => i.ServiceItem).ToArray(),
        [
            new("本期", a.TopServiceItems.Select(i => (double)i.Complaints).ToArray()),
            new("上期", a.TopServiceItems.Select(i => (double)i.PreviousComplaints).ToArray()),
        ]),
        new("不满意评价最多的服务事项", a.MostDissatisfied.Select(i => i.ServiceItem).ToArray(),
        [
            new("不满意", a.MostDissatisfied.Select(i => (double)i.Dissatisfied).ToArray()),
            new("已评价", a.MostDissatisfied.Select(i => (double)i.Rated).ToArray()),
        ]),
    ];
}
