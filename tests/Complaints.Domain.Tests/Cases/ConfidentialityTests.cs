using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class ConfidentialityTests
{
    [Fact]
    public void Only_named_officers_act_on_a_confidential_complaint_第九条()
    {
        var complaint = Received(confidential: true);

        var error = complaint.Refer(Weekdays, AgencyA, null, Management, ReferredAt).ShouldFailWith(ComplaintErrors.OfficerRequired);
        complaint.Refer(Weekdays, AgencyA, null, ManagementOfficer, ReferredAt).ShouldSucceed();

        Assert.Equal("第九条", error.Article);
    }

    [Fact]
    public void An_agency_officer_handles_a_confidential_complaint_and_ordinary_staff_cannot_第九条()
    {
        var complaint = Referred(confidential: true);

        complaint.Accept(Weekdays, Classification.Offsite, Agency, AcceptedAt).ShouldFailWith(ComplaintErrors.OfficerRequired);
        complaint.Accept(Weekdays, Classification.Offsite, AgencyOfficer, AcceptedAt).ShouldSucceed();
        complaint.AddInvestigationRecord(InvestigationMethod.Interview, "约谈", Agency, Later).ShouldFailWith(ComplaintErrors.OfficerRequired);
        complaint.Conclude(Weekdays, Finding.Substantiated, "结果", null, AgencyOfficer, Later).ShouldSucceed();
    }

    [Fact]
    public void The_complainant_acts_on_their_own_confidential_complaint()
    {
        var complaint = Referred(confidential: true);

        complaint.Withdraw(null, Citizen, Later).ShouldSucceed();
    }
}
