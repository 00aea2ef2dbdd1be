using Complaints.Api.Audit;
using Complaints.Api.Complaints;
using Complaints.Api.Infrastructure;
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

        var view = CaseAccess.ViewOf(r, complaint) with
        {
            DuplicateSuggestions = await Insight.DuplicateSuggestions.ForAsync(r.Db, r.Caller, complaint, ct),
        };
        await r.Audit.SaveChangesAsync(ct); // the officer's read of personal data, if there was one
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

        var complainant = CaseAccess.ComplainantFor(r, complaint, full: true)!;
        await r.Audit.SaveChangesAsync(ct);
        return TypedResults.Ok(complainant);
    }

    public static async Task<Results<Ok<AuditEntryView[]>, ProblemHttpResult>> GetAudit(Guid id, [AsParameters] CaseRequest r, CancellationToken ct)
    {
        var caller = r.Caller;
        if (!await r.Db.Complaints.AsNoTracking().Where(c => c.Id == id).VisibleTo(caller).AnyAsync(ct))
        {
            return CaseAccess.NotFound();
        }

        if (!(caller.IsOfficer || caller.IsManagement))
        {
            return ProblemHandling.Problem(StatusCodes.Status403Forbidden, "audit.forbidden", "审计记录仅供投诉处理专人和政务服务管理部门查看。");
        }

        var entries = await r.Db.AuditEntries.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence)
            .Select(e => new AuditEntryView(e.Sequence, e.At, e.ActorUserId, e.ActorRole, e.Action, e.ClientAddress, e.Details)).ToArrayAsync(ct);
        return TypedResults.Ok(entries.Select(e => e with { At = e.At.Cst() }).ToArray());
    }

    /// <summary>Verifies the whole audit chain: an edited, removed or reordered line is reported by sequence.</summary>
    public static async Task<Ok<AuditVerificationView>> VerifyAudit([AsParameters] CaseRequest r, CancellationToken ct)
    {
        var broken = await AuditTrail.FindFirstBreakAsync(r.Db, ct);
        var count = await r.Db.AuditEntries.LongCountAsync(ct);
        return TypedResults.Ok(new AuditVerificationView(broken is null, count, broken));
    }

    public sealed record AuditVerificationView(bool Intact, long Entries, long? FirstBrokenSequence);
}
