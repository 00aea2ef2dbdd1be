using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class ReferralTests
{
    [Fact]
    public void The_management_department_refers_the_complaint_to_the_agency_第十条()
    {
        var complaint = Received();

        complaint.Refer(Weekdays, AgencyA, "请按期办理", Management, ReferredAt).ShouldSucceed();

        Assert.Equal(ComplaintStatus.PendingAcceptance, complaint.Status);
        Assert.Equal(AgencyA, complaint.AssignedAgencyId);
        Assert.Equal(AgencyA, complaint.HandlingAgencyId);
        Assert.Equal(ReferredAt, complaint.ReferredAt);
        Assert.Equal("请按期办理", complaint.ReferralNote);
    }

    [Fact]
    public void A_referral_within_two_working_days_is_on_time_第十条()
    {
        var complaint = Received();

        complaint.Refer(Weekdays, AgencyA, null, Management, Cst(2026, 3, 4, 23, 59)).ShouldSucceed();

        Assert.True(complaint.ReferredOnTime);
        Assert.Equal("true", complaint.Timeline[^1].Details["onTime"]);
        Assert.Equal("2026-03-04", complaint.Timeline[^1].Details["referralDue"]);
    }

    [Fact]
    public void A_referral_after_two_working_days_is_late_第十条()
    {
        var complaint = Received();

        complaint.Refer(Weekdays, AgencyA, null, Management, Cst(2026, 3, 5, 0, 0)).ShouldSucceed();

        Assert.False(complaint.ReferredOnTime);
    }

    [Fact]
    public void The_referral_instant_is_the_agency_s_receipt_and_starts_its_three_working_days_第十一条()
    {
        var complaint = Received();

        complaint.Refer(Weekdays, AgencyA, null, Management, Cst(2026, 3, 6, 15)).ShouldSucceed();

        Assert.Equal(Cst(2026, 3, 6, 15), complaint.AgencyReceivedAt);
        Assert.Equal(new DateOnly(2026, 3, 11), complaint.AcceptanceDeadline(Weekdays)!.Due);
    }

    [Theory]
    [InlineData(ActorRole.AgencyStaff)]
    [InlineData(ActorRole.HotlineOperator)]
    [InlineData(ActorRole.Complainant)]
    [InlineData(ActorRole.Admin)]
    public void Only_a_management_department_refers_第十条(ActorRole role)
    {
        var actor = new Actor("someone", role, AgencyA, Region);

        var error = Received().Refer(Weekdays, AgencyA, null, actor, ReferredAt).ShouldFailWith(ComplaintErrors.NotPermitted);

        Assert.Equal("第十条", error.Article);
    }

    [Fact]
    public void A_referral_names_the_agency()
    {
        var error = Received().Refer(Weekdays, Guid.Empty, null, Management, ReferredAt).ShouldFailWith(ComplaintErrors.Required);

        Assert.Equal("agencyId", error.Field);
    }

    [Fact]
    public void A_complaint_received_by_the_agency_itself_is_not_referred()
    {
        var error = ReceivedByAgency().Refer(Weekdays, AgencyA, null, Management, ReferredAt).ShouldFailWith(ComplaintErrors.InvalidTransition);

        Assert.Contains("待受理", error.Message, StringComparison.Ordinal);
    }
}
