using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class CoordinationTests
{
    private static Complaint Coordinated()
    {
        var complaint = InHandling();
        complaint.Coordinate(AgencyB, [AgencyA, AgencyC], Management, Later).ShouldSucceed();
        return complaint;
    }

    [Fact]
    public void The_management_department_names_a_lead_and_cooperating_agencies_第十五条()
    {
        var complaint = Coordinated();

        Assert.Equal(AgencyB, complaint.LeadAgencyId);
        Assert.Equal([AgencyA, AgencyC], complaint.CooperatingAgencyIds);
        Assert.Equal(AgencyB, complaint.HandlingAgencyId);
        Assert.Equal(AgencyA, complaint.AssignedAgencyId);
        Assert.Equal(TimelineEventKind.Coordinated, complaint.Timeline[^1].Kind);
        Assert.Equal(AgencyB.ToString(), complaint.Timeline[^1].Details["leadAgencyId"]);
    }

    [Fact]
    public void Only_the_lead_agency_concludes_a_coordinated_case_第十五条()
    {
        var complaint = Coordinated();

        var error = complaint.Conclude(Weekdays, Finding.Substantiated, "结果", null, Agency, Later).ShouldFailWith(ComplaintErrors.NotLeadAgency);
        complaint.Conclude(Weekdays, Finding.Substantiated, "结果", null, AgencyBStaff, Later).ShouldSucceed();

        Assert.Equal("第十五条", error.Article);
        Assert.Equal(ComplaintStatus.Concluded, complaint.Status);
    }

    [Fact]
    public void Cooperating_agencies_may_add_investigation_records_第十五条()
    {
        var complaint = Coordinated();

        complaint.AddInvestigationRecord(InvestigationMethod.RecordsRetrieval, "提供办件记录", AgencyCStaff, Later).ShouldSucceed();
        complaint.AddInvestigationRecord(InvestigationMethod.Interview, "原承办机构谈话", Agency, Later).ShouldSucceed();
        complaint.AddInvestigationRecord(InvestigationMethod.OnSiteInvestigation, "牵头部门现场调查", AgencyBStaff, Later).ShouldSucceed();

        Assert.Equal([AgencyC, AgencyA, AgencyB], complaint.InvestigationRecords.Select(r => r.AgencyId!.Value));
    }

    [Fact]
    public void Cooperating_agencies_do_not_extend_第十五条()
    {
        Coordinated().Extend(Weekdays, "情况复杂", AgencyCStaff, Later).ShouldFailWith(ComplaintErrors.NotLeadAgency);
    }

    [Fact]
    public void A_lead_named_before_acceptance_decides_on_acceptance_第十五条()
    {
        var complaint = Referred();
        complaint.Coordinate(AgencyB, [AgencyA], Management, ReferredAt).ShouldSucceed();

        complaint.Accept(Weekdays, Classification.Offsite, Agency, AcceptedAt).ShouldFailWith(ComplaintErrors.NotLeadAgency);
        complaint.Accept(Weekdays, Classification.Offsite, AgencyBStaff, AcceptedAt).ShouldSucceed();
    }

    [Fact]
    public void The_lead_is_not_among_the_cooperating_agencies_第十五条()
    {
        var error = InHandling().Coordinate(AgencyB, [AgencyA, AgencyB], Management, Later).ShouldFailWith(ComplaintErrors.LeadAmongCooperating);

        Assert.Equal("cooperatingAgencyIds", error.Field);
    }

    [Fact]
    public void Coordination_involves_at_least_one_cooperating_agency_第十五条()
    {
        InHandling().Coordinate(AgencyB, [], Management, Later).ShouldFailWith(ComplaintErrors.CooperatingAgenciesRequired);
        InHandling().Coordinate(AgencyB, null, Management, Later).ShouldFailWith(ComplaintErrors.CooperatingAgenciesRequired);
    }

    [Fact]
    public void Coordination_names_a_lead_第十五条()
    {
        Assert.Equal("leadAgencyId", InHandling().Coordinate(Guid.Empty, [AgencyA], Management, Later).ShouldFailWith(ComplaintErrors.Required).Field);
    }

    [Fact]
    public void Only_the_management_department_coordinates_第十五条()
    {
        InHandling().Coordinate(AgencyB, [AgencyC], Agency, Later).ShouldFailWith(ComplaintErrors.NotPermitted);
    }

    [Fact]
    public void Coordinating_again_replaces_the_earlier_choice_and_keeps_both_in_the_timeline_第十五条()
    {
        var complaint = Coordinated();

        complaint.Coordinate(AgencyC, [AgencyB, AgencyB], Management, Later.AddHours(1)).ShouldSucceed();

        Assert.Equal(AgencyC, complaint.LeadAgencyId);
        Assert.Equal([AgencyB], complaint.CooperatingAgencyIds);
        Assert.Equal(2, complaint.Timeline.Count(e => e.Kind == TimelineEventKind.Coordinated));
    }
}
