using Complaints.Api.Cases;
using Complaints.Api.Directory;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Webhooks;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.AgencySystems;

/// <summary>
/// The deadline monitor tells agency systems of a deadline due within one working day — by the working-day calendar,
/// not 24 hours — once per deadline, and of a deadline that passed (第十、十一、十三条); and of a report due (第十八条).
/// </summary>
[Collection(AgencySystemsCollection.Name)]
public sealed class DeadlineReminderTests(AgencySystemsFixture fx) : IAsyncLifetime
{
    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private DeadlineMonitor Monitor => fx.Host.Services.GetRequiredService<DeadlineMonitor>();

    /// <summary>Moves the fake clock forward to 10:00 CST of the next Wednesday whose following three weekdays and Monday are working days.</summary>
    private DateOnly ToNextPlainWednesday()
    {
        var calendar = fx.Host.Services.GetRequiredService<IWorkingDayCalendar>();
        var day = ChinaTime.DateOf(fx.Clock.GetUtcNow()).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Wednesday || !new[] { 0, 1, 2, 5, 6 }.All(n => calendar.IsWorkingDay(day.AddDays(n))))
        {
            day = day.AddDays(1);
        }

        fx.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));
        return day;
    }

    [Fact]
    public async Task A_deadline_due_within_one_working_day_is_announced_once_by_the_working_day_calendar_第十一条()
    {
        var wednesday = ToNextPlainWednesday();
        await fx.SubscribeAsync(agencyId: DemoDirectory.WuhuaMarketRegulation);
        var flow = new CaseFlow(fx.Host);
        var id = await flow.SubmitOnlineAsync("citizen");
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = DemoDirectory.WuhuaMarketRegulation });
        var monday = wednesday.AddDays(5); // 3 working days after Wednesday: Thursday, Friday, Monday (第十一条)

        // Thursday: the next working day is Friday; Monday is not within one working day.
        fx.Clock.Advance(TimeSpan.FromDays(1));
        await Monitor.SweepAsync(CancellationToken.None);
        Assert.DoesNotContain(await fx.EventsAsync(NotificationKind.DeadlineDueSoon), e => e.CaseId == id);

        // Friday: the next working day is Monday, three calendar days (72 hours) away: due soon.
        fx.Clock.Advance(TimeSpan.FromDays(1));
        await Monitor.SweepAsync(CancellationToken.None);
        await Monitor.SweepAsync(CancellationToken.None);
        fx.Clock.Advance(TimeSpan.FromDays(3)); // Monday, the last day: still the same deadline
        await Monitor.SweepAsync(CancellationToken.None);

        var reminder = Assert.Single(await fx.EventsAsync(NotificationKind.DeadlineDueSoon), e => e.CaseId == id);
        Assert.Equal("acceptance", reminder.Payload["deadline"]);
        Assert.Equal(monday.ToString("yyyy-MM-dd"), reminder.Payload["dueDate"]);

        // Tuesday: it passed.
        fx.Clock.Advance(TimeSpan.FromDays(1));
        await Monitor.SweepAsync(CancellationToken.None);
        await Monitor.SweepAsync(CancellationToken.None);
        var passed = Assert.Single(await fx.EventsAsync(NotificationKind.DeadlinePassed), e => e.CaseId == id);
        Assert.Equal(monday.ToString("yyyy-MM-dd"), passed.Payload["dueDate"]);

        await fx.DrainAsync();
        Assert.Equal(
            ["cn.yn.complaints.case.referred", "cn.yn.complaints.deadline.due_soon", "cn.yn.complaints.deadline.passed"],
            fx.Receiver.Processed.Where(d => d.Data.TryGetProperty("caseId", out var c) && c.GetString() == id.ToString()).Select(d => d.Type));
    }

    [Fact]
    public async Task A_referral_deadline_reminds_the_receiving_department_not_the_agency_第十条()
    {
        ToNextPlainWednesday();
        await fx.SubscribeAsync(regionCode: "530102");
        var id = await new CaseFlow(fx.Host).SubmitOnlineAsync("citizen2");

        // Received Wednesday: referral due Friday (2 working days); on Thursday it is due by the next working day.
        fx.Clock.Advance(TimeSpan.FromDays(1));
        await Monitor.SweepAsync(CancellationToken.None);
        var reminder = Assert.Single(await fx.EventsAsync(NotificationKind.DeadlineDueSoon), e => e.CaseId == id);
        Assert.Equal("referral", reminder.Payload["deadline"]);
    }

    [Fact]
    public async Task A_report_due_within_five_working_days_is_announced_once_to_a_subscribed_agency_第十八条()
    {
        await fx.SubscribeAsync(agencyId: DemoDirectory.WuhuaMarketRegulation);
        await using var scope = fx.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();

        // The 2026Q4 report is due on Friday 15 January 2027. On Thursday 7 January that is six working days away;
        // on Friday 8 January, five (the shared clock is not moved: the sweep's step is called at those instants).
        Assert.Equal(0, await AgencyReminders.RemindReportsDueAsync(db, calendar, new DateTimeOffset(2027, 1, 7, 2, 0, 0, TimeSpan.Zero), CancellationToken.None));
        var friday = new DateTimeOffset(2027, 1, 8, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, await AgencyReminders.RemindReportsDueAsync(db, calendar, friday, CancellationToken.None));
        Assert.Equal(0, await AgencyReminders.RemindReportsDueAsync(db, calendar, friday.AddDays(3), CancellationToken.None));

        var due = Assert.Single(await fx.EventsAsync(NotificationKind.ReportDue));
        Assert.Null(due.CaseId);
        Assert.Equal("2026Q4", due.Payload["period"]);
        Assert.Equal($"agency:{DemoDirectory.WuhuaMarketRegulation}", due.Payload["scope"]);
        Assert.Equal("2027-01-15", due.Payload["dueDate"]);
        Assert.Contains("\"type\":\"cn.yn.complaints.report.due\"", System.Text.Encoding.UTF8.GetString(AgencyWebhookSender.Body(due)), StringComparison.Ordinal);
    }
}
