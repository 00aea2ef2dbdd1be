using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class RectificationTests
{
    private static readonly DateOnly DueDate = new(2026, 3, 31);

    private static Complaint Ordered()
    {
        var complaint = Concluded();
        complaint.OrderRectification("规范窗口收件,开展服务礼仪培训", DueDate, Management, Later).ShouldSucceed();
        return complaint;
    }

    [Fact]
    public void The_management_department_orders_rectification_of_a_concluded_case_第十六条()
    {
        var complaint = Concluded();

        var rectification = complaint.OrderRectification("规范窗口收件", DueDate, Management, Later).ShouldSucceed();

        Assert.Equal(1, rectification.Number);
        Assert.Equal(RectificationStatus.Ordered, rectification.Status);
        Assert.Equal(DueDate, rectification.DueDate);
        Assert.Same(rectification, complaint.OpenRectification);
        Assert.Equal(ComplaintStatus.Concluded, complaint.Status);
        Assert.Equal("2026-03-31", complaint.Timeline[^1].Details["dueDate"]);
    }

    [Fact]
    public void The_full_cycle_is_ordered_completed_sent_back_completed_again_and_verified_第十六条()
    {
        var complaint = Ordered();

        complaint.CompleteRectification("已培训", Agency, Later.AddDays(1)).ShouldSucceed();
        Assert.Equal(RectificationStatus.Completed, complaint.Rectifications[0].Status);

        complaint.VerifyRectification(false, "未提供培训记录", Management, Later.AddDays(2)).ShouldSucceed();
        Assert.Equal(RectificationStatus.SentBack, complaint.Rectifications[0].Status);

        complaint.CompleteRectification("已补充培训签到表", Agency, Later.AddDays(3)).ShouldSucceed();
        complaint.VerifyRectification(true, null, Management, Later.AddDays(4)).ShouldSucceed();

        var rectification = Assert.Single(complaint.Rectifications);
        Assert.Equal(RectificationStatus.Verified, rectification.Status);
        Assert.Equal("已补充培训签到表", rectification.Report);
        Assert.Equal(1, rectification.SentBackCount);
        Assert.Equal(Later.AddDays(4), rectification.VerifiedAt);
        Assert.Null(complaint.OpenRectification);
        Assert.Equal(
            [
                TimelineEventKind.RectificationOrdered,
                TimelineEventKind.RectificationCompleted,
                TimelineEventKind.RectificationSentBack,
                TimelineEventKind.RectificationCompleted,
                TimelineEventKind.RectificationVerified,
            ],
            complaint.Timeline.Select(e => e.Kind).Where(k => k.ToString().StartsWith("Rectification", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_rectification_due_date_is_not_in_the_past_第十六条()
    {
        var error = Concluded().OrderRectification("整改", new DateOnly(2026, 3, 9), Management, Later).ShouldFailWith(ComplaintErrors.DueDateInPast);

        Assert.Equal("dueDate", error.Field);
        Concluded().OrderRectification("整改", new DateOnly(2026, 3, 10), Management, Later).ShouldSucceed();
    }

    [Fact]
    public void A_rectification_states_its_requirement_第十六条()
    {
        Assert.Equal("requirement", Concluded().OrderRectification(" ", DueDate, Management, Later).ShouldFailWith(ComplaintErrors.Required).Field);
    }

    [Fact]
    public void One_rectification_is_open_at_a_time_and_another_may_follow_a_verified_one_第十六条()
    {
        var complaint = Ordered();

        complaint.OrderRectification("再次整改", DueDate, Management, Later).ShouldFailWith(ComplaintErrors.RectificationOpen);
        complaint.CompleteRectification("已整改", Agency, Later).ShouldSucceed();
        complaint.VerifyRectification(true, "通过", Management, Later).ShouldSucceed();

        Assert.Equal(2, complaint.OrderRectification("抽查再次发现问题", DueDate, Management, Later).ShouldSucceed().Number);
    }

    [Fact]
    public void Nothing_is_completed_or_verified_without_an_order_第十六条()
    {
        Concluded().CompleteRectification("已整改", Agency, Later).ShouldFailWith(ComplaintErrors.NoRectification);
        Concluded().VerifyRectification(true, null, Management, Later).ShouldFailWith(ComplaintErrors.NoRectification);
    }

    [Fact]
    public void A_rectification_is_verified_only_after_it_is_reported_第十六条()
    {
        var error = Ordered().VerifyRectification(true, null, Management, Later).ShouldFailWith(ComplaintErrors.RectificationInvalidTransition);

        Assert.Contains("待整改", error.Message, StringComparison.Ordinal);
        Assert.Contains("「待整改」", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reported_rectification_is_not_reported_again_before_verification_第十六条()
    {
        var complaint = Ordered();
        complaint.CompleteRectification("已整改", Agency, Later).ShouldSucceed();

        complaint.CompleteRectification("再次报送", Agency, Later).ShouldFailWith(ComplaintErrors.RectificationInvalidTransition);
    }

    [Fact]
    public void Sending_back_gives_the_reason_第十六条()
    {
        var complaint = Ordered();
        complaint.CompleteRectification("已整改", Agency, Later).ShouldSucceed();

        Assert.Equal("note", complaint.VerifyRectification(false, null, Management, Later).ShouldFailWith(ComplaintErrors.Required).Field);
    }

    [Fact]
    public void The_agency_reports_and_the_management_department_orders_and_verifies_第十六条()
    {
        Concluded().OrderRectification("整改", DueDate, Agency, Later).ShouldFailWith(ComplaintErrors.NotPermitted);
        var complaint = Ordered();
        complaint.CompleteRectification("已整改", Management, Later).ShouldFailWith(ComplaintErrors.NotPermitted);
        complaint.CompleteRectification("已整改", AgencyBStaff, Later).ShouldFailWith(ComplaintErrors.NotHandlingAgency);
        complaint.CompleteRectification("已整改", Agency, Later).ShouldSucceed();
        complaint.VerifyRectification(true, null, Agency, Later).ShouldFailWith(ComplaintErrors.NotPermitted);
    }

    [Fact]
    public void A_late_rectification_report_is_marked_so_第十六条()
    {
        var complaint = Ordered();

        complaint.CompleteRectification("已整改", Agency, Cst(2026, 4, 1, 9)).ShouldSucceed();

        Assert.Equal("false", complaint.Timeline[^1].Details["onTime"]);
    }
}
