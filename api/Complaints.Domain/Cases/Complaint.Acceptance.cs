using Complaints.Domain.Calendar;
using Complaints.Domain.Common;
using Complaints.Domain.Deadlines;

namespace Complaints.Domain.Cases;

// 第八、十、十一条: referral by the management department, then the agency's decision.
public sealed partial class Complaint
{
    /// <summary>
    /// 第十条: the management department hands the complaint to the responsible agency. The referral
    /// instant is the agency's receipt, which starts its 3 working days to decide (第十一条).
    /// </summary>
    public Outcome Refer(IWorkingDayCalendar calendar, Guid toAgencyId, string? note, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.Refer, ComplaintStatus.PendingReferral)
            ?? ByManagement(ComplaintAction.Refer, actor)
            ?? (toAgencyId == Guid.Empty ? ComplaintErrors.Missing("agencyId", "承办的政务服务机构", "第十条") : null)
            ?? OptionalText(note, "note", "交办说明", ComplaintLimits.ShortTextMaxLength);
        if (error is not null)
        {
            return error;
        }

        var deadline = DeadlineRules.Referral(calendar, ReceivedAt);
        AssignedAgencyId = toAgencyId;
        ReferredAt = at;
        ReferredOnTime = !deadline.IsOverdueAt(at);
        ReferralNote = Trimmed(note);
        Status = ComplaintStatus.PendingAcceptance;
        Record(
            TimelineEventKind.Referred,
            "第十条",
            actor,
            at,
            ("agencyId", toAgencyId.ToString()),
            ("referralDue", Date(deadline.Due)),
            ("onTime", Flag(ReferredOnTime.Value)));
        return Outcome.Ok();
    }

    /// <summary>第十一条 and 第十二条: the agency accepts and classifies the complaint.</summary>
    public Outcome Accept(IWorkingDayCalendar calendar, Classification classification, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.Accept, ComplaintStatus.PendingAcceptance)
            ?? ByHandlingAgency(ComplaintAction.Accept, actor)
            ?? Defined(classification, "classification");
        if (error is not null)
        {
            return error;
        }

        var deadline = DeadlineRules.Acceptance(calendar, AgencyReceivedAt!.Value);
        DecidedAt = at;
        DecidedOnTime = !deadline.IsOverdueAt(at);
        AcceptedAt = at;
        Classification = classification;
        Status = ComplaintStatus.InHandling;
        Record(
            TimelineEventKind.Accepted,
            "第十一条",
            actor,
            at,
            ("classification", WireNames.Of(classification)),
            ("acceptanceDue", Date(deadline.Due)),
            ("onTime", Flag(DecidedOnTime.Value)));
        return Outcome.Ok();
    }

    /// <summary>
    /// 第八条: the complaint is not accepted, for one of the four named reasons. "已经受理或者正在处理"
    /// and "已经办结…重复投诉" must point at that other case, which is passed in so that its state can be
    /// checked. The agency decides while the case waits for it (第十一条); the management department may
    /// already decline while the case waits for referral [decision: only then, so that the two never
    /// decide the same case].
    /// </summary>
    public Outcome NotAccept(IWorkingDayCalendar calendar, NotAcceptedReason reason, Complaint? relatedCase, string? explanation, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.NotAccept, ComplaintStatus.PendingReferral, ComplaintStatus.PendingAcceptance)
            ?? (Status == ComplaintStatus.PendingReferral ? ByManagement(ComplaintAction.NotAccept, actor) : ByHandlingAgency(ComplaintAction.NotAccept, actor))
            ?? Defined(reason, "reason")
            ?? CheckRelatedCase(reason, relatedCase)
            ?? OptionalText(explanation, "explanation", "不予受理说明", ComplaintLimits.LongTextMaxLength);
        if (error is not null)
        {
            return error;
        }

        var deadline = Status == ComplaintStatus.PendingReferral
            ? DeadlineRules.Referral(calendar, ReceivedAt)
            : DeadlineRules.Acceptance(calendar, AgencyReceivedAt!.Value);
        DecidedAt = at;
        DecidedOnTime = !deadline.IsOverdueAt(at);
        NotAcceptedReason = reason;
        RelatedCaseId = relatedCase?.Id;
        NotAcceptedExplanation = Trimmed(explanation);
        Status = ComplaintStatus.NotAccepted;
        Record(
            TimelineEventKind.NotAccepted,
            "第八条",
            actor,
            at,
            ("reason", WireNames.Of(reason)),
            ("relatedCaseId", relatedCase?.Id.ToString()),
            ("onTime", Flag(DecidedOnTime.Value)));
        return Outcome.Ok();
    }

    private DomainError? CheckRelatedCase(NotAcceptedReason reason, Complaint? related)
    {
        var needsRelated = reason is Cases.NotAcceptedReason.AlreadyAcceptedOrInProgress or Cases.NotAcceptedReason.RepeatWithoutNewEvidence;
        if (related is null)
        {
            return needsRelated
                ? DomainError.Invalid(ComplaintErrors.RelatedCaseRequired, "以“已经受理或者正在处理”或者“已经办结、无新证明材料重复投诉”为由不予受理的,须注明相关投诉件(第八条)。", "第八条", "relatedCaseId")
                : null;
        }

        if (related.Id == Id)
        {
            return DomainError.Invalid(ComplaintErrors.RelatedCaseIsSelf, "相关投诉件不能是本件(第八条)。", "第八条", "relatedCaseId");
        }

        return reason switch
        {
            Cases.NotAcceptedReason.AlreadyAcceptedOrInProgress when related.Status.IsTerminal() =>
                DomainError.Conflict(ComplaintErrors.RelatedCaseNotOpen, $"相关投诉件{related.Status.Describe()},不是已经受理或者正在处理的投诉(第八条第(二)项)。", "第八条", "relatedCaseId"),
            Cases.NotAcceptedReason.RepeatWithoutNewEvidence when related.Status != ComplaintStatus.Concluded =>
                DomainError.Conflict(ComplaintErrors.RelatedCaseNotConcluded, $"相关投诉件{related.Status.Describe()},不是已经办结的投诉(第八条第(四)项)。", "第八条", "relatedCaseId"),
            _ => null,
        };
    }
}
