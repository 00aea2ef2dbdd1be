using Complaints.Api.Infrastructure;
using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Complaints;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Webhooks;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Cases;

/// <summary>Configuration section <c>DeadlineMonitor</c>.</summary>
public sealed class DeadlineMonitorOptions
{
    public const string Section = "DeadlineMonitor";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Flags every running deadline that has passed (第十、十一、十三条) once on the case's timeline and
/// tells the supervising management department. One replica runs a sweep at a time (a PostgreSQL
/// advisory lock); "due within one working day" is derived at query time from the same column.
/// </summary>
public sealed class DeadlineMonitor(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<DeadlineMonitorOptions> options, ILogger<DeadlineMonitor> logger) : BackgroundService
{
    private const long SweepLock = 0x5943_4445_4144_4C; // "YCDEADL"
    private static readonly Caller System = new("system", "system", null, null);

    /// <summary>One sweep; returns how many deadlines were newly flagged, or -1 when another replica holds the sweep.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!(await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({SweepLock}) AS \"Value\"").ToListAsync(ct))[0])
            {
                return -1;
            }

            try
            {
                var flagged = await FlagOverdueAsync(scope.ServiceProvider, db, ct);

                // Agency systems' reminders (Webhooks/AgencyReminders), each raised once, under the same lock.
                var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
                await AgencyReminders.RemindDueSoonAsync(db, calendar, clock.GetUtcNow(), options.Value.BatchSize, ct);
                await AgencyReminders.RemindReportsDueAsync(db, calendar, clock.GetUtcNow(), ct);
                return flagged;
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({SweepLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> FlagOverdueAsync(IServiceProvider services, ComplaintsDbContext db, CancellationToken ct)
    {
        var calendar = services.GetRequiredService<IWorkingDayCalendar>();
        var now = clock.GetUtcNow();
        var due = await db.Complaints.AsNoTracking()
            .Where(c => EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt) <= now
                && (EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.OverdueFlaggedDueAt) == null
                    || EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.OverdueFlaggedDueAt) != EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt)))
            .OrderBy(c => EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt))
            .Select(c => c.Id).Take(options.Value.BatchSize).ToListAsync(ct);

        var flagged = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var audit = ActivatorUtilities.CreateInstance<AuditTrail>(services);
            await using var work = ActivatorUtilities.CreateInstance<UnitOfWork>(services, audit);
            var complaint = await db.Complaints.AsSplitQuery().FirstAsync(c => c.Id == id, ct);
            if (complaint.RunningDeadline(calendar) is not { } deadline)
            {
                continue;
            }

            var change = ComplaintChange.Begin(complaint);
            var result = complaint.FlagOverdue(calendar, deadline.Kind, now);
            db.Entry(complaint).Property<DateTimeOffset?>(ComplaintConfiguration.OverdueFlaggedDueAt).CurrentValue = deadline.DueAt.ToUniversalTime();
            if (result.IsSuccess && result.Value)
            {
                flagged++;
            }

            // The audit line, the department's alert and the agency's event follow from the OverdueFlagged event.
            await change.StageAsync(db, audit, calendar, System, now, ct);
            if (!await ComplaintStore.TrySaveStagedAsync(work, ct))
            {
                logger.LogInformation("Case {CaseId} changed while being flagged; the next sweep looks again", complaint.Id);
            }
        }

        return flagged;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicSweep.RunAsync(options.Value.Interval, clock, runAtStart: false, SweepAsync,
            e => logger.LogWarning(e, "Deadline sweep failed; it will run again"), stoppingToken);
}

public static class DeadlineMonitorSetup
{
    public static IServiceCollection AddDeadlineMonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DeadlineMonitorOptions>(DeadlineMonitorOptions.Section);
        services.AddSingleton<DeadlineMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineMonitor>());
        return services;
    }
}
