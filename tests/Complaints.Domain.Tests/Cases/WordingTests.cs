using System.Text.RegularExpressions;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

/// <summary>Messages are Chinese sentences: wire values (onsite, in_handling, referral …) never appear in them.</summary>
public partial class WordingTests
{
    [GeneratedRegex("[a-z_]{3,}")]
    private static partial Regex WireWord();

    [Fact]
    public void A_complainant_submitting_by_an_offline_channel_is_told_its_chinese_name_第六条()
    {
        var error = Complaint.Receive(Guid.NewGuid(), "YN1", "hash", Submission(Channel.InPerson), ReceivingParty.ManagementDepartment(Region), Citizen, ReceivedAt)
            .ShouldFailWith(ComplaintErrors.ChannelNotAllowed);

        Assert.StartsWith("「现场投诉」由工作人员代为登记", error.Message, StringComparison.Ordinal);
        Assert.DoesNotMatch(WireWord(), error.Message);
    }

    [Fact]
    public void Refusals_about_states_and_deadlines_name_them_in_chinese_only()
    {
        string[] messages =
        [
            Concluded().Accept(Weekdays, Classification.Onsite, Agency, Later).ShouldFailWith(ComplaintErrors.InvalidTransition).Message,
            Referred().FlagOverdue(Weekdays, DeadlineKind.Referral, Cst(2026, 4, 1, 0, 0)).ShouldFailWith(ComplaintErrors.DeadlineNotRunning).Message,
            Received().FlagOverdue(Weekdays, DeadlineKind.Referral, Cst(2026, 3, 4, 23, 59)).ShouldFailWith(ComplaintErrors.NotOverdue).Message,
            Referred().Merge(Concluded(), Agency, Later).ShouldFailWith(ComplaintErrors.MergeTargetClosed).Message,
        ];

        Assert.All(messages, m => Assert.DoesNotMatch(WireWord(), m));
        Assert.Contains("交办投诉的时限", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_four_reasons_of_第八条_are_listed_in_the_办法s_words()
    {
        Assert.Equal(
            "(一)没有明确被投诉人或者投诉请求;(二)已经受理或者正在处理;(三)已经或者正在通过诉讼、仲裁、行政复议、调解等途径解决;(四)已经办结,无新证明材料对同一事项重复投诉",
            ChineseNames.AllNotAcceptedReasons());
    }

    [Fact]
    public void Every_term_of_the_办法_has_a_chinese_name()
    {
        Assert.All(Enum.GetValues<Channel>(), v => Assert.DoesNotMatch(WireWord(), v.Name()));
        Assert.All(Enum.GetValues<NotAcceptedReason>(), v => Assert.DoesNotMatch(WireWord(), v.Name()));
        Assert.All(Enum.GetValues<Finding>(), v => Assert.DoesNotMatch(WireWord(), v.Name()));
        Assert.All(Enum.GetValues<SatisfactionRating>(), v => Assert.DoesNotMatch(WireWord(), v.Name()));
        Assert.All(Enum.GetValues<Classification>(), v => Assert.DoesNotMatch(WireWord(), v.Name()));
        Assert.All(Enum.GetValues<RevisitMethod>(), v => Assert.DoesNotMatch(WireWord(), v.Name()));
        Assert.All(Enum.GetValues<InvestigationMethod>(), v => Assert.DoesNotMatch(WireWord(), v.Name()));
        Assert.All(Enum.GetValues<DeadlineKind>(), v => Assert.DoesNotMatch(WireWord(), v.Name()));
    }
}
