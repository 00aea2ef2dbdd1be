using Complaints.Api.Auth;
using Complaints.Api.Persistence;
using Complaints.Domain.Common;
using Regions = Complaints.Domain.Jurisdiction.RegionCode;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Statistics;

/// <summary>
/// What figures are about: <c>agency:{id}</c> (complaints about one agency) or <c>region:{code}</c>
/// (complaints supervised in that division and every division below it, 第五条).
/// </summary>
public sealed record StatisticsScope(Guid? AgencyId, string? RegionCode, string AgencyRegion, bool OwnLevelOnly = false)
{
    /// <summary>Only the agencies of exactly this division, not those below (a department's own part of its report, 第十八条).</summary>
    public static StatisticsScope OwnLevelOf(string regionCode) => new(null, regionCode, regionCode, OwnLevelOnly: true);

    public override string ToString() => AgencyId is { } id ? $"agency:{id}" : $"region:{RegionCode}";

    public static async Task<Result<StatisticsScope>> ParseAsync(string? text, ComplaintsDbContext db, CancellationToken ct)
    {
        var invalid = DomainError.Invalid("statistics.invalid_scope", "统计范围应为 agency:{机构ID} 或 region:{区划代码}。", null, "scope");
        if (text is null)
        {
            return invalid;
        }

        if (text.StartsWith("agency:", StringComparison.Ordinal) && Guid.TryParse(text.AsSpan(7), out var agencyId))
        {
            var region = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.RegionCode).FirstOrDefaultAsync(ct);
            return region is null ? invalid with { Message = "统计范围中的政务服务机构不存在。" } : new StatisticsScope(agencyId, null, region);
        }

        var code = text.StartsWith("region:", StringComparison.Ordinal) ? text[7..] : null;
        if (code is not null && Regions.IsWellFormed(code) && await db.Divisions.AnyAsync(d => d.Code == code, ct))
        {
            return new StatisticsScope(null, code, code);
        }

        return invalid;
    }

    /// <summary>第十八条 and 第五条: the scope's own staff, and management departments at or above it.</summary>
    public bool MayBeReadBy(Caller caller) =>
        (AgencyId is { } agency && caller.IsAgency && caller.AgencyId == agency)
        || (caller.IsManagement && caller.RegionCode is { } region && Regions.IsWithin(AgencyRegion, region));
}
