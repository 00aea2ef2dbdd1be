using Complaints.Domain.Common;

namespace Complaints.Domain.Cases;

// What the complainant does on their own case.
public sealed partial class Complaint
{
    /// <summary>
    /// The complainant withdraws an open complaint. A complainant without an account (a caller, a letter)
    /// may ask a management department or the 12345 hotline to record it for them, with the reason given
    /// [decision]; the agency complained about can never withdraw a complaint against itself.
    /// </summary>
    public Outcome Withdraw(string? reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.Withdraw, ComplaintStatus.PendingReferral, ComplaintStatus.PendingAcceptance, ComplaintStatus.InHandling)
            ?? WithdrawalAllowed(reason, actor)
            ?? OptionalText(reason, "reason", "撤回理由", ComplaintLimits.ShortTextMaxLength);
        if (error is not null)
        {
            return error;
        }

        WithdrawnAt = at;
        WithdrawalReason = Trimmed(reason);
        Status = ComplaintStatus.Withdrawn;
        Record(TimelineEventKind.Withdrawn, null, actor, at, ("onBehalf", Flag(actor.Role != ActorRole.Complainant)));
        return Outcome.Ok();
    }

    private DomainError? WithdrawalAllowed(string? reason, Actor actor)
    {
        if (actor.Role == ActorRole.Complainant)
        {
            return ByOwnComplainant(ComplaintAction.Withdraw, actor);
        }

        if (ComplainantUserId is null && actor.Role is ActorRole.ManagementStaff or ActorRole.HotlineOperator)
        {
            return ConfidentialityAllows(ComplaintAction.Withdraw, actor)
                ?? RequiredText(reason, "reason", "代为登记撤回的,撤回理由", ComplaintLimits.ShortTextMaxLength, null);
        }

        return ComplaintErrors.ComplainantOnly(ComplaintAction.Withdraw);
    }

    /// <summary>
    /// 第十六条: the complainant rates the result, once, on the 好差评 scale. A merged complainant (第十三条) rates
    /// the result they were given: that of <paramref name="mergedInto"/>, the case theirs went into, once it is
    /// concluded; the rating is kept on their own case, so each complainant's satisfaction counts.
    /// </summary>
    public Outcome RateSatisfaction(SatisfactionRating rating, string? comment, Actor actor, DateTimeOffset at, Complaint? mergedInto = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var error = (Status == ComplaintStatus.Merged ? MergedResultGiven(mergedInto) : InState(ComplaintAction.RateSatisfaction, ComplaintStatus.Concluded))
            ?? ByOwnComplainant(ComplaintAction.RateSatisfaction, actor)
            ?? (ComplainantRating is null ? null : DomainError.Conflict(ComplaintErrors.AlreadyRated, "已经评价过,每件投诉只能评价一次(第十六条)。", "第十六条", "rating"))
            ?? Defined(rating, "rating")
            ?? OptionalText(comment, "comment", "评价内容", ComplaintLimits.ShortTextMaxLength);
        if (error is not null)
        {
            return error;
        }

        ComplainantRating = rating;
        ComplainantComment = Trimmed(comment);
        RatedAt = at;
        Record(TimelineEventKind.Rated, "第十六条", actor, at, ("rating", WireNames.Of(rating)), ("negative", Flag(rating.IsNegative())));
        return Outcome.Ok();
    }

    /// <summary>
    /// The case this one finally went into (第十三条): <paramref name="candidate"/> when it holds this case's
    /// complainant among its merged ones. Merges can chain (A into B, B into C); C then holds A's complainant too.
    /// </summary>
    public bool WentInto(Complaint candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return Status == ComplaintStatus.Merged && candidate.Status != ComplaintStatus.Merged && candidate._mergedCases.Any(m => m.CaseId == Id);
    }

    private DomainError? MergedResultGiven(Complaint? mergedInto)
    {
        if (mergedInto is null || !WentInto(mergedInto))
        {
            return ComplaintErrors.Transition(Status, ComplaintAction.RateSatisfaction);
        }

        return mergedInto.Status == ComplaintStatus.Concluded
            ? null
            : DomainError.Conflict(
                ComplaintErrors.InvalidTransition,
                $"您的投诉已并入投诉件{mergedInto.TrackingNumber}合并处理,该投诉件{mergedInto.Status.Describe()},办结后方可评价(第十三条、第十六条)。",
                "第十六条");
    }

    /// <summary>
    /// 补充材料: while the complaint is open, its complainant adds supporting evidence (第七条 "提供相关证明材料"),
    /// within the same limit of files as at submission, each file once.
    /// </summary>
    public Outcome AddMaterials(IReadOnlyList<Guid> evidenceIds, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(evidenceIds);
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.AddMaterials, ComplaintStatus.PendingReferral, ComplaintStatus.PendingAcceptance, ComplaintStatus.InHandling)
            ?? ByOwnComplainant(ComplaintAction.AddMaterials, actor)
            ?? (evidenceIds.Count == 0 ? DomainError.Invalid(ComplaintErrors.Required, "缺少要补充的证明材料。", "第七条", "evidenceIds") : null)
            ?? ComplaintSubmission.CheckEvidence([.. _evidenceIds, .. evidenceIds]);
        if (error is not null)
        {
            return error;
        }

        _evidenceIds.AddRange(evidenceIds);
        Record(TimelineEventKind.MaterialsAdded, "第七条", actor, at, ("count", evidenceIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Outcome.Ok();
    }
}
