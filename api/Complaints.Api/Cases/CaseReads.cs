using Complaints.Api.Audit;
using Complaints.Api.Complaints;
using Complaints.Api.Infrastructure;
using Complaints.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Cases;

public sealed record AuditEntryView(long Sequence, DateTimeOffset At, string ActorUserId, string ActorRole, string Action, string? ClientAddress, string? Details);

/// <summary>Reading a case, its complainant (officers only, audited) and its audit trail.</summary>
public static class CaseReads
{
    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Get(Guid id, [AsParameters] CaseRequest r, CancellationToken ct)
    {
        var complaint = await CaseAccess.FindVisibleAsync(r.Db, id, r.Caller, tracking: true, ct);
        if (complaint is null)
        {
            return CaseAccess.NotFound();
        }

        var view = r.Work.Show(CaseAccess.ViewOf(r, complaint)) with
        {
            DuplicateSuggestions = await Insight.DuplicateSuggestions.ForAsync(r.Db, r.Caller, complaint, ct),
        };
        await r.Work.SaveAsync(ct); // the officer's read of personal data, if the view showed it
        r.Http.Response.Headers.ETag = CaseViewMapping.ETag(view.Version);
        return TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<ComplainantView>, ProblemHttpResult>> GetComplainant(Guid id, [AsParameters] CaseRequest r, CancellationToken ct)
    {
        var complaint = await CaseAccess.FindVisibleAsync(r.Db, id, r.Caller, tracking: true, ct);
        if (complaint is null)
        {
            return CaseAccess.NotFound();
        }

        var complainant = r.Work.Show(CaseAccess.ComplainantFor(r, complaint, full: true))!;
        await r.Work.SaveAsync(ct);
        return TypedResults.Ok(complainant);
    }

    public static async Task<Results<Ok<AuditEntryView[]>, ProblemHttpResult>> GetAudit(Guid id, [AsParameters] CaseRequest r, CancellationToken ct)
    {
        var caller = r.Caller;
        var subject = await r.Db.Complaints.AsNoTracking().Where(c => c.Id == id).VisibleTo(r.Db, caller)
            .Select(c => new { c.Confidential, c.ComplainantUserId }).FirstOrDefaultAsync(ct);
        if (subject is null)
        {
            return CaseAccess.NotFound();
        }

        if (!(caller.IsOfficer || caller.IsManagement))
        {
            return DomainError.Forbidden("audit.forbidden", "审计记录仅供投诉处理专人和政务服务管理部门查看。").ToProblem();
        }

        var entries = await r.Db.AuditEntries.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence)
            .Select(e => new AuditEntryView(e.Sequence, e.At, e.ActorUserId, e.ActorRole, e.Action, e.ClientAddress, e.Details)).ToArrayAsync(ct);
        return TypedResults.Ok(entries.Select(e => Shown(e with { At = e.At.Cst() }, subject.Confidential, subject.ComplainantUserId, caller)).ToArray());
    }

    /// <summary>
    /// 第九条: the lines the complainant wrote (submitting, rating, withdrawing) name them by user id and client address.
    /// On a confidential case only the named officers may know who complained; everyone else sees that "the complainant"
    /// acted. The client address of a complainant is never shown to non-officers.
    /// </summary>
    private static AuditEntryView Shown(AuditEntryView line, bool confidential, string? complainantUserId, Auth.Caller caller)
    {
        var byComplainant = line.ActorRole is Auth.Roles.Citizen or Auth.Roles.Enterprise
            || (complainantUserId is not null && line.ActorUserId == complainantUserId);
        if (caller.IsOfficer || !byComplainant)
        {
            return line;
        }

        return line with { ActorUserId = confidential ? ConfidentialComplainant : line.ActorUserId, ClientAddress = null };
    }

    /// <summary>Stands in for a confidential complainant's user id in audit lines.</summary>
    public const string ConfidentialComplainant = "confidential_complainant";

    /// <summary>Verifies the whole audit chain: an edited, removed or reordered line is reported by sequence.</summary>
    public static async Task<Ok<AuditVerificationView>> VerifyAudit([AsParameters] CaseRequest r, CancellationToken ct)
    {
        var broken = await AuditTrail.FindFirstBreakAsync(r.Db, ct);
        var count = await r.Db.AuditEntries.LongCountAsync(ct);
        return TypedResults.Ok(new AuditVerificationView(broken is null, count, broken));
    }

    public sealed record AuditVerificationView(bool Intact, long Entries, long? FirstBrokenSequence);
}
