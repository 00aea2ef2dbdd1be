using System.Security.Claims;
using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Validation;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Validation;

namespace Complaints.Api.Complaints;

[ValidatableType]
public sealed record SatisfactionRequest([property: ZhRequired] SatisfactionRating? Rating, [property: ZhMaxLength(ComplaintLimits.ShortTextMaxLength)] string? Comment);

[ValidatableType]
public sealed record WithdrawalRequest([property: ZhMaxLength(ComplaintLimits.ShortTextMaxLength)] string? Reason);

public sealed record SatisfactionView(SatisfactionRating Rating, DateTimeOffset RatedAt);

public sealed record WithdrawalView(ComplaintStatus Status, DateTimeOffset WithdrawnAt);

[ValidatableType]
public sealed record MaterialsRequest([property: ZhRequired, ZhMinLength(1), ZhMaxLength(ComplaintLimits.MaxEvidence)] IReadOnlyList<Guid>? EvidenceIds);

/// <summary>Every evidence file of the complaint after the addition.</summary>
public sealed record MaterialsView(IReadOnlyList<Guid> EvidenceIds, DateTimeOffset AddedAt);

/// <summary>What a complainant does to their own case: rate it once concluded (第十六条), or withdraw it before.</summary>
public static class ComplainantActions
{
    public static async Task<Results<Ok<SatisfactionView>, ProblemHttpResult>> RateSatisfaction(
        Guid id, SatisfactionRequest request, ClaimsPrincipal user, ComplaintsDbContext db, AuditTrail audit, UnitOfWork work, IWorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var rating = request.Rating!.Value; // [ZhRequired]
        var complaint = await MyComplaints.FindOwnAsync(db, id, user, tracking: true, ct);
        if (complaint is null)
        {
            return MyComplaints.NotFound();
        }

        // A merged complainant rates the result of the case theirs went into (第十三、十六条).
        var mergedInto = await MergedTarget.FinalAsync(db, complaint, ct);
        var change = ComplaintChange.Begin(complaint);
        var outcome = complaint.RateSatisfaction(rating, request.Comment, Caller.From(user).ToActor(), clock.GetUtcNow(), mergedInto);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!.ToProblem();
        }

        await change.StageAsync(db, audit, calendar, Caller.From(user), clock.GetUtcNow(), ct);
        return await ComplaintStore.TrySaveStagedAsync(work, ct)
            ? TypedResults.Ok(new SatisfactionView(rating, complaint.RatedAt!.Value.Cst()))
            : ConcurrentChange();
    }

    public static async Task<Results<Ok<WithdrawalView>, ProblemHttpResult>> Withdraw(
        Guid id, WithdrawalRequest? request, ClaimsPrincipal user, ComplaintsDbContext db, AuditTrail audit, UnitOfWork work, IWorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var complaint = await MyComplaints.FindOwnAsync(db, id, user, tracking: true, ct);
        if (complaint is null)
        {
            return MyComplaints.NotFound();
        }

        var change = ComplaintChange.Begin(complaint);
        var outcome = complaint.Withdraw(request?.Reason, Caller.From(user).ToActor(), clock.GetUtcNow());
        if (!outcome.IsSuccess)
        {
            return outcome.Error!.ToProblem();
        }

        await change.StageAsync(db, audit, calendar, Caller.From(user), clock.GetUtcNow(), ct);
        return await ComplaintStore.TrySaveStagedAsync(work, ct)
            ? TypedResults.Ok(new WithdrawalView(complaint.Status, complaint.WithdrawnAt!.Value.Cst()))
            : ConcurrentChange();
    }

    /// <summary>
    /// 补充材料 (第七条): the complainant attaches more of their own uploads while the complaint is open. The files are
    /// attached in the same transaction as the case change, and the handling agency's system hears of it.
    /// </summary>
    public static async Task<Results<Ok<MaterialsView>, ProblemHttpResult>> AddMaterials(
        Guid id, MaterialsRequest request, ClaimsPrincipal user, ComplaintsDbContext db, AuditTrail audit, UnitOfWork work, IWorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var ids = request.EvidenceIds!; // [ZhRequired, ZhMinLength(1)]

        var complaint = await MyComplaints.FindOwnAsync(db, id, user, tracking: true, ct);
        if (complaint is null)
        {
            return MyComplaints.NotFound();
        }

        var caller = Caller.From(user);
        if (await EvidenceAttachment.CheckAsync(db, caller.Subject, ids, ct) is { } unusable)
        {
            return unusable;
        }

        var now = clock.GetUtcNow();
        var change = ComplaintChange.Begin(complaint);
        var outcome = complaint.AddMaterials(ids, caller.ToActor(), now);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!.ToProblem();
        }

        await change.StageAsync(db, audit, calendar, caller, now, ct);
        return await ComplaintStore.TrySaveStagedWithAsync(work, t => EvidenceAttachment.TryAttachAsync(db, complaint.Id, ids, t), ct) switch
        {
            ComplaintStore.SaveOutcome.Saved => TypedResults.Ok(new MaterialsView(complaint.EvidenceIds, now.Cst())),
            ComplaintStore.SaveOutcome.StepRefused => ProblemHandling.Validation("evidenceIds", "证明材料已附加到其他投诉或已过期,请重新上传。"),
            _ => ConcurrentChange(),
        };
    }

    public static ProblemHttpResult ConcurrentChange() =>
        DomainProblems.ConcurrentChange();
}
