using Complaints.Domain.Common;
using Complaints.Domain.Jurisdiction;

namespace Complaints.Domain.Reporting;

/// <summary>
/// Who reports under 第十八条: an agency (政务服务机构) of a division, or the management department
/// (政务服务管理部门) of a division. The division's level (county, prefecture, province) decides
/// whom a department reports to. <see cref="AgencyId"/> names the agency when it is known (who may submit its report).
/// </summary>
public sealed record Reporter(ReporterLevel Level, string RegionCode, Guid? AgencyId = null)
{
    public static Reporter Agency(string regionCode, Guid? agencyId = null) => new(ReporterLevel.Agency, regionCode, agencyId);

    public static Reporter Department(string regionCode) => new(ReporterLevel.ManagementDepartment, regionCode);

    /// <summary>
    /// The department the report goes to: an agency's own level (本级政务服务管理部门); a department's
    /// level above (上一级政务服务管理部门). Null for the province, the top of Yunnan's hierarchy.
    /// </summary>
    public string? ReportsTo => Level == ReporterLevel.Agency ? RegionCode : Jurisdiction.RegionCode.ParentOf(RegionCode);
}

/// <summary>One report owed under 第十八条: the period, its due date, whom it goes to and the first day it counts.</summary>
public sealed record ReportingDuty(Reporter Reporter, ReportingPeriod Period, DateOnly DueDate, string? SubmittedTo, DateOnly CountsFrom);

/// <summary>
/// 第十八条, who owes which report (rules.md "Reporting"), and 第十九条 (in force from 2022-07-10):
/// <list type="bullet">
/// <item>every agency owes each quarter to the management department of its own level, by the 15th of the
/// next quarter's first month (第一款);</item>
/// <item>every management department — county, prefecture and province alike (各级) — owes the first half-year
/// by 15 July and the year by 31 January to the level above (第二款); the province has no level above it
/// within Yunnan, so its reports go to no department here (<see cref="ReportingDuty.SubmittedTo"/> is null);</item>
/// <item>nobody owes a second half-year, a department no quarter, an agency no half-year or year: the 办法
/// names no such report, so none has a due date;</item>
/// <item>a period that ends before 2022-07-10 is not owed (第十九条); the period containing that day counts
/// from it.</item>
/// </list>
/// </summary>
public static class ReportingDuties
{
    public const string NotOwedCode = "report.period_not_owed";
    public const string BeforeRegulationCode = "report.before_regulation";

    public static Result<ReportingDuty> Of(Reporter reporter, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        ArgumentNullException.ThrowIfNull(period);
        if (period.To < Regulation.InForceFrom)
        {
            return DomainError.Invalid(
                BeforeRegulationCode,
                $"本办法自{Regulation.InForceText}起施行(第十九条),{period} 在此之前结束,无需报送。",
                Regulation.InForceArticle,
                "period");
        }

        if (!period.IsOwedBy(reporter.Level))
        {
            return DomainError.Invalid(NotOwedCode, NotOwedMessage(reporter.Level, period), ReportingPeriod.Article, "period");
        }

        return new ReportingDuty(reporter, period, period.DueDate!.Value, reporter.ReportsTo, period.CountsFrom);
    }

    /// <summary>Every report <paramref name="reporter"/> owes for <paramref name="year"/>, in due-date order.</summary>
    public static IReadOnlyList<ReportingDuty> OwedIn(Reporter reporter, int year)
    {
        ArgumentNullException.ThrowIfNull(reporter);
        return
        [
            .. ReportingPeriod.OwedBy(reporter.Level, year)
                .Select(p => Of(reporter, p))
                .Where(d => d.IsSuccess)
                .Select(d => d.Value),
        ];
    }

    private static string NotOwedMessage(ReporterLevel level, ReportingPeriod period)
    {
        if (period.Kind == ReportingPeriodKind.HalfYear && period.Number == 2)
        {
            return "第十八条只规定季度、上半年度和年度报告,下半年度情况在年度报告中报送,没有单独的报送期限。";
        }

        return level == ReporterLevel.Agency
            ? "政务服务机构按季度报送(第十八条),如 2026Q3。"
            : "政务服务管理部门报送上半年度(如 2026H1)和上一年度(如 2026)情况(第十八条)。";
    }
}
