using Complaints.Domain.Cases;

namespace Complaints.Domain.Tests.Cases;

public sealed class WireNameTests
{
    [Theory]
    [InlineData(ComplaintStatus.InHandling, "in_handling")]
    [InlineData(ComplaintStatus.PendingReferral, "pending_referral")]
    [InlineData(Channel.Phone12345, "phone_12345")]
    public void A_wire_name_is_the_snake_case_member_name_with_digit_runs_as_words<T>(T value, string wire)
        where T : struct, Enum
    {
        Assert.Equal(wire, WireNames.Of(value));
        Assert.True(WireNames.TryParse<T>(wire, out var parsed));
        Assert.Equal(value, parsed);
    }

    [Fact]
    public void Every_member_reads_back_from_its_wire_name()
    {
        foreach (var status in Enum.GetValues<ComplaintStatus>())
        {
            Assert.True(WireNames.TryParse<ComplaintStatus>(WireNames.Of(status), out var parsed));
            Assert.Equal(status, parsed);
        }
    }

    [Theory]
    [InlineData("InHandling")]
    [InlineData("IN_HANDLING")]
    [InlineData("2")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_wire_names_parse(string? value) => Assert.False(WireNames.TryParse<ComplaintStatus>(value, out _));
}
