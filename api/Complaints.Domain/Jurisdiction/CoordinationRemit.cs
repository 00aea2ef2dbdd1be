using Complaints.Domain.Common;

namespace Complaints.Domain.Jurisdiction;

/// <summary>
/// 第十五条 read with 第五条 (属地管理、分级负责): a matter involving several agencies is coordinated by the
/// management department whose remit contains the case and every agency involved — 本级 when they are all in
/// one division, otherwise the common higher level (the prefecture for two counties of one prefecture, the
/// province for two prefectures). Any department above that level may coordinate too; one below it may not.
/// </summary>
public static class CoordinationRemit
{
    public const string Article = "第十五条";
    public const string OutsideRemitCode = "complaint.coordination_outside_remit";

    /// <summary>The lowest division whose subtree holds every code: the level that coordinates.</summary>
    public static string CommonLevel(IEnumerable<string> regionCodes)
    {
        ArgumentNullException.ThrowIfNull(regionCodes);
        string? common = null;
        foreach (var code in regionCodes)
        {
            common = common is null ? code : CommonOf(common, code);
        }

        return common ?? throw new ArgumentException("At least one division is needed.", nameof(regionCodes));
    }

    /// <summary>
    /// Null when the department of <paramref name="departmentRegion"/> may coordinate a case supervised in
    /// <paramref name="caseRegion"/> with these agencies (each with the request field naming it); otherwise
    /// the refusal, naming the division whose department coordinates.
    /// </summary>
    public static DomainError? Check(string departmentRegion, string caseRegion, IReadOnlyList<(string Field, string Region)> agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var level = CommonLevel([caseRegion, .. agencies.Select(a => a.Region)]);
        if (RegionCode.IsWithin(level, departmentRegion))
        {
            return null;
        }

        var field = agencies.FirstOrDefault(a => !RegionCode.IsWithin(a.Region, departmentRegion)).Field;
        return DomainError.Forbidden(
            OutsideRemitCode,
            $"所涉政务服务机构不全在本行政区域内,应由共同的上级政务服务管理部门(区划代码{level})协调并明确牵头部门(第十五条、第五条)。",
            Article,
            field);
    }

    private static string CommonOf(string a, string b)
    {
        for (var candidate = a; candidate is not null; candidate = RegionCode.ParentOf(candidate))
        {
            if (RegionCode.IsWithin(b, candidate))
            {
                return candidate;
            }
        }

        // Different provinces: nothing in Yunnan holds both. Callers only pass Yunnan's codes.
        throw new ArgumentException($"No common division of {a} and {b}.");
    }
}
