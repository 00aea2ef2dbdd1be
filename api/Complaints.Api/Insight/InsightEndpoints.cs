using System.Security.Claims;
using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Docs;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Complaints.Api.Statistics;
using Complaints.Domain.Common;
using Complaints.Domain.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Complaints.Api.Insight;

/// <summary>Insight for staff (#18): duplicate suggestions (第十三条) and the content analysis of complaints (第十六、十八条).</summary>
public static class InsightEndpoints
{
    public static IServiceCollection AddInsight(this IServiceCollection services) =>
        services.AddHostedService<InsightWarmUp>();

    public static IEndpointRouteBuilder MapInsight(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/cases/{id:guid}/duplicates", DuplicateSuggestions.Get).WithTags("Cases")
            .RequireAuthorization(Policies.Casework).WithAuthProblems().ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetDuplicateSuggestions")
            .WithSummary("Open cases in the caller's remit received within 30 days that are probably the same matter (第十三条), ranked, at most 10, "
                + "with the reasons and the one merge call for each. The case view (GET /cases/{id}) carries the same list.");
        app.MapGet("/api/v1/insight/content-analysis", ContentAnalysis).WithTags("Reports")
            .RequireAuthorization(Policies.Casework).WithAuthProblems()
            .WithName("GetContentAnalysis")
            .WithSummary("What people complained about (第十六条) for `scope=agency:{id}` or `scope=region:{code}` over `period` (2026Q3, 2026H1, 2026) "
                + "or [from, to]: recurring topics by TF-IDF over segmented text with example tracking numbers, the service items with the most "
                + "complaints and the most 不满意 ratings, the change against the previous period, and chart-ready series.");
        return app;
    }

    private static async Task<Results<Ok<ContentAnalysisView>, ProblemHttpResult>> ContentAnalysis(
        string? scope, string? period, DateOnly? from, DateOnly? to, ClaimsPrincipal user, ComplaintsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var parsed = await StatisticsScope.ParseAsync(scope, db, ct);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!.ToProblem();
        }

        DateOnly start, end;
        if (period is not null)
        {
            var p = ReportingPeriod.TryParse(period);
            if (!p.IsSuccess)
            {
                return (p.Error! with { Field = "period" }).ToProblem();
            }

            (start, end) = (p.Value.From, p.Value.To);
        }
        else if (from is { } f && to is { } t)
        {
            (start, end) = (f, t);
        }
        else
        {
            return ProblemHandling.Validation(from is null ? "from" : "to", "缺少分析期间:period(如 2026Q3)或起止日期 from、to(yyyy-MM-dd)。");
        }

        if (end < start || end.DayNumber - start.DayNumber > StatisticsEndpoints.MaxDays)
        {
            return ProblemHandling.Validation("to", $"截止日期应不早于起始日期,且区间不超过 {StatisticsEndpoints.MaxDays} 天。");
        }

        if (!parsed.Value.MayBeReadBy(Caller.From(user)))
        {
            return DomainError.Forbidden("statistics.forbidden", "只能查看本机构、本级及下级行政区域的投诉分析。").ToProblem();
        }

        return TypedResults.Ok(await ContentAnalysisQuery.ComputeAsync(db, parsed.Value, start, end, clock.GetUtcNow(), ct));
    }
}

/// <summary>
/// Loads jieba's dictionary in the background at start, so that the first submission does not wait for it, then
/// segments the cases stored before the insight columns existed (<see cref="InsightBackfill"/>).
/// </summary>
internal sealed class InsightWarmUp(IServiceScopeFactory scopes, ILogger<InsightWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Run(ChineseSegmenter.EnsureLoaded, stoppingToken);
            ReleaseLoadingGarbage();
            var filled = 0;
            int batch;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                // Resolved here, not injected: a host without privacy keys must still start (the protector's own checks say why).
                batch = await InsightBackfill.RunBatchAsync(scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>(),
                    scope.ServiceProvider.GetRequiredService<PersonalDataProtector>(), stoppingToken);
                filled += batch;
            }
            while (batch == InsightBackfill.BatchSize);

            if (filled > 0)
            {
                logger.LogInformation("Segmented {Count} cases stored before the insight columns", filled);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never stops the service: search and suggestions simply miss the cases not yet segmented.
            logger.LogError(e, "Chinese segmentation or its backfill failed");
        }
    }

    /// <summary>
    /// Loading jieba's dictionary grows its tables by doubling: the outgrown arrays are large objects, which the GC
    /// frees but never moves, so ~13-15 MB of the large-object heap stayed committed as free space for the life of
    /// the process (dotnet-counters: LOH fragmentation 13.2-14.6 MB after the read runs; #16's RSS target is 300 MB).
    /// One blocking compacting collection, once, right after the load (tens of milliseconds, while the service starts), gives
    /// those pages back.
    /// </summary>
    private static void ReleaseLoadingGarbage()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
