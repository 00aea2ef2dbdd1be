using Complaints.Api.Complaints;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Cases;

/// <summary>api.md <c>GET /api/v1/cases</c>: the caller's queue, newest first, keyset-paginated.</summary>
public static class CaseQueue
{
    public sealed record Filters(CaseStatus? Status, bool? Overdue, bool? DueSoon, DateOnly? DueBefore, Classification? Classification, Guid? Agency, int? Limit, string? Cursor);

    /// <summary>
    /// The hot shape, an agency's unfiltered queue page, as a compiled query: the same SQL as the general path
    /// below (CaseVisibility.AgencyQueue), without building, funcletizing and looking up the LINQ tree per request.
    /// </summary>
    private static readonly Func<ComplaintsDbContext, Guid, DateTimeOffset, Guid, int, DateTimeOffset, IAsyncEnumerable<CaseQueueItem>> AgencyPage =
        EF.CompileAsyncQuery((ComplaintsDbContext db, Guid agency, DateTimeOffset before, Guid beforeId, int take, DateTimeOffset now) =>
            db.CaseAgencyLinks
                .Where(l => l.AgencyId == agency && l.ReceivedAt <= before && (l.ReceivedAt < before || l.ComplaintId.CompareTo(beforeId) < 0))
                .Join(db.Complaints, l => l.ComplaintId, c => c.Id, (l, c) => new { l.ReceivedAt, l.ComplaintId, Case = c })
                .OrderByDescending(x => x.ReceivedAt).ThenByDescending(x => x.ComplaintId)
                .Take(take)
                .Select(x => new CaseQueueItem(x.Case.Id, x.Case.TrackingNumber, x.Case.Status, x.Case.Channel, x.Case.ReceivedAt, x.Case.Respondent.AgencyId,
                    x.Case.LeadAgencyId ?? x.Case.AssignedAgencyId, x.Case.ServiceItem.Name, x.Case.Classification, x.Case.Confidential,
                    EF.Property<DateOnly?>(x.Case, ComplaintConfiguration.RunningDueDate),
                    EF.Property<DateTimeOffset?>(x.Case, ComplaintConfiguration.RunningDueAt) <= now)));

    public static async Task<Results<Ok<Page<CaseQueueItem>>, ProblemHttpResult>> List([AsParameters] Filters f, [AsParameters] CaseRequest r, CancellationToken ct)
    {
        var now = r.Clock.GetUtcNow();
        var take = Paging.Clamp(f.Limit);
        var at = default(DateTimeOffset);
        var after = default(Guid);
        if (f.Cursor is not null && !ReceivedCursor.TryParse(f.Cursor, out at, out after))
        {
            return ProblemHandling.Validation("cursor", "分页游标无效。");
        }

        var caller = r.Caller;
        if (caller.IsAgency && caller.AgencyId is { } agencyId && f is { Status: null, Classification: null, Agency: null, Overdue: null, DueSoon: not true, DueBefore: null })
        {
            // No cursor: everything up to the end of time, so the same statement (and prepared plan) serves the first page.
            var (before, beforeId) = f.Cursor is null ? (DateTimeOffset.MaxValue, Guid.Empty) : (at, after);
            var items = new List<CaseQueueItem>(take + 1);
            await foreach (var item in AgencyPage(r.Db, agencyId, before.ToUniversalTime(), beforeId, take + 1, now).WithCancellation(ct))
            {
                items.Add(item);
            }

            return PageOf(items, take);
        }

        IQueryable<Complaint> Filtered(IQueryable<Complaint> query)
        {
            if (f.Status is { } status)
            {
                query = query.Where(c => c.Status == status);
            }

            if (f.Classification is { } classification)
            {
                query = query.Where(c => c.Classification == classification);
            }

            if (f.Agency is { } agency)
            {
                query = query.Where(c => c.AssignedAgencyId == agency || c.LeadAgencyId == agency || c.Respondent.AgencyId == agency);
            }

            if (f.Overdue is { } overdue)
            {
                query = overdue
                    ? query.Where(c => EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt) <= now)
                    : query.Where(c => EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt) == null || EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt) > now);
            }

            if (f.DueSoon == true)
            {
                // Due within one working day: by the end of the next working day, and not yet overdue.
                var limit = WorkingDays.Add(r.Calendar, ChinaTime.DateOf(now), 1);
                query = query.Where(c => EF.Property<DateOnly?>(c, ComplaintConfiguration.RunningDueDate) <= limit
                    && EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt) > now);
            }

            if (f.DueBefore is { } dueBefore)
            {
                query = query.Where(c => EF.Property<DateOnly?>(c, ComplaintConfiguration.RunningDueDate) <= dueBefore);
            }

            return query;
        }

        IQueryable<Complaint> page;
        if (CaseVisibility.AgencyQueue(r.Db, Filtered(r.Db.Complaints), r.Caller, f.Cursor is null ? null : at, after) is { } agencyQueue)
        {
            page = agencyQueue;
        }
        else
        {
            page = Filtered(r.Db.Complaints.VisibleTo(r.Caller));
            if (f.Cursor is not null)
            {
                // Older than the cursor's row; the first conjunct lets the index range start at the cursor.
                page = page.Where(c => c.ReceivedAt <= at && (c.ReceivedAt < at || c.Id.CompareTo(after) < 0));
            }

            page = page.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id);
        }

        var rows = await page.AsNoTracking().Take(take + 1)
            .Select(c => new CaseQueueItem(c.Id, c.TrackingNumber, c.Status, c.Channel, c.ReceivedAt, c.Respondent.AgencyId,
                c.LeadAgencyId ?? c.AssignedAgencyId, c.ServiceItem.Name, c.Classification, c.Confidential,
                EF.Property<DateOnly?>(c, ComplaintConfiguration.RunningDueDate),
                EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt) <= now))
            .ToListAsync(ct);
        return PageOf(rows, take);
    }

    private static Ok<Page<CaseQueueItem>> PageOf(List<CaseQueueItem> rows, int take)
    {
        var next = rows.Count > take ? ReceivedCursor.Format(rows[take - 1].ReceivedAt, rows[take - 1].Id) : null;
        return TypedResults.Ok(new Page<CaseQueueItem>(rows.Take(take).Select(x => x with { ReceivedAt = x.ReceivedAt.Cst() }).ToArray(), next));
    }

}
