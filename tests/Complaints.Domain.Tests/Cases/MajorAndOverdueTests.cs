using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class MajorAndOverdueTests
{
    [Fact]
    public void The_management_department_reports_a_major_complaint_to_its_government_第四条()
    {
        var complaint = InHandling();

        complaint.FlagMajor("涉及多名群众、社会影响较大", Management, Later).ShouldSucceed();

        Assert.True(complaint.IsMajor);
        Assert.Equal(Later, complaint.MajorReportedAt);
        Assert.Equal("涉及多名群众、社会影响较大", complaint.MajorSummary);
        Assert.Equal(TimelineEventKind.MajorReported, complaint.Timeline[^1].Kind);
        Assert.Equal(Region, complaint.Timeline[^1].Details["regionCode"]);
        Assert.Equal(ComplaintStatus.InHandling, complaint.Status);
    }

    [Fact]
    public void A_major_complaint_is_reported_once_第四条()
    {
        var complaint = InHandling();
        complaint.FlagMajor("影响较大", Management, Later).ShouldSucceed();

        complaint.FlagMajor("再次报告", Management, Later.AddDays(1)).ShouldFailWith(ComplaintErrors.AlreadyReportedMajor);

        Assert.Equal("影响较大", complaint.MajorSummary);
        Assert.Single(complaint.Timeline, e => e.Kind == TimelineEventKind.MajorReported);
    }

    [Fact]
    public void Only_the_management_department_reports_major_complaints_第四条()
    {
        InHandling().FlagMajor("影响较大", Agency, Later).ShouldFailWith(ComplaintErrors.NotPermitted);
    }

    [Fact]
    public void A_major_report_has_a_summary_第四条()
    {
        Assert.Equal("summary", InHandling().FlagMajor(" ", Management, Later).ShouldFailWith(ComplaintErrors.Required).Field);
    }

    [Fact]
    public void The_monitor_flags_a_passed_referral_deadline_once_第十条()
    {
        var complaint = Received();

        Assert.True(complaint.FlagOverdue(Weekdays, DeadlineKind.Referral, Cst(2026, 3, 5, 0, 0)).ShouldSucceed());
        Assert.False(complaint.FlagOverdue(Weekdays, DeadlineKind.Referral, Cst(2026, 3, 5, 1, 0)).ShouldSucceed());

        var flag = Assert.Single(complaint.Timeline, e => e.Kind == TimelineEventKind.OverdueFlagged);
        Assert.Equal("referral", flag.Details["deadline"]);
        Assert.Equal("2026-03-04", flag.Details["due"]);
        Assert.Equal("第十条", flag.Article);
        Assert.Equal(ActorRole.System, flag.ActorRole);
    }

    [Fact]
    public void Each_deadline_is_flagged_once_of_its_own_第十一条_第十三条()
    {
        var complaint = Received();
        complaint.FlagOverdue(Weekdays, DeadlineKind.Referral, Cst(2026, 3, 5, 9)).ShouldSucceed();
        complaint.Refer(Weekdays, AgencyA, null, Management, Cst(2026, 3, 5, 10)).ShouldSucceed();

        Assert.True(complaint.FlagOverdue(Weekdays, DeadlineKind.Acceptance, Cst(2026, 3, 11, 0, 0)).ShouldSucceed());
        complaint.Accept(Weekdays, Classification.Offsite, Agency, Cst(2026, 3, 11, 9)).ShouldSucceed();
        Assert.True(complaint.FlagOverdue(Weekdays, DeadlineKind.OffsiteHandling, Cst(2026, 3, 26, 0, 0)).ShouldSucceed());
        Assert.False(complaint.FlagOverdue(Weekdays, DeadlineKind.OffsiteHandling, Cst(2026, 3, 27, 0, 0)).ShouldSucceed());

        Assert.Equal(
            ["referral", "acceptance", "offsite_handling"],
            complaint.Timeline.Where(e => e.Kind == TimelineEventKind.OverdueFlagged).Select(e => e.Details["deadline"]));
    }

    [Fact]
    public void A_deadline_not_yet_passed_is_not_flagged()
    {
        var error = Received().FlagOverdue(Weekdays, DeadlineKind.Referral, Cst(2026, 3, 4, 23, 59)).ShouldFailWith(ComplaintErrors.NotOverdue);

        Assert.Equal("第十条", error.Article);
    }

    [Fact]
    public void Only_the_running_deadline_is_flagged()
    {
        var error = Referred().FlagOverdue(Weekdays, DeadlineKind.Referral, Cst(2026, 4, 1, 0, 0)).ShouldFailWith(ComplaintErrors.DeadlineNotRunning);
        Concluded().FlagOverdue(Weekdays, DeadlineKind.OffsiteHandling, Cst(2026, 4, 1, 0, 0)).ShouldFailWith(ComplaintErrors.DeadlineNotRunning);

        Assert.Contains("待受理", error.Message, StringComparison.Ordinal);
    }
}
