using System.Security.Claims;
using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Complaints.Api.Complaints;

public sealed record SatisfactionRequest(SatisfactionRating? Rating, string? Comment);

public sealed record WithdrawalRequest(string? Reason);

public sealed record SatisfactionView(SatisfactionRating Rating, DateTimeOffset RatedAt);

public sealed record WithdrawalView(CaseStatus Status, DateTimeOffset WithdrawnAt);

/// <summary>What a complainant does to their own case: rate it once concluded (第十六条), or withdraw it before.</summary>
public static class ComplainantActions
{
    public static async Task<Results<Ok<SatisfactionView>, ProblemHttpResult>> RateSatisfaction(
        Guid id, SatisfactionRequest request, ClaimsPrincipal user, ComplaintsDbContext db, AuditTrail audit, IWorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        if (request.Rating is not { } rating)
        {
            return ProblemHandling.Validation("rating", "缺少满意度评价(好差评五级)。");
        }

        var complaint = await MyComplaints.FindOwnAsync(db, id, user, tracking: true, ct);
        if (complaint is null)
        {
            return MyComplaints.NotFound();
        }

        // A merged complainant rates the result of the case theirs went into (第十三、十六条).
        var mergedInto = await MergedTarget.FinalAsync(db, complaint, ct);
        var outcome = complaint.RateSatisfaction(rating, request.Comment, Caller.From(user).ToActor(), clock.GetUtcNow(), mergedInto);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!.ToProblem();
        }

        audit.Record(Caller.From(user), "complaint.rated", complaint.Id, $"rating={rating}");
        return await ComplaintStore.TrySaveAsync(db, audit, complaint, calendar, ct)
            ? TypedResults.Ok(new SatisfactionView(rating, complaint.RatedAt!.Value.Cst()))
            : ConcurrentChange();
    }

    public static async Task<Results<Ok<WithdrawalView>, ProblemHttpResult>> Withdraw(
        Guid id, WithdrawalRequest? request, ClaimsPrincipal user, ComplaintsDbContext db, AuditTrail audit, IWorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var complaint = await MyComplaints.FindOwnAsync(db, id, user, tracking: true, ct);
        if (complaint is null)
        {
            return MyComplaints.NotFound();
        }

        var outcome = complaint.Withdraw(request?.Reason, Caller.From(user).ToActor(), clock.GetUtcNow());
        if (!outcome.IsSuccess)
        {
            return outcome.Error!.ToProblem();
        }

        audit.Record(Caller.From(user), "complaint.withdrawn", complaint.Id);
        Notifications.NotificationOutbox.EnqueueFor(db, complaint, complaint.ComplainantsToNotify[0], Notifications.NotificationKind.WithdrawalConfirmation, new Dictionary<string, string>(), clock.GetUtcNow());
        return await ComplaintStore.TrySaveAsync(db, audit, complaint, calendar, ct)
            ? TypedResults.Ok(new WithdrawalView(complaint.Status, complaint.WithdrawnAt!.Value.Cst()))
            : ConcurrentChange();
    }

    public static ProblemHttpResult ConcurrentChange() =>
        ProblemHandling.Problem(StatusCodes.Status409Conflict, "complaint.concurrent_change", "该投诉刚被他人修改,请刷新后重试。");
}
