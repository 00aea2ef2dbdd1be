using Complaints.Api.Complaints;
using Complaints.Api.Directory;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Cases;

/// <summary>api.md <c>GET /api/v1/cases</c>: the caller's queue, newest first, keyset-paginated.</summary>
public static class CaseQueue
{
    /// <summary>The query, with the names and (for <c>status</c> and <c>classification</c>) the enum values the JSON uses.</summary>
    public sealed record Filters(
        [FromQuery(Name = "status")] string? Status,
        [FromQuery(Name = "overdue")] bool? Overdue,
        [FromQuery(Name = "dueSoon")] bool? DueSoon,
        [FromQuery(Name = "dueBefore")] DateOnly? DueBefore,
        [FromQuery(Name = "classification")] string? Classification,
        [FromQuery(Name = "agency")] Guid? Agency,
        [FromQuery(Name = "limit")] int? Limit,
        [FromQuery(Name = "cursor")] string? Cursor,
        [FromQuery(Name = "q")] string? Q = null);

    /// <summary>
    /// What a queue item shows and filters on, whichever table serves the caller: an agency's queue rows
    /// (<see cref="AgencyQueueRow"/>) or a management department's cases. Filters, cursor and order are written once, against this.
    /// </summary>
    private sealed class QueueColumns
    {
        public Guid Id { get; init; }
        public required string TrackingNumber { get; init; }
        public ComplaintStatus Status { get; init; }
        public Channel Channel { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public Guid RespondentAgencyId { get; init; }
        public Guid? AssignedAgencyId { get; init; }
        public Guid? LeadAgencyId { get; init; }
        public required string ServiceItem { get; init; }
        public Classification? Classification { get; init; }
        public bool Confidential { get; init; }
        public DateOnly? RunningDueDate { get; init; }
        public DateTimeOffset? RunningDueAt { get; init; }
    }

    /// <summary>
    /// The hot shape, an agency's unfiltered page, as a compiled query: the SQL of the general path below, without
    /// building, funcletizing and looking up its LINQ tree on every request (a sixth of the service's CPU per page).
    /// </summary>
    private static readonly Func<ComplaintsDbContext, Guid, DateTimeOffset, Guid, int, DateTimeOffset, IAsyncEnumerable<CaseQueueItem>> AgencyPage =
        EF.CompileAsyncQuery((ComplaintsDbContext db, Guid agency, DateTimeOffset before, Guid beforeId, int take, DateTimeOffset now) =>
            db.AgencyQueue
                .Where(q => q.AgencyId == agency && q.ReceivedAt <= before && (q.ReceivedAt < before || q.ComplaintId.CompareTo(beforeId) < 0))
                .OrderByDescending(q => q.ReceivedAt).ThenByDescending(q => q.ComplaintId).Take(take)
                .Select(q => new CaseQueueItem(q.ComplaintId, q.TrackingNumber, q.Status, q.Channel, q.ReceivedAt.Cst(), q.RespondentAgencyId,
                    q.LeadAgencyId ?? q.AssignedAgencyId, q.ServiceItemName, q.Classification, q.Confidential, q.RunningDueDate, q.RunningDueAt <= now)));

    public static async Task<Results<Ok<Page<CaseQueueItem>>, ProblemHttpResult>> List([AsParameters] Filters f, [AsParameters] CaseRequest r, AgencyNames agencyNames, CancellationToken ct)
    {
        if (f.Q is not null)
        {
            return await Insight.CaseSearch.List(f, r, ct); // full-text search, ranked (#18)
        }

        var now = r.Clock.GetUtcNow();
        var take = Paging.Clamp(f.Limit);
        var at = default(DateTimeOffset);
        var after = default(Guid);
        if (f.Cursor is not null && !ReceivedCursor.TryParse(f.Cursor, out at, out after))
        {
            return ProblemHandling.Validation("cursor", "分页游标无效。");
        }

        if (!TryReadWireName(f.Status, out ComplaintStatus? status))
        {
            return ProblemHandling.Validation("status", $"未知的案件状态“{f.Status}”。");
        }

        if (!TryReadWireName(f.Classification, out Classification? classification))
        {
            return ProblemHandling.Validation("classification", $"未知的受理分类“{f.Classification}”(onsite 或 offsite)。");
        }

        if (r.Caller is { IsAgency: true, AgencyId: { } agencyId } && f is { Status: null, Classification: null, Agency: null, Overdue: null, DueSoon: not true, DueBefore: null })
        {
            // No cursor: everything up to the end of time, so the same statement (and prepared plan) serves the first page.
            var (before, beforeId) = f.Cursor is null ? (DateTimeOffset.MaxValue, Guid.Empty) : (at, after);
            var items = await AgencyPage(r.Db, agencyId, before.ToUniversalTime(), beforeId, take + 1, now).ToListAsync(ct);

            return await PageOfAsync(r.Db, agencyNames, items, take, ct);
        }

        var query = Source(r.Db, r.Caller);
        if (status is { } statusValue)
        {
            query = query.Where(q => q.Status == statusValue);
        }

        if (classification is { } classificationValue)
        {
            query = query.Where(q => q.Classification == classificationValue);
        }

        if (f.Agency is { } agency)
        {
            query = query.Where(q => q.AssignedAgencyId == agency || q.LeadAgencyId == agency || q.RespondentAgencyId == agency);
        }

        if (f.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(q => q.RunningDueAt <= now)
                : query.Where(q => q.RunningDueAt == null || q.RunningDueAt > now);
        }

        if (f.DueSoon == true)
        {
            // Due within one working day: by the end of the next working day, and not yet overdue.
            var limit = WorkingDays.Add(r.Calendar, ChinaTime.DateOf(now), 1);
            query = query.Where(q => q.RunningDueDate <= limit && q.RunningDueAt > now);
        }

        if (f.DueBefore is { } dueBefore)
        {
            query = query.Where(q => q.RunningDueDate <= dueBefore);
        }

        if (f.Cursor is not null)
        {
            // Older than the cursor's row; the first conjunct lets the index range start at the cursor.
            query = query.Where(q => q.ReceivedAt <= at && (q.ReceivedAt < at || q.Id.CompareTo(after) < 0));
        }

        var rows = await query.OrderByDescending(q => q.ReceivedAt).ThenByDescending(q => q.Id).Take(take + 1)
            .Select(q => new CaseQueueItem(q.Id, q.TrackingNumber, q.Status, q.Channel, q.ReceivedAt.Cst(), q.RespondentAgencyId,
                q.LeadAgencyId ?? q.AssignedAgencyId, q.ServiceItem, q.Classification, q.Confidential, q.RunningDueDate, q.RunningDueAt <= now))
            .ToListAsync(ct);
        return await PageOfAsync(r.Db, agencyNames, rows, take, ct);
    }

    /// <summary>An enum filter given by its wire name: absent reads as null; false when the text names no member.</summary>
    private static bool TryReadWireName<TEnum>(string? text, out TEnum? value)
        where TEnum : struct, Enum
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (!WireNames.TryParse<TEnum>(text, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>The page, with the agencies' names (remembered by <see cref="AgencyNames"/>) so a front end need not page the directory.</summary>
    private static async Task<Ok<Page<CaseQueueItem>>> PageOfAsync(ComplaintsDbContext db, AgencyNames agencyNames, List<CaseQueueItem> rows, int take, CancellationToken ct)
    {
        var next = rows.Count > take ? ReceivedCursor.Format(rows[take - 1].ReceivedAt, rows[take - 1].Id) : null;
        if (rows.Count > take)
        {
            rows.RemoveRange(take, rows.Count - take);
        }

        var names = await agencyNames.OfAsync(db, rows.Select(x => x.RespondentAgencyId).Concat(rows.Select(x => x.HandlingAgencyId ?? x.RespondentAgencyId)), ct);
        // The rows were read for this request alone (in China time, by the query's projection): named in place, not copied.
        foreach (var x in rows)
        {
            x.RespondentAgencyName = names.GetValueOrDefault(x.RespondentAgencyId, "");
            x.HandlingAgencyName = x.HandlingAgencyId is { } handling ? names.GetValueOrDefault(handling) : null;
        }

        return TypedResults.Ok(new Page<CaseQueueItem>(rows, next));
    }

    /// <summary>An agency reads its queue rows (one index range per page); a management department its cases by region.</summary>
    private static IQueryable<QueueColumns> Source(ComplaintsDbContext db, Auth.Caller caller) =>
        CaseVisibility.AgencyQueue(db, caller) is { } rows
            ? rows.Select(q => new QueueColumns
            {
                Id = q.ComplaintId, TrackingNumber = q.TrackingNumber, Status = q.Status, Channel = q.Channel, ReceivedAt = q.ReceivedAt,
                RespondentAgencyId = q.RespondentAgencyId, AssignedAgencyId = q.AssignedAgencyId, LeadAgencyId = q.LeadAgencyId,
                ServiceItem = q.ServiceItemName, Classification = q.Classification, Confidential = q.Confidential,
                RunningDueDate = q.RunningDueDate, RunningDueAt = q.RunningDueAt,
            })
            : db.Complaints.AsNoTracking().VisibleTo(db, caller).Select(c => new QueueColumns
            {
                Id = c.Id, TrackingNumber = c.TrackingNumber, Status = c.Status, Channel = c.Channel, ReceivedAt = c.ReceivedAt,
                RespondentAgencyId = c.Respondent.AgencyId, AssignedAgencyId = c.AssignedAgencyId, LeadAgencyId = c.LeadAgencyId,
                ServiceItem = c.ServiceItem.Name, Classification = c.Classification, Confidential = c.Confidential,
                RunningDueDate = EF.Property<DateOnly?>(c, ComplaintConfiguration.RunningDueDate),
                RunningDueAt = EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt),
            });
}
