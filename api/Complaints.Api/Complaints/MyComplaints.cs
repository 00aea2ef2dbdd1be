using System.Security.Claims;
using Complaints.Api.Auth;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Complaints;

/// <summary>The caller's own complaints; anyone else's answer 404, never a hint that they exist.</summary>
public static class MyComplaints
{
    /// <summary>
    /// A page, newest first (the id breaks ties between complaints received in the same instant), as a compiled query, as
    /// the agency queue's page is (<c>CaseQueue.AgencyPage</c>): without it EF builds, funcletizes and looks up the LINQ
    /// tree on every request (bench/README.md, session 6).
    /// </summary>
    private static readonly Func<ComplaintsDbContext, string, DateTimeOffset, Guid, int, IAsyncEnumerable<MyComplaintSummary>> OwnPage =
        EF.CompileAsyncQuery((ComplaintsDbContext db, string subject, DateTimeOffset before, Guid beforeId, int take) =>
            db.Complaints.AsNoTracking()
                .Where(c => c.ComplainantUserId == subject && c.ReceivedAt <= before && (c.ReceivedAt < before || c.Id.CompareTo(beforeId) < 0))
                .OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(take)
                .Select(c => new MyComplaintSummary(c.Id, c.TrackingNumber, c.Status, c.Channel, c.ReceivedAt, c.Respondent.AgencyId, c.ServiceItem.Name)));

    public static async Task<Results<Ok<Page<MyComplaintSummary>>, ProblemHttpResult>> List(
        int? limit, string? cursor, ClaimsPrincipal user, ComplaintsDbContext db, Directory.AgencyNames agencyNames, CancellationToken ct)
    {
        var subject = Caller.From(user).Subject;
        var take = Paging.Clamp(limit);
        // No cursor: everything up to the end of time, so the same statement (and prepared plan) serves the first page.
        var (before, beforeId) = (DateTimeOffset.MaxValue, Guid.Empty);
        if (cursor is not null && !ReceivedCursor.TryParse(cursor, out before, out beforeId))
        {
            return ProblemHandling.Validation("cursor", "分页游标无效。");
        }

        var rows = await OwnPage(db, subject, before.ToUniversalTime(), beforeId, take + 1).ToListAsync(ct);

        var next = rows.Count > take ? Cursor(rows[take - 1]) : null;
        var page = rows.Take(take).ToList();
        var names = await agencyNames.OfAsync(db, page.Select(r => r.RespondentAgencyId), ct);
        return TypedResults.Ok(new Page<MyComplaintSummary>(
            page.Select(r => r with { ReceivedAt = r.ReceivedAt.Cst(), RespondentAgencyName = names.GetValueOrDefault(r.RespondentAgencyId, "") }).ToArray(), next));
    }

    public static async Task<Results<Ok<MyComplaintView>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, ComplaintsDbContext db, IWorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        var complaint = await FindOwnAsync(db, id, user, tracking: false, ct);
        if (complaint is null)
        {
            return NotFound();
        }

        // 第十三条: a merged complainant follows the case theirs went into, up to its result.
        var now = clock.GetUtcNow();
        var view = complaint.ToMyView(calendar, now);
        return TypedResults.Ok(await MergedTarget.FinalAsync(db, complaint, ct) is { } target
            ? view with { MergedInto = MergedIntoView.From(target.ToPublicStatus(calendar, now)) }
            : view);
    }

    public static async Task<Complaint?> FindOwnAsync(ComplaintsDbContext db, Guid id, ClaimsPrincipal user, bool tracking, CancellationToken ct)
    {
        var subject = Caller.From(user).Subject;
        var query = tracking ? db.Complaints : db.Complaints.AsNoTracking();
        return await query.AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id && c.ComplainantUserId == subject, ct);
    }

    public static ProblemHttpResult NotFound() => DomainProblems.ComplaintNotFound();

    private static string Cursor(MyComplaintSummary row) => ReceivedCursor.Format(row.ReceivedAt, row.Id);

}
