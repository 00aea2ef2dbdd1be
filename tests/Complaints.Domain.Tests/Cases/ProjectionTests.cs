using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class ProjectionTests
{
    [Fact]
    public void The_public_status_shows_progress_without_personal_data_or_internal_steps()
    {
        var complaint = InHandling();
        complaint.Coordinate(AgencyB, [AgencyA], Management, Later).ShouldSucceed();
        complaint.FlagMajor("影响较大", Management, Later).ShouldSucceed();
        complaint.Conclude(Weekdays, Finding.Substantiated, "已当面致歉并补办", null, AgencyBStaff, Later).ShouldSucceed();

        var status = PublicStatus.From(complaint, Weekdays, Later);

        Assert.Equal(complaint.TrackingNumber, status.TrackingNumber);
        Assert.Equal(ComplaintStatus.Concluded, status.Status);
        Assert.Equal(Classification.Offsite, status.Classification);
        Assert.Equal("已当面致歉并补办", status.Result);
        Assert.Equal(new DateOnly(2026, 3, 18), status.Deadlines.HandlingDue);
        Assert.Equal(
            [TimelineEventKind.Received, TimelineEventKind.Referred, TimelineEventKind.Accepted, TimelineEventKind.Concluded],
            status.Timeline.Select(e => e.Event));
        Assert.Equal([ReceivedAt, ReferredAt, AcceptedAt, Later], status.Timeline.Select(e => e.At));
    }

    [Fact]
    public void The_public_record_types_carry_no_actor_or_complainant_fields()
    {
        string[] forbidden = ["Actor", "Complainant", "Staff", "Name", "Phone", "IdNumber", "Agency", "Note", "Summary"];

        foreach (var type in new[] { typeof(PublicStatus), typeof(PublicTimelineEntry) })
        {
            foreach (var property in type.GetProperties())
            {
                Assert.DoesNotContain(forbidden, f => property.Name.Contains(f, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void A_merged_case_points_the_complainant_to_the_case_that_carries_on()
    {
        var target = InHandling();
        var source = Referred();
        source.Merge(target, Agency, Later).ShouldSucceed();

        var status = PublicStatus.From(source, Weekdays, Later);

        Assert.Equal(ComplaintStatus.Merged, status.Status);
        Assert.Equal(target.TrackingNumber, status.MergedIntoTrackingNumber);
        Assert.Null(status.Result);
    }

    [Fact]
    public void The_registration_form_is_filled_from_the_record_附件3_第十七条()
    {
        var complaint = InHandling();
        var other = Referred();
        other.Merge(complaint, Agency, Later).ShouldSucceed();
        complaint.AddInvestigationRecord(InvestigationMethod.OnSiteInvestigation, "调取窗口监控", Agency, Later).ShouldSucceed();
        complaint.AddInvestigationRecord(InvestigationMethod.Interview, "与工作人员谈话", Agency, Later).ShouldSucceed();
        complaint.Conclude(Weekdays, Finding.Substantiated, "已致歉并补办", "窗口培训", Agency, Later).ShouldSucceed();
        complaint.RecordRevisit(RevisitMethod.Phone, SatisfactionRating.Satisfied, "满意", Agency, Later).ShouldSucceed();

        var form = RegistrationForm.From(complaint);

        Assert.Equal(complaint.TrackingNumber, form.TrackingNumber);
        Assert.Equal(ReceivedAt, form.ReceivedAt);
        Assert.Equal(Channel.OnlineApp, form.Channel);
        Assert.Equal("enc:张三", form.Complainant.Name);
        Assert.Equal(AgencyA, form.Respondent.AgencyId);
        Assert.Equal("李四", form.Respondent.StaffName);
        Assert.Equal("不动产登记", form.ServiceItem.Name);
        Assert.Equal(complaint.Request, form.Request);
        Assert.Equal(complaint.Facts, form.Facts);
        Assert.Equal(1, form.EvidenceCount);
        Assert.Equal(AcceptanceDecision.Accepted, form.AcceptanceDecision);
        Assert.Equal(AcceptedAt, form.DecidedAt);
        Assert.Equal(Classification.Offsite, form.Classification);
        Assert.Equal(["调取窗口监控", "与工作人员谈话"], form.InvestigationSteps.Select(s => s.Summary));
        Assert.Equal(InvestigationMethod.OnSiteInvestigation, form.InvestigationSteps[0].Method);
        Assert.Equal(Finding.Substantiated, form.Finding);
        Assert.False(form.IsInvalidComplaint);
        Assert.Equal("已致歉并补办", form.Result);
        Assert.Equal("窗口培训", form.Measures);
        Assert.True(form.ConcludedOnTime);
        Assert.Equal([other.TrackingNumber], form.MergedTrackingNumbers);
        Assert.Null(form.ComplainantRating);
        Assert.Equal(RevisitMethod.Phone, Assert.Single(form.Revisits).Method);
        Assert.Equal(SatisfactionRating.Satisfied, form.Satisfaction);
    }

    [Fact]
    public void The_registration_form_of_a_declined_complaint_records_the_reason_附件3_第八条()
    {
        var concluded = Concluded();
        var complaint = Referred();
        complaint.NotAccept(Weekdays, NotAcceptedReason.RepeatWithoutNewEvidence, concluded, "无新证明材料", Agency, AcceptedAt).ShouldSucceed();

        var form = RegistrationForm.From(complaint);

        Assert.Equal(AcceptanceDecision.NotAccepted, form.AcceptanceDecision);
        Assert.Equal(NotAcceptedReason.RepeatWithoutNewEvidence, form.NotAcceptedReason);
        Assert.Equal(concluded.Id, form.RelatedCaseId);
        Assert.Equal("无新证明材料", form.NotAcceptedExplanation);
        Assert.Null(form.Classification);
        Assert.Null(form.Finding);
        Assert.Empty(form.InvestigationSteps);
    }

    [Fact]
    public void The_registration_form_of_a_pending_complaint_has_no_decision_yet()
    {
        var form = RegistrationForm.From(Received());

        Assert.Equal(AcceptanceDecision.Pending, form.AcceptanceDecision);
        Assert.Null(form.DecidedAt);
        Assert.Null(form.Result);
    }
}
