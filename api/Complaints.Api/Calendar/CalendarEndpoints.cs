using System.Security.Claims;
using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Docs;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Calendar;

/// <summary>api.md "Directory": the working-day calendar, and the deadline arithmetic the cases use.</summary>
public static class CalendarEndpoints
{
    /// <summary><c>kind</c> is the 办法's period asked for (<c>working_day_count</c> for a plain count); <c>article</c> is null for a plain count.</summary>
    public sealed record DeadlineView(DateOnly From, int WorkingDays, DateOnly Due, DateTimeOffset DueAt, bool Provisional, string Explanation, DeadlineKind Kind, string? Article);

    public static IServiceCollection AddWorkingDayCalendar(this IServiceCollection services)
    {
        services.AddSingleton(_ => StateCouncilCalendar.LoadShipped());
        services.AddSingleton<IWorkingDayCalendar>(sp => sp.GetRequiredService<StateCouncilCalendar>());
        services.AddHostedService<CalendarSync>();
        return services;
    }

    public static IEndpointRouteBuilder MapCalendar(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Calendar").AllowAnonymous().WithStandardProblems();
        calendar.MapGet("/deadline", Deadline).WithName("ComputeDeadline")
            .WithSummary("The end of the N-th working day after `from` (the day itself not counted), as the cases compute it: `workingDays=N` for a plain count, or `kind=referral|acceptance|onsite_handling|offsite_handling|extended_handling` for one of the 办法's periods.");
        calendar.MapGet("/{year:int}", Year).WithName("GetCalendarYear")
            .WithSummary("A year's holidays and makeup working days (调休补班); `hasSchedule` is false for a year not yet published.");

        app.MapPut("/api/v1/admin/calendar/{year:int}", Load).WithTags("Administration")
            .RequireAuthorization(Policies.Admin).WithAuthProblems()
            .Accepts<string>("application/json")
            .WithName("LoadCalendarYear")
            .WithSummary("Load or replace a year's State Council schedule (holiday-cn JSON: {year, papers, days:[{name, date, isOffDay}]}).");
        return app;
    }

    private static Results<Ok<DeadlineView>, ProblemHttpResult> Deadline(DateOnly? from, int? workingDays, string? kind, IWorkingDayCalendar calendar)
    {
        if (from is not { } start)
        {
            return ProblemHandling.Validation("from", "缺少起算日期(yyyy-MM-dd)。");
        }

        if (start.Year is < 2000 or > 2100)
        {
            return ProblemHandling.Validation("from", "起算日期超出支持的范围。");
        }

        Deadline deadline;
        if (kind is not null)
        {
            // One of the 办法's periods: its own length, article and wording.
            if (!WireNames.TryParse<DeadlineKind>(kind, out var statutory) || statutory == DeadlineKind.WorkingDayCount)
            {
                return ProblemHandling.Validation("kind", "期限类型应为本办法规定的期限之一:交办投诉(第十条)、决定是否受理(第十一条)、现场处理类办结、非现场处理类办结或延期后办结(第十三条)。");
            }

            deadline = DeadlineRules.Statutory(calendar, statutory, start);
            if (workingDays is { } asked && asked != deadline.WorkingDays)
            {
                return ProblemHandling.Validation("workingDays", $"{statutory.Name()}的期限为{deadline.WorkingDays}个工作日,与所给工作日数不符;可省略工作日数。");
            }
        }
        else
        {
            if (workingDays is not (>= 0 and <= 250) || workingDays is not { } days)
            {
                return ProblemHandling.Validation("workingDays", "工作日数应为 0 至 250 之间的整数(或给出期限类型 kind)。");
            }

            deadline = DeadlineRules.Count(calendar, start, days);
        }

        return TypedResults.Ok(new DeadlineView(
            start, deadline.WorkingDays, deadline.Due, ChinaTime.ToChina(deadline.DueAt), deadline.Provisional, deadline.Explain(calendar),
            deadline.Kind, deadline.Article.Length == 0 ? null : deadline.Article));
    }

    private static Results<Ok<CalendarYear>, ProblemHttpResult> Year(int year, StateCouncilCalendar calendar)
    {
        if (year is < 2000 or > 2100)
        {
            return ProblemHandling.Validation("year", "年份超出支持的范围。");
        }

        return Described(calendar, year);
    }

    private static Results<Ok<CalendarYear>, ProblemHttpResult> Described(StateCouncilCalendar calendar, int year)
    {
        var described = calendar.Describe(year);
        return described.IsSuccess ? TypedResults.Ok(described.Value) : (described.Error! with { Field = "year" }).ToProblem();
    }

    private static async Task<Results<Ok<CalendarYear>, ProblemHttpResult>> Load(
        int year, HttpRequest request, ClaimsPrincipal user, StateCouncilCalendar calendar, ComplaintsDbContext db, AuditTrail audit, UnitOfWork work, TimeProvider clock, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        // Validated, stored, and only then applied: a save that fails leaves this replica's calendar as stored,
        // and the other replicas pick the stored schedule up through CalendarSync.
        var validated = StateCouncilCalendar.Validate(year, json);
        if (!validated.IsSuccess)
        {
            return (validated.Error! with { Field = validated.Error.Field ?? "body" }).ToProblem();
        }

        var stored = await db.HolidaySchedules.FindAsync([year], ct);
        if (stored is null)
        {
            db.HolidaySchedules.Add(new HolidaySchedule { Year = year, Json = json, LoadedAt = clock.GetUtcNow(), LoadedBy = Caller.From(user).Subject });
        }
        else
        {
            stored.Json = json;
            stored.LoadedAt = clock.GetUtcNow();
            stored.LoadedBy = Caller.From(user).Subject;
        }

        audit.Record(Caller.From(user), "calendar.loaded", null, $"year={year}");
        await work.SaveAsync(ct);
        var applied = calendar.Load(validated.Value);
        if (!applied.IsSuccess)
        {
            return (applied.Error! with { Field = "body" }).ToProblem();
        }

        // Applied here first, so the stored due dates of open cases are recomputed on the new schedule at once.
        await RefreshOpenDeadlinesAsync(db, calendar, year, ct);
        return Described(calendar, year);
    }

    /// <summary>
    /// The official schedule replaces the statutory days the calendar assumed (rules.md "Working days"): every open
    /// case whose running deadline could count a day of <paramref name="year"/> (due on or after 1 December of the
    /// year before, since a notice may move late-December days) gets its stored due date recomputed now, so queues,
    /// "due soon" and the overdue monitor use the new dates at once, not at the case's next save.
    /// </summary>
    internal static async Task<int> RefreshOpenDeadlinesAsync(ComplaintsDbContext db, IWorkingDayCalendar calendar, int year, CancellationToken ct)
    {
        var from = new DateOnly(year - 1, 12, 1);
        // Only the columns the running deadline is computed from (as the public lookup does), not whole aggregates.
        var open = await db.Complaints.AsNoTracking()
            .Where(c => EF.Property<DateOnly?>(c, ComplaintConfiguration.RunningDueDate) >= from)
            .Select(c => new { c.Id, Facts = new DeadlineFacts(c.Status, c.ReceivedAt, c.ReceivingRegionCode, c.ReferredAt, c.AcceptedAt, c.Classification, c.Extended) })
            .ToListAsync(ct);
        var refreshed = 0;
        foreach (var row in open)
        {
            var running = row.Facts.Running(calendar);
            var dueAt = running?.DueAt.ToUniversalTime();
            var due = running?.Due;
            // Only the two derived columns: the case's version is not bumped, so no one's concurrent action is refused.
            refreshed += await db.Complaints.Where(c => c.Id == row.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt), dueAt)
                .SetProperty(c => EF.Property<DateOnly?>(c, ComplaintConfiguration.RunningDueDate), due), ct);
        }

        return refreshed;
    }
}

/// <summary>Applies administrator-loaded schedules at start and every few minutes, so every replica agrees.</summary>
internal sealed class CalendarSync(IServiceScopeFactory scopes, StateCouncilCalendar calendar, TimeProvider clock, ILogger<CalendarSync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
                foreach (var schedule in await db.HolidaySchedules.AsNoTracking().ToListAsync(stoppingToken))
                {
                    var loaded = calendar.LoadJson(schedule.Year, schedule.Json);
                    if (!loaded.IsSuccess)
                    {
                        logger.LogWarning("Stored schedule for {Year} no longer loads: {Code}", schedule.Year, loaded.Error!.Code);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Could not read stored holiday schedules; will retry");
            }
        }
        while (await Delay(stoppingToken));
    }

    private async Task<bool> Delay(CancellationToken ct)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(5), clock, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
