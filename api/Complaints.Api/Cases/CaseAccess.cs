using System.Security.Claims;
using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Complaints;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Cases;

/// <summary>What every case endpoint needs, bound in one go (<c>[AsParameters]</c>).</summary>
/// <remarks>Services, not input: the request validation (AddValidation) must not walk the DbContext's object graph.</remarks>
[Microsoft.Extensions.Validation.SkipValidation]
public sealed class CaseRequest
{
    public required ClaimsPrincipal User { get; init; }
    public required HttpContext Http { get; init; }
    public required ComplaintsDbContext Db { get; init; }
    public required AuditTrail Audit { get; init; }
    public required UnitOfWork Work { get; init; }
    public required IWorkingDayCalendar Calendar { get; init; }
    public required TimeProvider Clock { get; init; }
    public required PersonalDataProtector Protector { get; init; }

    public Caller Caller => Caller.From(User);
}

public static class CaseAccess
{
    public static async Task<Complaint?> FindVisibleAsync(ComplaintsDbContext db, Guid id, Caller caller, bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Complaints : db.Complaints.AsNoTracking();
        return await query.AsSplitQuery().Where(c => c.Id == id).VisibleTo(db, caller).FirstOrDefaultAsync(ct);
    }

    /// <summary>Not there and not yours answer alike: a caller learns nothing about cases outside their remit.</summary>
    public static ProblemHttpResult NotFound() => DomainProblems.ComplaintNotFound();

    /// <summary>api.md: state-changing actions honour <c>If-Match</c> with the ETag of the case view.</summary>
    public static ProblemHttpResult? CheckIfMatch(HttpRequest request, int version)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch) || ifMatch == "*")
        {
            return null;
        }

        var current = CaseViewMapping.ETag(version);
        return ifMatch.Split(',').Select(t => t.Trim().Replace("W/", "", StringComparison.Ordinal)).Contains(current)
            ? null
            : DomainError.PreconditionFailed("complaint.precondition_failed", "该投诉已被修改(ETag 不匹配),请重新读取后再操作。").ToProblem();
    }

    /// <summary>
    /// 第九条: masked for everyone; in full for named officers on non-confidential cases (that read is
    /// audited); for confidential cases hidden from everyone but officers, who see it masked here and in
    /// full only through the dedicated, audited complainant endpoint. Computes only: the read it reports is
    /// recorded by the unit of work that hands the view out (<see cref="UnitOfWork.Show"/>).
    /// </summary>
    public static Revealing<ComplainantView?> ComplainantFor(CaseRequest r, Complaint c, bool full)
    {
        var caller = r.Caller;
        if (c.Confidential && !caller.IsOfficer)
        {
            return new(null, null);
        }

        var s = c.Complainant;
        if (caller.IsOfficer && (full || !c.Confidential))
        {
            return new(new ComplainantView(s.Type, s.Name, s.IdType, s.IdNumber is null ? null : r.Protector.Decrypt(s.IdNumber),
                s.Phone is null ? null : r.Protector.Decrypt(s.Phone), s.Address, s.RealNameVerified, Masked: false),
                new PersonalDataRead(caller, c.Id, full ? "complainant" : "case_view"));
        }

        var owned = r.Db.Entry(c).Reference(x => x.Complainant).TargetEntry!;
        return new(new ComplainantView(s.Type, s.Name, s.IdType,
            owned.Property<string?>(ComplaintConfiguration.IdNumberMasked).CurrentValue,
            owned.Property<string?>(ComplaintConfiguration.PhoneMasked).CurrentValue,
            Address: null, s.RealNameVerified, Masked: true), null);
    }

    /// <summary>The case view, and the read of the complainant it shows in full, if it does (<see cref="ComplainantFor"/>).</summary>
    public static Revealing<CaseView> ViewOf(CaseRequest r, Complaint c)
    {
        var complainant = ComplainantFor(r, c, full: false);
        return new(c.ToCaseView(complainant.View, r.Calendar, r.Clock.GetUtcNow(), ComplaintStore.VersionOf(r.Db, c)), complainant.Read);
    }
}
