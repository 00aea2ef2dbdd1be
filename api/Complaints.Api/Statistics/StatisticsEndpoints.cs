using Complaints.Api.Auth;
using Complaints.Api.Docs;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Common;
using Complaints.Domain.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Complaints.Api.Statistics;

public sealed record StatisticsView(string Scope, DateOnly From, DateOnly To, DateTimeOffset ComputedAt, ComplaintStatistics Figures);

/// <summary>Live figures for an agency or a division and everything below it (第十六、十八条).</summary>
public static class StatisticsEndpoints
{
    public const int MaxDays = 3 * 366;

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/statistics", Get).WithTags("Reports").RequireAuthorization(Policies.Casework).WithAuthProblems()
            .WithName("GetStatistics")
            .WithSummary("Live figures of 第十八条 for `scope=agency:{id}` or `scope=region:{code}` (the division and all below) over [from, to], by date of receipt (CST).");
        return app;
    }

    private static async Task<Results<Ok<StatisticsView>, ProblemHttpResult>> Get(
        string? scope, DateOnly? from, DateOnly? to, System.Security.Claims.ClaimsPrincipal user, ComplaintsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var parsed = await StatisticsScope.ParseAsync(scope, db, ct);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!.ToProblem();
        }

        if (from is not { } start || to is not { } end)
        {
            return ProblemHandling.Validation(from is null ? "from" : "to", "缺少统计起止日期(yyyy-MM-dd)。");
        }

        if (end < start || end.DayNumber - start.DayNumber > MaxDays)
        {
            return ProblemHandling.Validation("to", $"统计截止日期应不早于起始日期,且区间不超过 {MaxDays} 天。");
        }

        if (!parsed.Value.MayBeReadBy(Caller.From(user)))
        {
            return DomainError.Forbidden("statistics.forbidden", "只能查看本机构、本级及下级行政区域的统计。").ToProblem();
        }

        var now = clock.GetUtcNow();
        var figures = await StatisticsQuery.ComputeAsync(db, parsed.Value, start, end, now, ct);
        return TypedResults.Ok(new StatisticsView(parsed.Value.ToString(), start, end, Complaints.ComplaintViewMapping.Cst(now), figures));
    }
}
