using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Complaints;
using Complaints.Api.Docs;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Statistics;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Jurisdiction;
using Complaints.Domain.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Complaints.Api.Reports;

public sealed record SubmitReportRequest(string? Period, string? Scope);

public sealed partial record ReportView(
    Guid Id, string Period, string Scope, string? SubmittedTo, DateOnly DueDate, DateTimeOffset SubmittedAt, bool Late,
    ComplaintStatistics Figures, IReadOnlyList<Guid> IncludedReports, IReadOnlyList<string> MissingReporters);

public sealed record ReporterStatus(string Scope, string Name, DateOnly DueDate, bool Submitted, DateTimeOffset? SubmittedAt, bool? Late, Guid? ReportId);

public sealed record ReportingStatusView(string Period, IReadOnlyList<ReporterStatus> Reporters);

/// <summary>第十八条: agencies report quarters to their own level; departments report the half-year and the year one level up.</summary>
public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.Casework).WithAuthProblems();
        reports.MapPost("/", Submit).WithName("SubmitReport")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Freeze and submit a report: an agency's quarter (`2026Q3`) to its own level, a department's half-year (`2026H1`) or year (`2026`) one level up.");
        reports.MapGet("/", Status).WithName("GetReportingStatus")
            .WithSummary("Who within the caller's remit has and has not reported for `period`, with the 第十八条 due dates.");
        reports.MapGet("/{id:guid}", Get).WithName("GetReport").ProducesProblem(StatusCodes.Status404NotFound)
            .Produces(StatusCodes.Status200OK, typeof(ReportView), "application/json", "text/csv", XlsxType)
            .WithSummary("A submitted report as JSON, or exported with `format=csv|xlsx` (or the matching Accept header).");
        return app;
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<Results<Created<ReportView>, ProblemHttpResult>> Submit(
        SubmitReportRequest request, ClaimsPrincipal user, ComplaintsDbContext db, AuditTrail audit, UnitOfWork work, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var target = await BindAsync(request, db, ct);
        if (!target.IsSuccess)
        {
            return target.Error!.ToProblem();
        }

        var ((p, s), key, caller, now) = (target.Value, target.Value.Scope.ToString(), Caller.From(user), clock.GetUtcNow());
        var onFile = await db.Reports.AnyAsync(r => r.Period == p.ToString() && r.Scope == key, ct);
        // 第十八条: who submits, which period is owed, not before it ends, once (and 第十九条: nothing before 2022-07-10).
        var owed = ReportSubmission.Check(caller.ToActor(), ReporterOf(s), key, p, onFile, now);
        if (!owed.IsSuccess)
        {
            return owed.Error!.ToProblem();
        }

        var contents = await ReportContents.LoadAsync(db, s, owed.Value, now, json.Value.SerializerOptions, ct);
        var report = Frozen(owed.Value, s, contents, caller.Subject, now, json.Value.SerializerOptions);
        db.Reports.Add(report);
        var analysis = await Insight.ReportContent.FreezeAsync(db, report, s, p, now, json.Value.SerializerOptions, ct);
        audit.Record(caller, "report.submitted", null, $"period={report.Period};scope={key};late={report.Late}");
        try
        {
            await work.SaveAsync(ct);
        }
        catch (DbUpdateException)
        {
            return DomainError.Conflict("report.already_submitted", $"{key} 的 {p} 报告已报送。").ToProblem(DomainProblems.GenericConflictTitle);
        }

        return TypedResults.Created($"/api/v1/reports/{report.Id}", ViewOf(report, contents.Figures) with { ContentAnalysis = analysis });
    }

    /// <summary>The period and the reporter the request names (<c>agency:{id}</c> or <c>region:{code}</c>).</summary>
    private static async Task<Result<(ReportingPeriod Period, StatisticsScope Scope)>> BindAsync(SubmitReportRequest request, ComplaintsDbContext db, CancellationToken ct)
    {
        var period = ReportingPeriod.TryParse(request.Period);
        if (!period.IsSuccess)
        {
            return period.Error! with { Field = "period" };
        }

        var scope = await StatisticsScope.ParseAsync(request.Scope, db, ct);
        return scope.IsSuccess ? (period.Value, scope.Value) : scope.Error!;
    }

    private static Reporter ReporterOf(StatisticsScope s) => s.AgencyId is { } agency ? Reporter.Agency(s.AgencyRegion, agency) : Reporter.Department(s.RegionCode!);

    /// <summary>The report as stored: the duty's period, due date and addressee, and the contents frozen at <paramref name="now"/>.</summary>
    private static Report Frozen(ReportingDuty duty, StatisticsScope s, ReportFigures contents, string submittedBy, DateTimeOffset now, JsonSerializerOptions json) => new()
    {
        Id = Guid.CreateVersion7(now),
        Period = duty.Period.ToString(),
        Scope = s.ToString(),
        AgencyId = s.AgencyId,
        RegionCode = s.RegionCode,
        SubmittedToRegionCode = duty.SubmittedTo,
        DueDate = duty.DueDate,
        SubmittedAt = now,
        SubmittedBy = submittedBy,
        Late = duty.Period.IsLate(now),
        Figures = JsonSerializer.Serialize(contents.Figures, json),
        IncludedReportIds = [.. contents.IncludedReports],
        MissingRegionCodes = [.. contents.MissingDivisions],
    };

    private static async Task<Results<Ok<ReportingStatusView>, ProblemHttpResult>> Status(string? period, ClaimsPrincipal user, ComplaintsDbContext db, CancellationToken ct)
    {
        var parsed = ReportingPeriod.TryParse(period);
        if (!parsed.IsSuccess)
        {
            return (parsed.Error! with { Field = "period" }).ToProblem();
        }

        var p = parsed.Value;
        var caller = Caller.From(user);
        var agency = caller.IsAgency && caller.AgencyId is { } agencyId
            ? await db.Agencies.Where(a => a.Id == agencyId).Select(a => new ListedReporter($"agency:{a.Id}", a.Name, a.RegionCode)).FirstAsync(ct)
            : null;

        // 第十八条: which report the caller is shown, and whose (those who report to it, or itself).
        var owed = ReportSubmission.StatusFor(caller.ToActor(), agency?.RegionCode, p);
        if (!owed.IsSuccess)
        {
            return owed.Error!.ToProblem();
        }

        var reporters = await ReportersAsync(db, owed.Value, agency, ct);
        var scopes = reporters.Select(r => r.Scope).ToList();
        var submitted = await db.Reports.AsNoTracking().Where(r => r.Period == p.ToString() && scopes.Contains(r.Scope))
            .Select(r => new { r.Scope, r.Id, r.SubmittedAt, r.Late }).ToListAsync(ct);
        var due = owed.Value.Duty.DueDate;
        return TypedResults.Ok(new ReportingStatusView(p.ToString(), reporters.Select(r =>
        {
            var report = submitted.FirstOrDefault(x => x.Scope == r.Scope);
            return new ReporterStatus(r.Scope, r.Name, due, report is not null, report?.SubmittedAt.Cst(), report?.Late, report?.Id);
        }).ToArray()));
    }

    private sealed record ListedReporter(string Scope, string Name, string? RegionCode = null);

    /// <summary>The reporters the domain says a status lists: the viewing agency itself, the agencies of the level, or the department and the level below.</summary>
    private static async Task<List<ListedReporter>> ReportersAsync(ComplaintsDbContext db, ReportingStatusDuty owed, ListedReporter? agency, CancellationToken ct)
    {
        var region = owed.Duty.Reporter.RegionCode;
        return owed.Listed switch
        {
            ReportersListed.TheAgencyItself => [agency!],
            ReportersListed.AgenciesOfTheLevel => await db.Agencies.AsNoTracking().Where(a => a.RegionCode == region && a.Active).OrderBy(a => a.Name)
                .Select(a => new ListedReporter($"agency:{a.Id}", a.Name, null)).ToListAsync(ct),
            _ => await db.Divisions.AsNoTracking().Where(d => d.Code == region || d.ParentCode == region).OrderBy(d => d.Code)
                .Select(d => new ListedReporter($"region:{d.Code}", d.Name, null)).ToListAsync(ct),
        };
    }

    private static async Task<Results<Ok<ReportView>, FileContentHttpResult, ProblemHttpResult>> Get(
        Guid id, string? format, HttpRequest http, ClaimsPrincipal user, ComplaintsDbContext db, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        Result<StatisticsScope>? scope = report is null ? default(Result<StatisticsScope>?) : await StatisticsScope.ParseAsync(report.Scope, db, ct);
        var caller = Caller.From(user);
        // The reporter itself, and the departments it reports to and above them.
        var mayRead = scope is { IsSuccess: true } s && (s.Value.MayBeReadBy(caller)
            || (report!.SubmittedToRegionCode is { } to && CaseVisibility.Supervises(caller, to)));
        if (report is null || !mayRead)
        {
            return DomainError.NotFound("report.not_found", "报告不存在。").ToProblem();
        }

        var figures = JsonSerializer.Deserialize<ComplaintStatistics>(report.Figures, json.Value.SerializerOptions)!;
        var analysis = await Insight.ReportContent.LoadAsync(db, report.Id, json.Value.SerializerOptions, ct);
        var accept = http.Headers.Accept.ToString();
        var wanted = format ?? (accept.Contains("text/csv", StringComparison.Ordinal) ? "csv" : accept.Contains(XlsxType, StringComparison.Ordinal) ? "xlsx" : "json");
        var fileName = $"report-{report.Scope.Replace(':', '-')}-{report.Period}";
        var names = wanted is "csv" or "xlsx" ? await ReportNamesAsync(db, report, ct) : default;
        switch (wanted)
        {
            case "csv":
                using (var csv = new MemoryStream())
                {
                    // Exactly one UTF-8 BOM, so that spreadsheet programs read the Chinese labels: MiniExcel is told to
                    // write none (its default StreamWriter would add its own), and we put ours first.
                    var config = new MiniExcelLibs.Csv.CsvConfiguration { StreamWriterFunc = stream => new StreamWriter(stream, new UTF8Encoding(false)) };
                    await csv.SaveAsAsync(Rows(report, figures, names).Concat(Insight.ReportContent.Rows(analysis)), excelType: ExcelType.CSV, configuration: config, cancellationToken: ct);
                    return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. csv.ToArray()], "text/csv; charset=utf-8", fileName + ".csv");
                }

            case "xlsx":
                using (var xlsx = new MemoryStream())
                {
                    await xlsx.SaveAsAsync(Rows(report, figures, names).Concat(Insight.ReportContent.Rows(analysis)), sheetName: report.Period, excelType: ExcelType.XLSX, cancellationToken: ct);
                    return TypedResults.File(xlsx.ToArray(), XlsxType, fileName + ".xlsx");
                }

            case "json":
                return TypedResults.Ok(ViewOf(report, figures) with { ContentAnalysis = analysis });
            default:
                return ProblemHandling.Validation("format", "导出格式应为 csv 或 xlsx。");
        }
    }

    private static ReportView ViewOf(Report r, ComplaintStatistics figures) =>
        new(r.Id, r.Period, r.Scope, r.SubmittedToRegionCode, r.DueDate, r.SubmittedAt.Cst(), r.Late, figures, r.IncludedReportIds, r.MissingRegionCodes);

    /// <summary>The reporter and the department reported to, by name (an export never shows <c>agency:&lt;uuid&gt;</c>).</summary>
    private readonly record struct ReportNames(string Reporter, string? SubmittedTo);

    private static async Task<ReportNames> ReportNamesAsync(ComplaintsDbContext db, Report report, CancellationToken ct)
    {
        var reporter = report.AgencyId is { } agency
            ? await db.Agencies.AsNoTracking().Where(a => a.Id == agency).Select(a => a.Name).FirstOrDefaultAsync(ct)
            : await DepartmentNameAsync(db, report.RegionCode, ct);
        return new ReportNames(reporter ?? "—", await DepartmentNameAsync(db, report.SubmittedToRegionCode, ct));
    }

    private static async Task<string?> DepartmentNameAsync(ComplaintsDbContext db, string? regionCode, CancellationToken ct) =>
        regionCode is null ? null
            : await db.ManagementDepartments.AsNoTracking().Where(d => d.RegionCode == regionCode).Select(d => d.Name).FirstOrDefaultAsync(ct)
              ?? await db.Divisions.AsNoTracking().Where(d => d.Code == regionCode).Select(d => d.Name + "政务服务管理部门").FirstOrDefaultAsync(ct);

    /// <summary>
    /// One row per figure for 报送 in a spreadsheet: a Chinese label (the 办法's words for channels, 第八条 reasons,
    /// findings and ratings; agencies by name), the value, and a stable key for machines in the last column.
    /// </summary>
    private static IEnumerable<Dictionary<string, object>> Rows(Report r, ComplaintStatistics f, ReportNames names)
    {
        Dictionary<string, object> Row(string key, string label, object value) => new() { ["指标"] = label, ["数值"] = value, ["key"] = key };
        yield return Row("period", "报告期", PeriodName(r.Period));
        yield return Row("scope", "报送单位", names.Reporter);
        yield return Row("submittedTo", "报送至", names.SubmittedTo ?? "—");
        yield return Row("dueDate", "报送期限", r.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return Row("submittedAt", "报送时间", r.SubmittedAt.Cst().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        yield return Row("late", "是否逾期报送", r.Late ? "是" : "否");
        foreach (var figure in Figures.All)
        {
            var value = figure.Read(f);
            yield return Row(figure.Key, figure.Label, value switch
            {
                double rate => rate.ToString("P1", CultureInfo.InvariantCulture),
                null => "—",
                _ => value,
            });
        }

        for (var i = 0; i < f.TopRespondentAgencies.Count; i++)
        {
            yield return Row($"topRespondentAgencies.{i + 1}", $"被投诉较多的单位 · 第{i + 1}名 · {f.TopRespondentAgencies[i].AgencyName}", f.TopRespondentAgencies[i].Count);
        }

        for (var i = 0; i < f.TopServiceItems.Count; i++)
        {
            yield return Row($"topServiceItems.{i + 1}", $"被投诉较多的事项 · 第{i + 1}名 · {f.TopServiceItems[i].ServiceItemName}", f.TopServiceItems[i].Count);
        }
    }

    /// <summary>2026Q3 → 2026年第三季度, 2026H1 → 2026年上半年度, 2026 → 2026年度.</summary>
    private static string PeriodName(string period)
    {
        var p = ReportingPeriod.TryParse(period).Value;
        string[] quarters = ["一", "二", "三", "四"];
        return p.Kind switch
        {
            ReportingPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{p.Year}年第{quarters[p.Number - 1]}季度"),
            ReportingPeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{p.Year}年{(p.Number == 1 ? "上" : "下")}半年度"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{p.Year}年度"),
        };
    }
}
