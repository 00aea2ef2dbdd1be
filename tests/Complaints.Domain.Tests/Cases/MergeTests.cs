using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class MergeTests
{
    [Fact]
    public void A_complaint_about_the_same_matter_is_merged_into_the_open_case_第十三条()
    {
        var target = InHandling();
        var source = Referred();

        source.Merge(target, Agency, Later).ShouldSucceed();

        Assert.Equal(ComplaintStatus.Merged, source.Status);
        Assert.Equal(target.Id, source.MergedIntoCaseId);
        Assert.Equal(target.TrackingNumber, source.MergedIntoTrackingNumber);
        Assert.Equal(Later, source.MergedAt);
        var merged = Assert.Single(target.MergedCases);
        Assert.Equal(source.Id, merged.CaseId);
        Assert.Equal(source.Complainant, merged.Complainant);
        Assert.Equal(ComplaintStatus.InHandling, target.Status);
    }

    [Fact]
    public void A_merged_complainant_rates_the_result_of_the_case_theirs_went_into_once_it_is_concluded_第十三条_第十六条()
    {
        var target = InHandling();
        var source = Referred();
        source.Merge(target, Agency, Later).ShouldSucceed();

        var early = source.RateSatisfaction(SatisfactionRating.Satisfied, null, Citizen, Later, target).ShouldFailWith(ComplaintErrors.InvalidTransition);
        Assert.Contains(target.TrackingNumber, early.Message, StringComparison.Ordinal);
        Assert.Contains("「处理中」", early.Message, StringComparison.Ordinal);

        target.AddInvestigationRecord(InvestigationMethod.Interview, "谈话核实", Agency, Later).ShouldSucceed();
        target.Conclude(Weekdays, Finding.Substantiated, "已纠正", null, Agency, Later).ShouldSucceed();
        source.RateSatisfaction(SatisfactionRating.Satisfied, null, OtherCitizen, Later, target).ShouldFailWith(ComplaintErrors.NotComplainant);
        source.RateSatisfaction(SatisfactionRating.Satisfied, "满意", Citizen, Later, target).ShouldSucceed();

        Assert.Equal(SatisfactionRating.Satisfied, source.ComplainantRating);
        Assert.Equal(ComplaintStatus.Merged, source.Status);
        Assert.Null(target.ComplainantRating);
        source.RateSatisfaction(SatisfactionRating.Satisfied, null, Citizen, Later, target).ShouldFailWith(ComplaintErrors.AlreadyRated);
    }

    [Fact]
    public void A_merged_complainant_cannot_rate_through_a_case_theirs_did_not_go_into_第十三条()
    {
        var source = Referred();
        source.Merge(InHandling(), Agency, Later).ShouldSucceed();

        source.RateSatisfaction(SatisfactionRating.Satisfied, null, Citizen, Later, Concluded()).ShouldFailWith(ComplaintErrors.InvalidTransition);
        source.RateSatisfaction(SatisfactionRating.Satisfied, null, Citizen, Later).ShouldFailWith(ComplaintErrors.InvalidTransition);
    }

    [Fact]
    public void After_chained_merges_the_last_case_is_the_one_a_complaint_went_into_第十三条()
    {
        var first = Referred();
        var middle = Referred();
        var last = InHandling();
        first.Merge(middle, Agency, Later).ShouldSucceed();
        middle.Merge(last, Agency, Later).ShouldSucceed();

        Assert.True(first.WentInto(last));
        Assert.False(first.WentInto(middle));
        Assert.False(last.WentInto(first));
    }

    [Fact]
    public void Each_merged_complainant_is_owed_the_feedback_第十三条()
    {
        var target = InHandling();
        var byHotline = Complaint.Receive(
            Guid.NewGuid(),
            "YN-HOTLINE-1",
            "hash",
            Submission(Channel.Phone12345) with { Complainant = Person() with { Name = "enc:王五" } },
            ReceivingParty.ManagementDepartment(Region),
            Hotline,
            ReceivedAt).ShouldSucceed();
        byHotline.Refer(Weekdays, AgencyA, null, Management, ReferredAt).ShouldSucceed();
        var online = Referred();

        byHotline.Merge(target, Agency, Later).ShouldSucceed();
        online.Merge(target, Agency, Later).ShouldSucceed();

        Assert.Equal(
            [(target.Id, "citizen-1"), (byHotline.Id, (string?)null), (online.Id, "citizen-1")],
            target.ComplainantsToNotify.Select(r => (r.CaseId, r.ComplainantUserId)));
        Assert.Equal("enc:王五", target.ComplainantsToNotify[1].Complainant.Name);
        Assert.Equal(Channel.Phone12345, target.ComplainantsToNotify[1].Channel);

        target.Conclude(Weekdays, Finding.Substantiated, "结果", null, Agency, Later).ShouldSucceed();
        Assert.Equal("3", target.Timeline[^1].Details["feedbackRecipients"]);
    }

    [Fact]
    public void Merging_a_case_that_absorbed_others_carries_their_complainants_along_第十三条()
    {
        var first = Referred();
        var middle = Referred();
        var last = InHandling();
        first.Merge(middle, Agency, Later).ShouldSucceed();

        middle.Merge(last, Agency, Later).ShouldSucceed();

        Assert.Equal([last.Id, middle.Id, first.Id], last.ComplainantsToNotify.Select(r => r.CaseId));
    }

    [Fact]
    public void A_merge_is_recorded_on_both_cases_第十三条()
    {
        var target = InHandling();
        var source = Referred();

        source.Merge(target, Agency, Later).ShouldSucceed();

        Assert.Equal(TimelineEventKind.Merged, source.Timeline[^1].Kind);
        Assert.Equal(target.Id.ToString(), source.Timeline[^1].Details["intoCaseId"]);
        Assert.Equal(TimelineEventKind.MergedInto, target.Timeline[^1].Kind);
        Assert.Equal(source.Id.ToString(), target.Timeline[^1].Details["mergedCaseId"]);
    }

    [Fact]
    public void A_case_is_not_merged_into_itself_第十三条()
    {
        var complaint = InHandling();

        var error = complaint.Merge(complaint, Agency, Later).ShouldFailWith(ComplaintErrors.MergeIntoSelf);

        Assert.Equal("intoCaseId", error.Field);
        Assert.Equal(ComplaintStatus.InHandling, complaint.Status);
    }

    [Theory]
    [InlineData(ComplaintStatus.Concluded)]
    [InlineData(ComplaintStatus.NotAccepted)]
    [InlineData(ComplaintStatus.Merged)]
    [InlineData(ComplaintStatus.Withdrawn)]
    public void A_case_is_not_merged_into_a_closed_case_第十三条(ComplaintStatus targetStatus)
    {
        var source = InHandling();
        var target = In(targetStatus);

        var error = source.Merge(target, Agency, Later).ShouldFailWith(ComplaintErrors.MergeTargetClosed);

        Assert.Contains(targetStatus.ChineseName(), error.Message, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.InHandling, source.Status);
        Assert.Empty(target.MergedCases);
    }

    [Fact]
    public void An_agency_merges_only_into_a_case_it_handles_itself_第十三条()
    {
        var target = Received(respondent: AgencyB);
        target.Refer(Weekdays, AgencyB, null, Management, ReferredAt).ShouldSucceed();

        Referred().Merge(target, Agency, Later).ShouldFailWith(ComplaintErrors.MergeTargetOtherAgency);
    }

    [Fact]
    public void The_management_department_may_merge_cases_of_different_agencies_第十三条()
    {
        var target = Received(respondent: AgencyB);
        target.Refer(Weekdays, AgencyB, null, Management, ReferredAt).ShouldSucceed();

        Referred().Merge(target, Management, Later).ShouldSucceed();
    }
}
