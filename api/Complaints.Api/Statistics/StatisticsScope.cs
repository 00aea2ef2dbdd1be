using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Persistence;
using Complaints.Domain.Common;
using Complaints.Domain.Jurisdiction;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Regions = Complaints.Domain.Jurisdiction.RegionCode;

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

    // Compiled once: the LINQ translation of these two lookups cost more service CPU than the rest of a county's request.
    private static readonly Func<ComplaintsDbContext, Guid, CancellationToken, Task<string?>> AgencyRegionOf =
        EF.CompileAsyncQuery((ComplaintsDbContext db, Guid id, CancellationToken ct) => db.Agencies.Where(a => a.Id == id).Select(a => a.RegionCode).FirstOrDefault());

    private static readonly Func<ComplaintsDbContext, string, CancellationToken, Task<bool>> DivisionExists =
        EF.CompileAsyncQuery((ComplaintsDbContext db, string code, CancellationToken ct) => db.Divisions.Any(d => d.Code == code));

    public static async Task<Result<StatisticsScope>> ParseAsync(string? text, ComplaintsDbContext db, CancellationToken ct)
    {
        var invalid = DomainError.Invalid("statistics.invalid_scope", "统计范围应为 agency:{机构ID} 或 region:{区划代码}。", null, "scope");
        if (text is null)
        {
            return invalid;
        }

        if (text.StartsWith("agency:", StringComparison.Ordinal) && Guid.TryParse(text.AsSpan(7), out var agencyId))
        {
            var region = await AgencyRegionOf(db, agencyId, ct);
            return region is null ? invalid with { Message = "统计范围中的政务服务机构不存在。" } : new StatisticsScope(agencyId, null, region);
        }

        var code = text.StartsWith("region:", StringComparison.Ordinal) ? text[7..] : null;
        if (code is not null && Regions.IsWellFormed(code) && await DivisionExists(db, code, ct))
        {
            return new StatisticsScope(null, code, code);
        }

        return invalid;
    }

    /// <summary>第十八条 and 第五条: the scope's own staff, and management departments at or above it.</summary>
    public bool MayBeReadBy(Caller caller) =>
        (AgencyId is { } agency && caller.IsAgency && caller.AgencyId == agency) || CaseVisibility.Supervises(caller, AgencyRegion);

    /// <summary>
    /// The complaints in scope as a condition on <paramref name="alias"/> (a row of <c>complaints</c>), its values added to
    /// <paramref name="parameters"/>. A division and everything below it is what that division's management department
    /// supervises: the visibility rule itself (<see cref="CaseVisibility.DivisionAndBelowSql"/>, VisibilityParityTests).
    /// </summary>
    public string Sql(string alias, List<NpgsqlParameter> parameters)
    {
        if (AgencyId is { } agency)
        {
            // Not visibility: the complaints about the agency (被投诉单位), not every case it handles, leads or cooperates on.
            parameters.Add(new NpgsqlParameter("scope_agency", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = agency });
            return $"{alias}.respondent_agency_id = @scope_agency";
        }

        if (OwnLevelOnly || Regions.LevelOf(RegionCode!) == RegionLevel.County)
        {
            // One level only (a report's own part, 第十八条) is not a visibility rule. A county has no division below it, so
            // department_sees is equality there (VisibilityParityTests); written as equality of the stored character(6)
            // column so that the (region_code, received_at, id) index serves it, in a prepared statement's generic plan too.
            parameters.Add(new NpgsqlParameter("scope_region", NpgsqlTypes.NpgsqlDbType.Char) { Value = RegionCode });
            return $"{alias}.region_code = @scope_region";
        }

        return CaseVisibility.DivisionAndBelowSql(RegionCode!, alias, parameters, "scope_region");
    }
}
