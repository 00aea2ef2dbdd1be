using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class DeadlineTests
{
    [Fact]
    public void A_new_complaint_at_the_management_department_shows_only_the_referral_deadline_第十条()
    {
        var deadlines = Received().Deadlines(Weekdays, ReceivedAt);

        Assert.Equal(new CaseDeadlines(new DateOnly(2026, 3, 4), null, null, false, false, false), deadlines);
    }

    [Fact]
    public void A_complaint_received_by_the_agency_has_no_referral_deadline_第十一条()
    {
        var complaint = ReceivedByAgency();

        Assert.Null(complaint.ReferralDeadline(Weekdays));
        Assert.Equal(new DateOnly(2026, 3, 5), complaint.AcceptanceDeadline(Weekdays)!.Due);
        Assert.Equal(DeadlineKind.Acceptance, complaint.RunningDeadline(Weekdays)!.Kind);
    }

    [Fact]
    public void An_accepted_case_shows_all_three_deadlines_第十条_第十一条_第十三条()
    {
        var deadlines = InHandling().Deadlines(Weekdays, Later);

        Assert.Equal(new DateOnly(2026, 3, 4), deadlines.ReferralDue);
        Assert.Equal(new DateOnly(2026, 3, 6), deadlines.AcceptanceDue);
        Assert.Equal(new DateOnly(2026, 3, 18), deadlines.HandlingDue);
        Assert.False(deadlines.Extended);
        Assert.False(deadlines.Overdue);
    }

    [Fact]
    public void An_extended_case_shows_the_extended_handling_deadline_第十三条()
    {
        var complaint = InHandling();
        complaint.Extend(Weekdays, "情况复杂", Agency, Later).ShouldSucceed();

        var deadlines = complaint.Deadlines(Weekdays, Later);

        Assert.True(deadlines.Extended);
        Assert.Equal(new DateOnly(2026, 4, 1), deadlines.HandlingDue);
    }

    [Fact]
    public void An_onsite_case_is_due_the_day_it_is_accepted_第十三条()
    {
        var complaint = InHandling(Classification.Onsite);

        Assert.Equal(new DateOnly(2026, 3, 4), complaint.HandlingDeadline(Weekdays)!.Due);
        Assert.True(complaint.IsOverdueAt(Weekdays, Cst(2026, 3, 5, 0, 0)));
    }

    [Theory]
    [InlineData(ComplaintStatus.PendingReferral, 2026, 3, 5)]
    [InlineData(ComplaintStatus.PendingAcceptance, 2026, 3, 7)]
    [InlineData(ComplaintStatus.InHandling, 2026, 3, 19)]
    public void An_open_case_is_overdue_from_midnight_after_its_running_deadline(ComplaintStatus status, int year, int month, int day)
    {
        var complaint = In(status);
        var midnight = Cst(year, month, day, 0, 0);

        Assert.False(complaint.IsOverdueAt(Weekdays, midnight.AddTicks(-1)));
        Assert.True(complaint.IsOverdueAt(Weekdays, midnight));
        Assert.True(complaint.Deadlines(Weekdays, midnight).Overdue);
    }

    [Theory]
    [InlineData(ComplaintStatus.Concluded)]
    [InlineData(ComplaintStatus.NotAccepted)]
    [InlineData(ComplaintStatus.Merged)]
    [InlineData(ComplaintStatus.Withdrawn)]
    public void A_closed_case_is_never_overdue(ComplaintStatus status)
    {
        var complaint = In(status);

        Assert.Null(complaint.RunningDeadline(Weekdays));
        Assert.False(complaint.IsOverdueAt(Weekdays, Cst(2027, 1, 1, 0)));
    }

    [Fact]
    public void Deadlines_without_a_State_Council_schedule_are_provisional()
    {
        var deadlines = Received().Deadlines(new WeekendOnlyCalendar(hasSchedule: false), ReceivedAt);

        Assert.True(deadlines.Provisional);
    }
}
