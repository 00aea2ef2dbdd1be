using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

/// <summary>第十一条第二款: 投诉人可以现场领取或者以其他有效方式接收《政务服务投诉受理/不予受理通知书》 — and the receipt is recorded.</summary>
public class NoticeDeliveryTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void The_acceptance_notice_collected_on_site_is_recorded_with_day_method_and_recorder_第十一条第二款()
    {
        var complaint = InHandling();

        var delivery = complaint.RecordNoticeDelivery(DeliveryMethod.InPerson, new DateOnly(2026, 3, 5), null, Agency, Later).ShouldSucceed();

        Assert.Equal(DecisionNotice.Acceptance, delivery.Notice);
        Assert.Equal(DeliveryMethod.InPerson, delivery.Method);
        Assert.Equal(new DateOnly(2026, 3, 5), delivery.DeliveredOn);
        Assert.Equal(Agency.UserId, delivery.RecordedByUserId);
        Assert.Equal(AgencyA, delivery.RecordedByAgencyId);
        Assert.Equal(Later, delivery.RecordedAt);
        Assert.True(complaint.NoticeDelivered);
        Assert.Equal(ComplaintStatus.InHandling, complaint.Status);
        var entry = complaint.Timeline[^1];
        Assert.Equal(TimelineEventKind.NoticeDelivered, entry.Kind);
        Assert.Equal("第十一条", entry.Article);
        Assert.Equal("acceptance", entry.Details["notice"]);
        Assert.Equal("in_person", entry.Details["method"]);
        Assert.Equal("2026-03-05", entry.Details["deliveredOn"]);
    }

    [Fact]
    public void A_rejection_issues_the_non_acceptance_notice_and_its_posting_is_recorded_第十一条第二款()
    {
        var complaint = NotAccepted();
        Assert.Equal(DecisionNotice.NonAcceptance, complaint.IssuedNotice);
        Assert.False(complaint.NoticeDelivered);

        var delivery = complaint.RecordNoticeDelivery(DeliveryMethod.Post, Today, "挂号信XA123456789CN", Agency, Later).ShouldSucceed();

        Assert.Equal(DecisionNotice.NonAcceptance, delivery.Notice);
        Assert.Equal("挂号信XA123456789CN", delivery.Note);
    }

    [Fact]
    public void There_is_no_notice_to_deliver_before_the_decision_第十一条()
    {
        var complaint = Referred();
        Assert.Null(complaint.IssuedNotice);

        var error = complaint.RecordNoticeDelivery(DeliveryMethod.InPerson, Today, null, Agency, Later).ShouldFailWith(ComplaintErrors.InvalidTransition);

        Assert.Equal("当前状态为「待受理」,不能登记通知书送达(第十一条)。", error.Message);
        Assert.Empty(complaint.NoticeDeliveries);
    }

    [Fact]
    public void A_notice_issued_before_a_merge_or_withdrawal_can_still_be_recorded_as_delivered_第十一条第二款()
    {
        var merged = InHandling();
        merged.Merge(InHandling(), Agency, Later).ShouldSucceed();
        merged.RecordNoticeDelivery(DeliveryMethod.Sms, Today, null, Agency, Later).ShouldSucceed();

        var withdrawn = InHandling();
        withdrawn.Withdraw(null, Citizen, Later).ShouldSucceed();
        withdrawn.RecordNoticeDelivery(DeliveryMethod.AppMessage, Today, null, Management, Later).ShouldSucceed();
    }

    [Fact]
    public void The_notice_is_delivered_once_第十一条第二款()
    {
        var complaint = InHandling();
        complaint.RecordNoticeDelivery(DeliveryMethod.Email, Today, null, Agency, Later).ShouldSucceed();
        var entries = complaint.Timeline.Count;

        var error = complaint.RecordNoticeDelivery(DeliveryMethod.InPerson, Today, null, Agency, Later).ShouldFailWith(ComplaintErrors.NoticeAlreadyDelivered);

        Assert.Contains("《政务服务投诉受理通知书》已登记送达", error.Message, StringComparison.Ordinal);
        Assert.Single(complaint.NoticeDeliveries);
        Assert.Equal(entries, complaint.Timeline.Count);
    }

    [Fact]
    public void Another_effective_way_must_be_described_第十一条第二款()
    {
        var complaint = InHandling();

        var error = complaint.RecordNoticeDelivery(DeliveryMethod.Other, Today, "  ", Agency, Later).ShouldFailWith(ComplaintErrors.Required);
        Assert.Equal("note", error.Field);

        complaint.RecordNoticeDelivery(DeliveryMethod.Other, Today, "委托社区网格员当面送达", Agency, Later).ShouldSucceed();
    }

    [Fact]
    public void The_day_of_delivery_lies_between_the_decision_and_today_第十一条第二款()
    {
        var complaint = InHandling(); // accepted 2026-03-04, now 2026-03-10

        Assert.Equal("deliveredOn", complaint.RecordNoticeDelivery(DeliveryMethod.InPerson, new DateOnly(2026, 3, 3), null, Agency, Later).ShouldFailWith(ComplaintErrors.DeliveryDateInvalid).Field);
        Assert.Equal("deliveredOn", complaint.RecordNoticeDelivery(DeliveryMethod.InPerson, new DateOnly(2026, 3, 11), null, Agency, Later).ShouldFailWith(ComplaintErrors.DeliveryDateInvalid).Field);
        complaint.RecordNoticeDelivery(DeliveryMethod.InPerson, new DateOnly(2026, 3, 4), null, Agency, Later).ShouldSucceed();
    }

    [Fact]
    public void The_deciding_agency_or_a_management_department_records_the_delivery_第十一条第二款()
    {
        InHandling().RecordNoticeDelivery(DeliveryMethod.InPerson, Today, null, AgencyBStaff, Later).ShouldFailWith(ComplaintErrors.NotHandlingAgency);
        InHandling().RecordNoticeDelivery(DeliveryMethod.InPerson, Today, null, Citizen, Later).ShouldFailWith(ComplaintErrors.NotPermitted);
        InHandling().RecordNoticeDelivery(DeliveryMethod.InPerson, Today, null, Hotline, Later).ShouldFailWith(ComplaintErrors.NotPermitted);
        InHandling().RecordNoticeDelivery(DeliveryMethod.InPerson, Today, null, Management, Later).ShouldSucceed();
    }

    [Fact]
    public void An_unknown_method_is_refused_naming_the_field()
    {
        var error = InHandling().RecordNoticeDelivery((DeliveryMethod)99, Today, null, Agency, Later).ShouldFailWith(ComplaintErrors.InvalidValue);

        Assert.Equal("method", error.Field);
    }

    [Fact]
    public void The_delivery_is_on_the_complainants_public_record_第十一条第二款()
    {
        var complaint = InHandling();
        complaint.RecordNoticeDelivery(DeliveryMethod.InPerson, Today, null, Agency, Later).ShouldSucceed();

        Assert.Contains(PublicStatus.TimelineOf(complaint), e => e.Event == TimelineEventKind.NoticeDelivered);
    }

    [Fact]
    public void The_registration_form_lists_the_delivery_第十七条()
    {
        var complaint = NotAccepted();
        complaint.RecordNoticeDelivery(DeliveryMethod.Post, Today, "XA123456789CN", Agency, Later).ShouldSucceed();

        var form = RegistrationForm.From(complaint);

        var delivery = Assert.Single(form.NoticeDeliveries);
        Assert.Equal(new RegistrationNoticeDelivery(DecisionNotice.NonAcceptance, DeliveryMethod.Post, Today, "XA123456789CN", Later), delivery);
    }
}
