using System.Globalization;
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

    public static async Task<Results<Ok<Page<CaseQueueItem>>, ProblemHttpResult>> List([AsParameters] Filters f, [AsParameters] CaseRequest r, CancellationToken ct)
    {
        var now = r.Clock.GetUtcNow();
        var take = Paging.Clamp(f.Limit);
        var at = default(DateTimeOffset);
        var after = default(Guid);
        if (f.Cursor is not null && !TryParseCursor(f.Cursor, out at, out after))
        {
            return ProblemHandling.Validation("cursor", "分页游标无效。");
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
        var next = rows.Count > take ? $"{rows[take - 1].ReceivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{rows[take - 1].Id:N}" : null;
        return TypedResults.Ok(new Page<CaseQueueItem>(rows.Take(take).Select(x => x with { ReceivedAt = x.ReceivedAt.Cst() }).ToArray(), next));
    }

    private static bool TryParseCursor(string cursor, out DateTimeOffset at, out Guid id)
    {
        var parts = cursor.Split('_');
        at = default;
        id = default;
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out id))
        {
            return false;
        }

        at = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
