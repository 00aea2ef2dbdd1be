using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class ExtensionTests
{
    [Fact]
    public void An_offsite_case_is_extended_to_twenty_working_days_from_acceptance_第十三条()
    {
        var complaint = InHandling();
        Assert.Equal(new DateOnly(2026, 3, 18), complaint.HandlingDeadline(Weekdays)!.Due);

        complaint.Extend(Weekdays, "涉及多个部门,需调取档案", Agency, Later).ShouldSucceed();

        var deadline = complaint.HandlingDeadline(Weekdays)!;
        Assert.True(complaint.Extended);
        Assert.Equal(Later, complaint.ExtendedAt);
        Assert.Equal("涉及多个部门,需调取档案", complaint.ExtensionReason);
        Assert.Equal(DeadlineKind.ExtendedHandling, deadline.Kind);
        Assert.Equal(new DateOnly(2026, 4, 1), deadline.Due);
        Assert.Equal(DeadlineRules.ExtendedMaximumWorkingDays, deadline.WorkingDays);
        Assert.Equal("2026-04-01", complaint.Timeline[^1].Details["handlingDue"]);
        Assert.Equal("2026-03-18", complaint.Timeline[^1].Details["previousDue"]);
    }

    [Fact]
    public void Extension_is_allowed_until_the_last_minute_of_the_handling_deadline_第十三条()
    {
        InHandling().Extend(Weekdays, "情况复杂", Agency, Cst(2026, 3, 18, 23, 59)).ShouldSucceed();
    }

    [Fact]
    public void Extension_is_refused_after_the_handling_deadline_第十三条()
    {
        var complaint = InHandling();

        var error = complaint.Extend(Weekdays, "情况复杂", Agency, Cst(2026, 3, 19, 0, 0)).ShouldFailWith(ComplaintErrors.ExtensionAfterDeadline);

        Assert.False(complaint.Extended);
        Assert.Equal("第十三条", error.Article);
        Assert.Contains("2026-03-18", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_is_extended_only_once_第十三条()
    {
        var complaint = InHandling();
        complaint.Extend(Weekdays, "情况复杂", Agency, Later).ShouldSucceed();

        complaint.Extend(Weekdays, "仍然复杂", Agency, Later.AddDays(1)).ShouldFailWith(ComplaintErrors.AlreadyExtended);

        Assert.Equal(new DateOnly(2026, 4, 1), complaint.HandlingDeadline(Weekdays)!.Due);
    }

    [Fact]
    public void An_onsite_case_cannot_be_extended_第十三条()
    {
        var complaint = InHandling(Classification.Onsite);

        complaint.Extend(Weekdays, "情况复杂", Agency, AcceptedAt).ShouldFailWith(ComplaintErrors.ExtensionNotOffsite);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void An_extension_gives_its_reason_第十三条(string? reason)
    {
        var error = InHandling().Extend(Weekdays, reason, Agency, Later).ShouldFailWith(ComplaintErrors.Required);

        Assert.Equal("reason", error.Field);
    }

    [Fact]
    public void Only_the_handling_agency_extends()
    {
        InHandling().Extend(Weekdays, "情况复杂", AgencyBStaff, Later).ShouldFailWith(ComplaintErrors.NotHandlingAgency);
        InHandling().Extend(Weekdays, "情况复杂", Management, Later).ShouldFailWith(ComplaintErrors.NotPermitted);
    }
}
