using System.Globalization;
using System.Text.Json;
using Complaints.Api.Persistence;
using Complaints.Api.Reports;
using Complaints.Api.Statistics;
using Complaints.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Insight;

/// <summary>
/// The content analysis in the 第十八条 reports (第十六条 定期对投诉内容进行分析): computed when a report is submitted,
/// over the report's scope and period (an agency's complaints, or a department's whole division and those below:
/// TF-IDF does not add up, so a department's analysis is computed over its cases, not summed from the level below),
/// and frozen with it in <c>report_analyses</c>, like its figures.
/// </summary>
public static class ReportContent
{
    public static async Task<ContentAnalysisView> FreezeAsync(ComplaintsDbContext db, Report report, StatisticsScope scope, ReportingPeriod period, DateTimeOffset now, JsonSerializerOptions json, CancellationToken ct)
    {
        var analysis = await ContentAnalysisQuery.ComputeAsync(db, scope, period.From, period.To, now, ct);
        db.Set<ReportAnalysis>().Add(new ReportAnalysis { ReportId = report.Id, Analysis = JsonSerializer.Serialize(analysis, json) });
        return analysis;
    }

    /// <summary>The frozen analysis of a report; null for reports submitted before analyses existed.</summary>
    public static async Task<ContentAnalysisView?> LoadAsync(ComplaintsDbContext db, Guid reportId, JsonSerializerOptions json, CancellationToken ct)
    {
        var stored = await db.Set<ReportAnalysis>().AsNoTracking().Where(a => a.ReportId == reportId).Select(a => a.Analysis).FirstOrDefaultAsync(ct);
        return stored is null ? null : JsonSerializer.Deserialize<ContentAnalysisView>(stored, json);
    }

    /// <summary>The analysis as rows of the CSV/XLSX export, in the figures' shape (指标, 数值, key).</summary>
    public static IEnumerable<Dictionary<string, object>> Rows(ContentAnalysisView? view)
    {
        if (view is null)
        {
            yield break;
        }

        Dictionary<string, object> Row(string key, string label, object value) => new() { ["指标"] = label, ["数值"] = value, ["key"] = key };
        var a = view.Analysis;
        yield return Row("analysis.cases", "投诉内容分析 · 本期件数", a.Cases);
        yield return Row("analysis.previousCases", $"投诉内容分析 · 上期件数({view.PreviousFrom:yyyy-MM-dd}至{view.PreviousTo:yyyy-MM-dd})", a.PreviousCases);
        for (var i = 0; i < a.Keywords.Count; i++)
        {
            var k = a.Keywords[i];
            yield return Row($"analysis.keyword.{i + 1}", $"投诉热点词 {i + 1} · {k.Term}", Describe(k));
        }

        for (var i = 0; i < a.Phrases.Count; i++)
        {
            var k = a.Phrases[i];
            yield return Row($"analysis.phrase.{i + 1}", $"投诉热点短语 {i + 1} · {k.Term}", Describe(k));
        }

        for (var i = 0; i < a.Rising.Count; i++)
        {
            var k = a.Rising[i];
            yield return Row($"analysis.rising.{i + 1}", $"较上期增加 {i + 1} · {k.Term}", $"{k.PreviousCases}→{k.Cases} 件,占比 +{(k.ShareChange * 100).ToString("0.#", CultureInfo.InvariantCulture)} 个百分点");
        }

        for (var i = 0; i < a.TopServiceItems.Count; i++)
        {
            var s = a.TopServiceItems[i];
            yield return Row($"analysis.serviceItem.{i + 1}", $"投诉最多的服务事项 {i + 1} · {s.ServiceItem}",
                $"{s.Complaints} 件(上期 {s.PreviousComplaints},{Signed(s.Change)})");
        }

        for (var i = 0; i < a.MostDissatisfied.Count; i++)
        {
            var s = a.MostDissatisfied[i];
            yield return Row($"analysis.dissatisfied.{i + 1}", $"不满意评价最多的服务事项 {i + 1} · {s.ServiceItem}",
                $"不满意 {s.Dissatisfied} / 已评价 {s.Rated}({(s.DissatisfiedShare ?? 0).ToString("P0", CultureInfo.InvariantCulture)})");
        }
    }

    private static string Describe(Domain.Insight.Topic k) =>
        $"{k.Cases} 件(上期 {k.PreviousCases},{Signed(k.Change)});TF-IDF {k.Score.ToString("0.##", CultureInfo.InvariantCulture)};例:{string.Join("、", k.Examples)}";

    private static string Signed(int n) => n >= 0 ? $"+{n}" : n.ToString(CultureInfo.InvariantCulture);
}
