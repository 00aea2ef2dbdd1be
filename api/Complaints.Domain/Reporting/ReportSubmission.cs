using Complaints.Domain.Cases;
using Complaints.Domain.Common;

namespace Complaints.Domain.Reporting;

/// <summary>A report of the level below as submitted: its division, its id and its frozen figures.</summary>
public sealed record SubmittedReport(Guid Id, string RegionCode, ComplaintStatistics Figures);

/// <summary>What a report freezes: its figures and, for a department's, the reports of the level below it includes and the divisions missing.</summary>
public sealed record ReportFigures(ComplaintStatistics Figures, IReadOnlyList<Guid> IncludedReports, IReadOnlyList<string> MissingDivisions);

/// <summary>Whose reports a reporting-status view lists: those that report to the viewer, or the viewer itself (第十八条).</summary>
public enum ReportersListed
{
    /// <summary>An agency sees its own quarterly report.</summary>
    TheAgencyItself,

    /// <summary>A department sees the quarters of the agencies of its own level, which report to it.</summary>
    AgenciesOfTheLevel,

    /// <summary>A department sees its own half-year or year and those of the departments one level below, which report to it.</summary>
    TheDepartmentAndTheLevelBelow,
}

/// <summary>The report a status view is about and whose reports it lists.</summary>
public sealed record ReportingStatusDuty(ReportingDuty Duty, ReportersListed Listed);

/// <summary>
/// 第十八条 报送: a report is submitted by the reporter itself (the agency, or the management department of the division),
/// for a period it owes (<see cref="ReportingDuties.Of"/>, with 第十九条), once the period has ended, and once: its figures
/// are frozen when submitted and never change. A department's report adds its own level to the reports the level below has
/// submitted (全面汇总本行政区域) and names the divisions that have not.
/// </summary>
public static class ReportSubmission
{
    public const string ForbiddenCode = "report.forbidden";
    public const string PeriodNotEndedCode = "report.period_not_ended";
    public const string AlreadySubmittedCode = "report.already_submitted";

    /// <summary>
    /// The duty <paramref name="by"/> discharges by submitting <paramref name="reporter"/>'s report for
    /// <paramref name="period"/> at <paramref name="now"/>. <paramref name="scope"/> is how the request named the reporter
    /// (<c>agency:{id}</c>, <c>region:{code}</c>), for the message; <paramref name="alreadySubmitted"/> whether its report
    /// for the period is on file.
    /// </summary>
    public static Result<ReportingDuty> Check(Actor by, Reporter reporter, string scope, ReportingPeriod period, bool alreadySubmitted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(period);
        var own = reporter.Level == ReporterLevel.Agency
            ? by.Role == ActorRole.AgencyStaff && reporter.AgencyId is { } agency && by.AgencyId == agency
            : by.Role == ActorRole.ManagementStaff && by.RegionCode == reporter.RegionCode;
        if (!own)
        {
            return DomainError.Forbidden(ForbiddenCode, "报告由本机构或本级政务服务管理部门报送。");
        }

        var owed = ReportingDuties.Of(reporter, period);
        if (!owed.IsSuccess)
        {
            return owed;
        }

        if (now < period.EndsAt)
        {
            return DomainError.Conflict(PeriodNotEndedCode, $"{period} 尚未结束,结束后方可报送。");
        }

        return alreadySubmitted
            ? DomainError.Conflict(AlreadySubmittedCode, $"{scope} 的 {period} 报告已报送,报告一经报送不再修改。")
            : owed;
    }

    /// <summary>
    /// 第十八条 全面汇总本行政区域: the department's own level plus each report submitted by a division directly below it;
    /// the divisions below without a report are listed as missing (in the order given).
    /// </summary>
    public static ReportFigures SumForDepartment(ComplaintStatistics ownLevel, IReadOnlyList<string> divisionsBelow, IReadOnlyList<SubmittedReport> reportsBelow)
    {
        ArgumentNullException.ThrowIfNull(ownLevel);
        ArgumentNullException.ThrowIfNull(divisionsBelow);
        ArgumentNullException.ThrowIfNull(reportsBelow);
        var included = reportsBelow.Where(r => divisionsBelow.Contains(r.RegionCode)).ToList();
        var missing = divisionsBelow.Where(c => included.All(r => r.RegionCode != c)).ToList();
        return new ReportFigures(ReportAggregation.Sum([ownLevel, .. included.Select(r => r.Figures)]), [.. included.Select(r => r.Id)], missing);
    }

    /// <summary>
    /// Which report a reporting-status view shows <paramref name="viewer"/> and whose: an agency its own quarter; a
    /// department, for a quarter, the agencies of its level; for a half-year or year, itself and the level below.
    /// <paramref name="agencyRegion"/> is the viewing agency's division (null for a department).
    /// </summary>
    public static Result<ReportingStatusDuty> StatusFor(Actor viewer, string? agencyRegion, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(period);
        var (reporter, listed) = viewer switch
        {
            { Role: ActorRole.AgencyStaff, AgencyId: { } agency } when agencyRegion is not null => (Reporter.Agency(agencyRegion, agency), ReportersListed.TheAgencyItself),
            { RegionCode: { } region } when period.Kind == ReportingPeriodKind.Quarter => (Reporter.Agency(region), ReportersListed.AgenciesOfTheLevel),
            { RegionCode: { } own } => (Reporter.Department(own), ReportersListed.TheDepartmentAndTheLevelBelow),
            _ => ((Reporter?)null, default(ReportersListed)),
        };
        if (reporter is null)
        {
            return DomainError.Forbidden(ForbiddenCode, "报告状态只对政务服务机构和政务服务管理部门开放。");
        }

        // A period nobody owes (a second half-year, a department's quarter asked by an agency, anything before
        // 2022-07-10) has no due date to show: refused rather than invented.
        var owed = ReportingDuties.Of(reporter, period);
        return owed.IsSuccess ? new ReportingStatusDuty(owed.Value, listed) : owed.Error!;
    }
}
