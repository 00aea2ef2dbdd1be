using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class WithdrawalTests
{
    [Theory]
    [InlineData(ComplaintStatus.PendingReferral)]
    [InlineData(ComplaintStatus.PendingAcceptance)]
    [InlineData(ComplaintStatus.InHandling)]
    public void The_complainant_withdraws_an_open_complaint(ComplaintStatus status)
    {
        var complaint = In(status);

        complaint.Withdraw("已自行解决", Citizen, Later).ShouldSucceed();

        Assert.Equal(ComplaintStatus.Withdrawn, complaint.Status);
        Assert.Equal("已自行解决", complaint.WithdrawalReason);
        Assert.Equal(Later, complaint.WithdrawnAt);
        Assert.Equal("false", complaint.Timeline[^1].Details["onBehalf"]);
    }

    [Fact]
    public void A_withdrawal_needs_no_reason()
    {
        var complaint = Referred();

        complaint.Withdraw(null, Citizen, Later).ShouldSucceed();

        Assert.Null(complaint.WithdrawalReason);
    }

    [Fact]
    public void Someone_else_cannot_withdraw_the_complaint()
    {
        Referred().Withdraw(null, OtherCitizen, Later).ShouldFailWith(ComplaintErrors.NotComplainant);
    }

    [Fact]
    public void The_agency_complained_about_can_never_withdraw_the_complaint()
    {
        ReceivedByAgency().Withdraw("投诉人口头撤回", Agency, Later).ShouldFailWith(ComplaintErrors.NotComplainant);
    }

    [Fact]
    public void The_hotline_records_a_withdrawal_for_a_caller_without_an_account_with_the_reason()
    {
        var complaint = Complaint.Receive(Guid.NewGuid(), "YN-HOTLINE-2", "hash", Submission(Channel.Phone12345), ReceivingParty.ManagementDepartment(Region), Hotline, ReceivedAt).ShouldSucceed();

        Assert.Equal("reason", complaint.Withdraw(null, Hotline, Later).ShouldFailWith(ComplaintErrors.Required).Field);
        complaint.Withdraw("来电表示问题已解决,申请撤回", Hotline, Later).ShouldSucceed();

        Assert.Equal("true", complaint.Timeline[^1].Details["onBehalf"]);
    }

    [Fact]
    public void Staff_cannot_withdraw_for_a_complainant_who_has_an_account()
    {
        Referred().Withdraw("代为撤回", Management, Later).ShouldFailWith(ComplaintErrors.NotComplainant);
    }
}
