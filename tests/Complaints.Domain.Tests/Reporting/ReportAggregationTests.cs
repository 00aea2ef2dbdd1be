using Complaints.Domain.Cases;
using Complaints.Domain.Reporting;

namespace Complaints.Domain.Tests.Reporting;

public class ReportAggregationTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static CaseSummary Case(Guid agency, Channel channel, SatisfactionRating? rating = null, bool concluded = false) => new()
    {
        Channel = channel,
        Status = concluded ? ComplaintStatus.Concluded : ComplaintStatus.PendingReferral,
        ReceivedAt = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero),
        RespondentAgencyId = agency,
        RespondentAgencyName = agency == A ? "甲" : "乙",
        ServiceItemName = "登记",
        Concluded = concluded,
        Satisfaction = rating,
    };

    [Fact]
    public void A_departments_report_adds_its_own_level_to_the_reports_of_the_level_below_第十八条()
    {
        var own = ComplaintStatistics.Compute([Case(A, Channel.OnlineApp, SatisfactionRating.Satisfied, concluded: true)]);
        var county = ComplaintStatistics.Compute([Case(B, Channel.Phone12345, SatisfactionRating.Dissatisfied, concluded: true), Case(A, Channel.OnlineApp)]);

        var sum = ReportAggregation.Sum([own, county]);

        var direct = ComplaintStatistics.Compute([
            Case(A, Channel.OnlineApp, SatisfactionRating.Satisfied, concluded: true),
            Case(B, Channel.Phone12345, SatisfactionRating.Dissatisfied, concluded: true),
            Case(A, Channel.OnlineApp)]);
        Assert.Equal(direct.Received, sum.Received);
        Assert.Equal(direct.ReceivedByChannel, sum.ReceivedByChannel);
        Assert.Equal(direct.Concluded, sum.Concluded);
        Assert.Equal(direct.Satisfaction, sum.Satisfaction);
        Assert.Equal(0.5, sum.SatisfactionRate);
        Assert.Equal(direct.TopRespondentAgencies, sum.TopRespondentAgencies);
        Assert.Equal(direct.TopServiceItems, sum.TopServiceItems);
    }

    [Fact]
    public void Nothing_to_add_is_an_empty_report_without_a_satisfaction_rate()
    {
        var sum = ReportAggregation.Sum([]);
        Assert.Equal(0, sum.Received);
        Assert.Null(sum.SatisfactionRate);
        Assert.All(sum.ReceivedByChannel.Values, v => Assert.Equal(0, v));
    }
}
