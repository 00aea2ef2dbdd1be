using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class AcceptanceTests
{
    [Theory]
    [InlineData(Classification.Onsite)]
    [InlineData(Classification.Offsite)]
    public void The_agency_accepts_and_classifies_the_complaint_第十一条_第十二条(Classification classification)
    {
        var complaint = Referred();

        complaint.Accept(Weekdays, classification, Agency, AcceptedAt).ShouldSucceed();

        Assert.Equal(ComplaintStatus.InHandling, complaint.Status);
        Assert.Equal(classification, complaint.Classification);
        Assert.Equal(AcceptedAt, complaint.AcceptedAt);
        Assert.Equal(AcceptedAt, complaint.DecidedAt);
    }

    [Fact]
    public void A_complaint_received_directly_is_accepted_without_referral_第十一条()
    {
        var complaint = ReceivedByAgency();

        complaint.Accept(Weekdays, Classification.Onsite, Agency, ReceivedAt).ShouldSucceed();

        Assert.Equal(ComplaintStatus.InHandling, complaint.Status);
        Assert.True(complaint.DecidedOnTime);
    }

    [Fact]
    public void A_decision_within_three_working_days_of_receipt_is_on_time_第十一条()
    {
        var complaint = Referred();

        complaint.Accept(Weekdays, Classification.Offsite, Agency, Cst(2026, 3, 6, 23, 59)).ShouldSucceed();

        Assert.True(complaint.DecidedOnTime);
    }

    [Fact]
    public void A_decision_after_three_working_days_is_late_第十一条()
    {
        var complaint = Referred();

        complaint.Accept(Weekdays, Classification.Offsite, Agency, Cst(2026, 3, 9, 9)).ShouldSucceed();

        Assert.False(complaint.DecidedOnTime);
    }

    [Fact]
    public void Another_agency_cannot_accept_the_complaint_第五条()
    {
        Referred().Accept(Weekdays, Classification.Offsite, AgencyBStaff, AcceptedAt).ShouldFailWith(ComplaintErrors.NotHandlingAgency);
    }

    [Fact]
    public void A_management_department_cannot_accept_in_the_agency_s_place_第十一条()
    {
        Referred().Accept(Weekdays, Classification.Offsite, Management, AcceptedAt).ShouldFailWith(ComplaintErrors.NotPermitted);
    }

    [Fact]
    public void An_undefined_classification_is_refused()
    {
        var error = Referred().Accept(Weekdays, (Classification)42, Agency, AcceptedAt).ShouldFailWith(ComplaintErrors.InvalidValue);

        Assert.Equal("classification", error.Field);
    }

    [Fact]
    public void The_agency_declines_with_a_reason_of_第八条()
    {
        var complaint = Referred();

        complaint.NotAccept(Weekdays, NotAcceptedReason.OtherLegalChannel, null, "已申请行政复议", Agency, AcceptedAt).ShouldSucceed();

        Assert.Equal(ComplaintStatus.NotAccepted, complaint.Status);
        Assert.Equal(NotAcceptedReason.OtherLegalChannel, complaint.NotAcceptedReason);
        Assert.Equal("已申请行政复议", complaint.NotAcceptedExplanation);
        Assert.True(complaint.DecidedOnTime);
        Assert.Null(complaint.AcceptedAt);
    }

    [Fact]
    public void Declining_for_lack_of_a_clear_respondent_or_request_needs_no_related_case_第八条()
    {
        var complaint = Referred();

        complaint.NotAccept(Weekdays, NotAcceptedReason.NoClearRespondentOrRequest, null, null, Agency, AcceptedAt).ShouldSucceed();

        Assert.Null(complaint.RelatedCaseId);
    }

    [Fact]
    public void Rejection_as_already_in_progress_requires_the_related_case_第八条()
    {
        var error = Referred().NotAccept(Weekdays, NotAcceptedReason.AlreadyAcceptedOrInProgress, null, null, Agency, AcceptedAt)
            .ShouldFailWith(ComplaintErrors.RelatedCaseRequired);

        Assert.Equal("relatedCaseId", error.Field);
        Assert.Equal("第八条", error.Article);
    }

    [Fact]
    public void Rejection_as_already_in_progress_links_the_open_case_第八条()
    {
        var open = InHandling();
        var complaint = Referred();

        complaint.NotAccept(Weekdays, NotAcceptedReason.AlreadyAcceptedOrInProgress, open, null, Agency, AcceptedAt).ShouldSucceed();

        Assert.Equal(open.Id, complaint.RelatedCaseId);
        Assert.Equal(open.Id.ToString(), complaint.Timeline[^1].Details["relatedCaseId"]);
    }

    [Fact]
    public void Rejection_as_already_in_progress_refuses_a_closed_related_case_第八条()
    {
        var error = Referred().NotAccept(Weekdays, NotAcceptedReason.AlreadyAcceptedOrInProgress, Concluded(), null, Agency, AcceptedAt)
            .ShouldFailWith(ComplaintErrors.RelatedCaseNotOpen);

        Assert.Contains("已办结", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_as_repeat_requires_the_concluded_case_第八条()
    {
        var missing = Referred().NotAccept(Weekdays, NotAcceptedReason.RepeatWithoutNewEvidence, null, null, Agency, AcceptedAt)
            .ShouldFailWith(ComplaintErrors.RelatedCaseRequired);
        var notConcluded = Referred().NotAccept(Weekdays, NotAcceptedReason.RepeatWithoutNewEvidence, InHandling(), null, Agency, AcceptedAt)
            .ShouldFailWith(ComplaintErrors.RelatedCaseNotConcluded);

        Assert.Equal("relatedCaseId", missing.Field);
        Assert.Equal("relatedCaseId", notConcluded.Field);
        Assert.Contains("处理中", notConcluded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_as_repeat_links_the_concluded_case_第八条()
    {
        var concluded = Concluded();
        var complaint = Referred();

        complaint.NotAccept(Weekdays, NotAcceptedReason.RepeatWithoutNewEvidence, concluded, null, Agency, AcceptedAt).ShouldSucceed();

        Assert.Equal(concluded.Id, complaint.RelatedCaseId);
    }

    [Fact]
    public void A_case_cannot_be_its_own_related_case_第八条()
    {
        var complaint = Referred();

        complaint.NotAccept(Weekdays, NotAcceptedReason.AlreadyAcceptedOrInProgress, complaint, null, Agency, AcceptedAt)
            .ShouldFailWith(ComplaintErrors.RelatedCaseIsSelf);
    }

    [Fact]
    public void The_management_department_may_decline_before_referral_第八条()
    {
        var complaint = Received();

        complaint.NotAccept(Weekdays, NotAcceptedReason.OtherLegalChannel, null, null, Management, Cst(2026, 3, 3, 9)).ShouldSucceed();

        Assert.Equal(ComplaintStatus.NotAccepted, complaint.Status);
        Assert.True(complaint.DecidedOnTime);
        Assert.Null(complaint.AgencyReceivedAt);
    }

    [Fact]
    public void An_agency_cannot_decline_a_complaint_not_yet_referred_to_it_第十条()
    {
        Received().NotAccept(Weekdays, NotAcceptedReason.OtherLegalChannel, null, null, Agency, ReferredAt).ShouldFailWith(ComplaintErrors.NotPermitted);
    }

    [Fact]
    public void Once_referred_only_the_agency_decides_第十一条()
    {
        Referred().NotAccept(Weekdays, NotAcceptedReason.OtherLegalChannel, null, null, Management, AcceptedAt).ShouldFailWith(ComplaintErrors.NotPermitted);
    }
}
