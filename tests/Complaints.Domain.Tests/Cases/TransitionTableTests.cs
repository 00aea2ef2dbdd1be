using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

/// <summary>
/// rules.md "States" as a table, written out here independently of the implementation: every action in
/// every state either succeeds with the expected resulting state, or is refused with
/// <c>complaint.invalid_transition</c> naming the current state and the article.
/// </summary>
public class TransitionTableTests
{
    private const ComplaintStatus PR = ComplaintStatus.PendingReferral;
    private const ComplaintStatus PA = ComplaintStatus.PendingAcceptance;
    private const ComplaintStatus IH = ComplaintStatus.InHandling;
    private const ComplaintStatus C = ComplaintStatus.Concluded;
    private const ComplaintStatus NA = ComplaintStatus.NotAccepted;
    private const ComplaintStatus M = ComplaintStatus.Merged;
    private const ComplaintStatus W = ComplaintStatus.Withdrawn;

    /// <summary>Action → (states it is allowed in, article, resulting state or null for "unchanged").</summary>
    private static readonly Dictionary<ComplaintAction, (ComplaintStatus[] From, string? Article, ComplaintStatus? To)> Rules = new()
    {
        [ComplaintAction.Refer] = ([PR], "第十条", PA),
        [ComplaintAction.Accept] = ([PA], "第十一条", IH),
        [ComplaintAction.NotAccept] = ([PR, PA], "第八条", NA),
        [ComplaintAction.Extend] = ([IH], "第十三条", null),
        [ComplaintAction.AddInvestigationRecord] = ([IH], "第十四条", null),
        [ComplaintAction.Conclude] = ([IH], "第十三条", C),
        [ComplaintAction.Merge] = ([PA, IH], "第十三条", M),
        [ComplaintAction.Coordinate] = ([PA, IH], "第十五条", null),
        [ComplaintAction.Withdraw] = ([PR, PA, IH], null, W),
        [ComplaintAction.RateSatisfaction] = ([C], "第十六条", null),
        [ComplaintAction.RecordRevisit] = ([C], "第十六条", null),
        [ComplaintAction.OrderRectification] = ([C], "第十六条", null),
        [ComplaintAction.CompleteRectification] = ([C], "第十六条", null),
        [ComplaintAction.VerifyRectification] = ([C], "第十六条", null),
        [ComplaintAction.FlagMajor] = ([PR, PA, IH, C, NA, W], "第四条", null),
        [ComplaintAction.AddMaterials] = ([PR, PA, IH], "第七条", null),

        // A notice exists once the decision is taken; the table's merged and withdrawn cases were never decided.
        [ComplaintAction.RecordNoticeDelivery] = ([IH, C, NA], "第十一条", null),
    };

    public static TheoryData<ComplaintStatus, ComplaintAction> AllowedPairs()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintAction>();
        foreach (var (action, rule) in Rules)
        {
            foreach (var status in rule.From)
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    public static TheoryData<ComplaintStatus, ComplaintAction> ForbiddenPairs()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintAction>();
        foreach (var (action, rule) in Rules)
        {
            foreach (var status in Enum.GetValues<ComplaintStatus>().Except(rule.From))
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_case_action()
    {
        // Overdue flagging is the monitor's bookkeeping, not a transition; it has its own tests.
        Assert.Equal(Enum.GetValues<ComplaintAction>().Except([ComplaintAction.FlagOverdue]), Rules.Keys);
        Assert.Equal(7 * 17, AllowedPairs().Count + ForbiddenPairs().Count);
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void Every_allowed_action_succeeds_and_leads_to_the_expected_state(ComplaintStatus from, ComplaintAction action)
    {
        var complaint = In(from);
        Prepare(action, complaint);
        var entries = complaint.Timeline.Count;

        var error = Act(action, complaint);

        Assert.True(error is null, $"{from} × {action}: {error?.Code} {error?.Message}");
        Assert.Equal(Rules[action].To ?? from, complaint.Status);
        Assert.Equal(entries + 1, complaint.Timeline.Count);
    }

    [Theory]
    [MemberData(nameof(ForbiddenPairs))]
    public void Every_forbidden_action_is_refused_naming_the_current_state_and_the_article(ComplaintStatus from, ComplaintAction action)
    {
        var complaint = In(from);
        var timeline = complaint.Timeline.ToList();

        var error = Act(action, complaint);

        Assert.NotNull(error);
        Assert.Equal(ComplaintErrors.InvalidTransition, error.Code);
        Assert.Contains($"「{from.ChineseName()}」", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WireNames.Of(from), error.Message, StringComparison.Ordinal);
        Assert.Equal(Rules[action].Article, error.Article);
        if (error.Article is { } article)
        {
            Assert.Contains(article, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(from, complaint.Status);
        Assert.Equal(timeline, complaint.Timeline);
    }

    [Fact]
    public void The_refusal_reads_as_a_sentence()
    {
        var error = Concluded().Accept(Weekdays, Classification.Onsite, Agency, Later).ShouldFailWith(ComplaintErrors.InvalidTransition);

        Assert.Equal("当前状态为「已办结」,不能受理(第十一条)。", error.Message);
    }

    /// <summary>Whatever an allowed action needs beforehand that is not a case state.</summary>
    private static void Prepare(ComplaintAction action, Complaint complaint)
    {
        if (action is ComplaintAction.CompleteRectification or ComplaintAction.VerifyRectification)
        {
            complaint.OrderRectification("整改", new DateOnly(2026, 3, 31), Management, Later).ShouldSucceed();
        }

        if (action is ComplaintAction.VerifyRectification)
        {
            complaint.CompleteRectification("已整改", Agency, Later).ShouldSucceed();
        }
    }

    /// <summary>Each action as the party entitled to it would do it, so only the state can stand in the way.</summary>
    private static DomainError? Act(ComplaintAction action, Complaint c) => action switch
    {
        ComplaintAction.Refer => c.Refer(Weekdays, AgencyA, null, Management, Later).Error,
        ComplaintAction.Accept => c.Accept(Weekdays, Classification.Offsite, Agency, Later).Error,
        ComplaintAction.NotAccept => c.NotAccept(Weekdays, NotAcceptedReason.OtherLegalChannel, null, null, c.Status == PR ? Management : Agency, Later).Error,
        ComplaintAction.Extend => c.Extend(Weekdays, "情况复杂", Agency, Later).Error,
        ComplaintAction.AddInvestigationRecord => c.AddInvestigationRecord(InvestigationMethod.Interview, "谈话核实", Agency, Later).Error,
        ComplaintAction.Conclude => c.Conclude(Weekdays, Finding.Substantiated, "结果", null, Agency, Later).Error,
        ComplaintAction.Merge => c.Merge(Referred(), Agency, Later).Error,
        ComplaintAction.Coordinate => c.Coordinate(AgencyB, [AgencyC], Management, Later).Error,
        ComplaintAction.Withdraw => c.Withdraw(null, Citizen, Later).Error,
        ComplaintAction.RateSatisfaction => c.RateSatisfaction(SatisfactionRating.Satisfied, null, Citizen, Later).Error,
        ComplaintAction.RecordRevisit => c.RecordRevisit(RevisitMethod.Phone, SatisfactionRating.Satisfied, null, Agency, Later).Error,
        ComplaintAction.OrderRectification => c.OrderRectification("整改", new DateOnly(2026, 3, 31), Management, Later).Error,
        ComplaintAction.CompleteRectification => c.CompleteRectification("已整改", Agency, Later).Error,
        ComplaintAction.VerifyRectification => c.VerifyRectification(true, null, Management, Later).Error,
        ComplaintAction.FlagMajor => c.FlagMajor("影响较大", Management, Later).Error,
        ComplaintAction.AddMaterials => c.AddMaterials([Guid.NewGuid()], Citizen, Later).Error,
        ComplaintAction.RecordNoticeDelivery => c.RecordNoticeDelivery(DeliveryMethod.InPerson, DateOnly.FromDateTime(Later.DateTime), null, Agency, Later).Error,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
