using Complaints.Api.Docs;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Common;
using Complaints.Domain.Jurisdiction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Directory;

/// <summary>api.md "Directory (anonymous)": where a complainant picks the agency to complain about.</summary>
public static class DirectoryEndpoints
{
    public sealed record RegionView(string Code, string Name, RegionLevel Level, string? ParentCode);

    public sealed record AgencyView(Guid Id, string Name, AgencyKind Kind, string RegionCode, string? ComplaintPhone);

    public static IEndpointRouteBuilder MapDirectory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Directory").AllowAnonymous().WithStandardProblems();
        group.MapGet("/regions", ListRegions)
            .WithName("ListRegions")
            .WithSummary("Yunnan's GB/T 2260 divisions: the children of `parent`, or the province when omitted.");
        group.MapGet("/agencies", ListAgencies)
            .WithName("ListAgencies")
            .WithSummary("Government-service agencies to name as the respondent, filtered by division (and below) and name.");
        group.MapGet("/agencies/{id:guid}", GetAgency)
            .WithName("GetAgency")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One agency of the directory, so that a front end can show whom a complaint is about (第七条).");
        return app;
    }

    private static async Task<Results<Ok<RegionView[]>, ProblemHttpResult>> ListRegions(string? parent, ComplaintsDbContext db, CancellationToken ct)
    {
        if (parent is not null && !RegionCode.IsWellFormed(parent))
        {
            return ProblemHandling.Validation("parent", "区划代码应为 6 位数字(GB/T 2260)。");
        }

        var query = db.Divisions.AsNoTracking();
        query = parent is null ? query.Where(d => d.ParentCode == null) : query.Where(d => d.ParentCode == parent);
        var regions = await query.OrderBy(d => d.Code).Select(d => new RegionView(d.Code, d.Name, d.Level, d.ParentCode)).ToArrayAsync(ct);
        return TypedResults.Ok(regions);
    }

    private static async Task<Results<Ok<AgencyView>, ProblemHttpResult>> GetAgency(Guid id, ComplaintsDbContext db, CancellationToken ct)
    {
        // Inactive agencies stay readable: complaints already lodged against them still name them.
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AgencyView(a.Id, a.Name, a.Kind, a.RegionCode, a.ComplaintPhone)).FirstOrDefaultAsync(ct);
        return agency is null
            ? DomainError.NotFound("agency.not_found", "政务服务机构不存在。").ToProblem()
            : TypedResults.Ok(agency);
    }

    private static async Task<Results<Ok<Page<AgencyView>>, ProblemHttpResult>> ListAgencies(
        string? regionCode, string? q, int? limit, string? cursor, ComplaintsDbContext db, CancellationToken ct)
    {
        if (regionCode is not null && !RegionCode.IsWellFormed(regionCode))
        {
            return ProblemHandling.Validation("regionCode", "区划代码应为 6 位数字(GB/T 2260)。");
        }

        Guid? after = null;
        if (cursor is not null)
        {
            if (!Guid.TryParse(cursor, out var parsed))
            {
                return ProblemHandling.Validation("cursor", "分页游标无效。");
            }

            after = parsed;
        }

        var take = Paging.Clamp(limit);
        var query = db.Agencies.AsNoTracking().Where(a => a.Active);
        if (regionCode is not null)
        {
            var prefix = RegionCode.SubtreePrefix(regionCode);
            query = query.Where(a => a.RegionCode.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = $"%{q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(a => EF.Functions.ILike(a.Name, pattern));
        }

        if (after is { } id)
        {
            query = query.Where(a => a.Id.CompareTo(id) > 0);
        }

        var items = await query.OrderBy(a => a.Id).Take(take + 1)
            .Select(a => new AgencyView(a.Id, a.Name, a.Kind, a.RegionCode, a.ComplaintPhone)).ToListAsync(ct);
        var next = items.Count > take ? items[take - 1].Id.ToString() : null;
        return TypedResults.Ok(new Page<AgencyView>(items.Take(take).ToArray(), next));
    }
}
