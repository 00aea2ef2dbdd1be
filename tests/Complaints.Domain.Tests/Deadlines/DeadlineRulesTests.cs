using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Deadlines;

public class DeadlineRulesTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    private static DateTimeOffset At(string isoDate, int hour = 10) => new(D(isoDate).ToDateTime(new TimeOnly(hour, 0)), Cst);

    [Fact]
    public void Acceptance_is_due_three_working_days_after_receipt_第十一条()
    {
        // Fri 02-13 received; Sat 02-14 is a make-up working day (day 1); 02-15..02-23 春节; 02-24 day 2; 02-25 day 3.
        var deadline = DeadlineRules.Acceptance(Shipped, At("2026-02-13", 15));

        Assert.Equal(DeadlineKind.Acceptance, deadline.Kind);
        Assert.Equal("第十一条", deadline.Article);
        Assert.Equal(D("2026-02-13"), deadline.Start);
        Assert.Equal(3, deadline.WorkingDays);
        Assert.Equal(D("2026-02-25"), deadline.Due);
        Assert.Equal(new DateTimeOffset(2026, 2, 26, 0, 0, 0, Cst), deadline.DueAt);
        Assert.False(deadline.Provisional);
        Assert.Equal(Days(D("2026-02-15"), D("2026-02-23")), deadline.SkippedDays);
    }

    [Fact]
    public void A_complaint_received_on_a_holiday_is_referred_two_working_days_after_the_holiday_ends_第十条()
    {
        // Sat 10-03 is inside 国庆 (10-01..10-07); Thu 10-08 is day 1, Fri 10-09 day 2 (Sat 10-10 would be a make-up day).
        var deadline = DeadlineRules.Referral(Shipped, At("2026-10-03"));

        Assert.Equal(DeadlineKind.Referral, deadline.Kind);
        Assert.Equal("第十条", deadline.Article);
        Assert.Equal(D("2026-10-09"), deadline.Due);
        Assert.Equal(Days(D("2026-10-04"), D("2026-10-07")), deadline.SkippedDays);
    }

    [Fact]
    public void The_day_of_receipt_is_the_china_standard_time_date_of_the_instant()
    {
        // 17:00 UTC on Fri 02-13 is 01:00 on Sat 02-14 in China: counting starts on Tue 02-24.
        var deadline = DeadlineRules.Acceptance(Shipped, new DateTimeOffset(2026, 2, 13, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(D("2026-02-14"), deadline.Start);
        Assert.Equal(D("2026-02-26"), deadline.Due);
    }

    [Fact]
    public void An_offsite_case_is_concluded_within_ten_working_days_of_acceptance_counting_the_makeup_saturday_第十三条()
    {
        // Wed 09-30 accepted; 10-01..10-07 off; 10-08, 10-09, 10-10 (make-up), 10-12..10-16, 10-19, 10-20.
        var deadline = DeadlineRules.Handling(Shipped, At("2026-09-30"), Classification.Offsite, extended: false);

        Assert.Equal(DeadlineKind.OffsiteHandling, deadline.Kind);
        Assert.Equal("第十三条第(二)项", deadline.Article);
        Assert.Equal(D("2026-10-20"), deadline.Due);
        Assert.Equal(10, deadline.SkippedDays.Count);
    }

    [Fact]
    public void An_extended_case_never_runs_past_twenty_working_days_of_acceptance_第十三条()
    {
        var deadline = DeadlineRules.Handling(Shipped, At("2026-09-30"), Classification.Offsite, extended: true);

        Assert.Equal(DeadlineKind.ExtendedHandling, deadline.Kind);
        Assert.Equal(20, deadline.WorkingDays);
        Assert.Equal(D("2026-11-03"), deadline.Due);
    }

    [Fact]
    public void An_onsite_case_is_concluded_the_day_it_is_accepted_even_on_a_holiday_第十三条()
    {
        var deadline = DeadlineRules.Handling(Shipped, At("2026-10-03"), Classification.Onsite, extended: false);

        Assert.Equal(DeadlineKind.OnsiteHandling, deadline.Kind);
        Assert.Equal(D("2026-10-03"), deadline.Due);
        Assert.Equal(new DateTimeOffset(2026, 10, 4, 0, 0, 0, Cst), deadline.DueAt);
        Assert.Empty(deadline.SkippedDays);
        Assert.False(deadline.Provisional);
    }

    [Fact]
    public void A_deadline_is_overdue_from_24_00_of_its_due_date_on()
    {
        var deadline = DeadlineRules.Acceptance(Shipped, At("2026-02-13"));

        Assert.False(deadline.IsOverdueAt(new DateTimeOffset(2026, 2, 25, 23, 59, 59, Cst)));
        Assert.True(deadline.IsOverdueAt(new DateTimeOffset(2026, 2, 26, 0, 0, 0, Cst)));
        Assert.True(deadline.IsOverdueAt(new DateTimeOffset(2026, 2, 25, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_deadline_counted_in_2027_is_provisional_because_the_2027_notice_is_not_published()
    {
        var deadline = DeadlineRules.Acceptance(Shipped, At("2027-03-01"));

        Assert.True(deadline.Provisional);
        Assert.Equal(D("2027-03-04"), deadline.Due);
    }

    [Fact]
    public void A_deadline_crossing_into_2027_is_provisional_and_skips_its_statutory_new_year()
    {
        // Wed 12-30 received; Thu 12-31 day 1, Fri 2027-01-01 元旦 (statutory, no notice yet), Mon 01-04 day 2, Tue 01-05 day 3.
        var deadline = DeadlineRules.Acceptance(Shipped, At("2026-12-30"));

        Assert.True(deadline.Provisional);
        Assert.Equal(D("2027-01-05"), deadline.Due);
    }

    [Fact]
    public void A_deadline_counting_the_last_week_of_december_waits_for_the_next_notice()
    {
        Assert.False(DeadlineRules.Acceptance(Shipped, At("2026-12-18")).Provisional);
        Assert.True(DeadlineRules.Acceptance(Shipped, At("2026-12-22")).Provisional);
    }

    [Fact]
    public void A_deadline_wholly_inside_a_published_year_is_not_provisional_even_if_received_in_an_unpublished_one()
    {
        var calendar = new StateCouncilCalendar([Shipped.ScheduleFor(2026)!]);

        // 2025-12-31 has no notice loaded here, but it is the day of receipt and is never counted:
        // 01-01..01-03 元旦, Sun 01-04 make-up (day 1), 01-05, 01-06.
        var deadline = DeadlineRules.Acceptance(calendar, At("2025-12-31"));

        Assert.False(deadline.Provisional);
        Assert.Equal(D("2026-01-06"), deadline.Due);
    }

    [Fact]
    public void Every_deadline_on_the_weekend_only_calendar_is_provisional()
    {
        Assert.True(DeadlineRules.Referral(WeekendOnlyCalendar.Instance, At("2026-03-02")).Provisional);
    }
}
