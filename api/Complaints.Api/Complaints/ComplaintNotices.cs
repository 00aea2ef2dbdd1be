using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Webhooks;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Complaints;

/// <summary>
/// The notices the regulation owes the complainant (第十一、十三条), the alerts owed to the supervising
/// department and the events agency systems subscribe to, derived from the domain's events of one change
/// (<see cref="Complaints.ComplaintChange"/>) and queued in the outbox within the same unit of work.
/// </summary>
public static class ComplaintNotices
{
    public static async Task AfterEventsAsync(ComplaintsDbContext db, IWorkingDayCalendar calendar, Complaint c, IReadOnlyList<TimelineEntry> events,
        DateTimeOffset now, CancellationToken ct)
    {
        foreach (var e in events)
        {
            await AfterEventAsync(db, calendar, c, e, now, ct);
        }
    }

    private static async Task AfterEventAsync(ComplaintsDbContext db, IWorkingDayCalendar calendar, Complaint c, TimelineEntry e, DateTimeOffset now, CancellationToken ct)
    {
        switch (e.Kind)
        {
            case TimelineEventKind.Received:
                await AgencyEvents.ReceivedAsync(db, c, c.RunningDeadline(calendar)?.Due, now, ct);
                break;
            case TimelineEventKind.Referred:
                await AgencyEvents.ReferredAsync(db, c, c.RunningDeadline(calendar)?.Due, now, ct);
                break;
            case TimelineEventKind.Accepted:
                NotificationOutbox.Enqueue(db, c, NotificationKind.AcceptanceNotice, Payload(
                    (PayloadKeys.Classification, c.Classification is { } k ? WireNames.Of(k) : null),
                    (PayloadKeys.DueDate, c.HandlingDeadline(calendar)?.Due.ToString("yyyy-MM-dd"))), now);
                break;
            case TimelineEventKind.NotAccepted:
                var related = c.RelatedCaseId is { } relatedId
                    ? await db.Complaints.AsNoTracking().Where(x => x.Id == relatedId).Select(x => x.TrackingNumber).FirstOrDefaultAsync(ct)
                    : null;
                NotificationOutbox.Enqueue(db, c, NotificationKind.NonAcceptanceNotice, Payload(
                    (PayloadKeys.Reason, c.NotAcceptedReason is { } reason ? WireNames.Of(reason) : null),
                    (PayloadKeys.RelatedTrackingNumber, related),
                    (PayloadKeys.Explanation, c.NotAcceptedExplanation)), now);
                break;
            case TimelineEventKind.Extended:
                NotificationOutbox.Enqueue(db, c, NotificationKind.ExtensionNotice, Payload(
                    (PayloadKeys.Reason, c.ExtensionReason),
                    (PayloadKeys.DueDate, c.HandlingDeadline(calendar)?.Due.ToString("yyyy-MM-dd"))), now);
                break;
            case TimelineEventKind.Concluded:
                // Every merged complainant is owed the feedback too (第十三条).
                NotificationOutbox.Enqueue(db, c, NotificationKind.ConclusionFeedback, Payload(
                    (PayloadKeys.Finding, c.Finding is { } finding ? WireNames.Of(finding) : null),
                    (PayloadKeys.Result, c.Result),
                    (PayloadKeys.Measures, c.Measures)), now);
                break;
            case TimelineEventKind.Merged:
                await MergedAsync(db, calendar, c, now, ct);
                break;
            case TimelineEventKind.RectificationOrdered:
                var rectifyBy = c.Rectifications.Count == 0 ? null : c.Rectifications[^1].DueDate.ToString("yyyy-MM-dd");
                NotificationOutbox.Enqueue(db, c, NotificationKind.RectificationOrdered, Payload((PayloadKeys.DueDate, rectifyBy)), now);
                await AgencyEvents.RaiseAsync(db, Party.HandlingAgency(c), NotificationKind.RectificationOrdered, c,
                    new Dictionary<string, string?> { ["dueDate"] = rectifyBy }, now, ct);
                break;
            case TimelineEventKind.Revisited when c.Revisits.Count > 0:
                await AgencyEvents.RatedAsync(db, c, c.Revisits[^1].Rating, "revisit", now, ct);
                break;
            case TimelineEventKind.Rated when c.ComplainantRating is { } rating:
                await AgencyEvents.RatedAsync(db, c, rating, "complainant", now, ct);
                break;
            case TimelineEventKind.Withdrawn:
                NotificationOutbox.EnqueueFor(db, c, c.ComplainantsToNotify[0], NotificationKind.WithdrawalConfirmation, new Dictionary<string, string>(), now);
                break;
            case TimelineEventKind.MaterialsAdded:
                var to = c.Status == ComplaintStatus.PendingReferral ? Party.SupervisingDepartment(db, c) : Party.HandlingAgency(c);
                await AgencyEvents.RaiseAsync(db, to, NotificationKind.MaterialsAdded, c,
                    new Dictionary<string, string?> { ["evidenceCount"] = e.Details.GetValueOrDefault("count") }, now, ct);
                break;
            case TimelineEventKind.OverdueFlagged when c.RunningDeadline(calendar) is { } deadline:
                Overdue(db, c, deadline, now);
                await AgencyEvents.RaiseAsync(db, AgencyReminders.PartyFor(db, c, deadline), NotificationKind.DeadlinePassed, c,
                    new Dictionary<string, string?> { ["deadline"] = WireNames.Of(deadline.Kind), ["dueDate"] = deadline.Due.ToString("yyyy-MM-dd") }, now, ct);
                break;
        }
    }

    /// <summary>第十一、十三条: each complainant merged in is told into which case, and gets its acceptance notice if it has one; both agencies' systems hear of it.</summary>
    private static async Task MergedAsync(ComplaintsDbContext db, IWorkingDayCalendar calendar, Complaint c, DateTimeOffset now, CancellationToken ct)
    {
        var into = db.Complaints.Local.FirstOrDefault(x => x.Id == c.MergedIntoCaseId);
        if (into is not null)
        {
            var merged = c.ComplainantsToNotify.Select(m => m.CaseId).ToHashSet();
            foreach (var recipient in into.ComplainantsToNotify.Where(m => merged.Contains(m.CaseId)))
            {
                NotificationOutbox.EnqueueFor(db, into, recipient, NotificationKind.MergeNotice, Payload(), now);
                if (into.AcceptedAt is not null)
                {
                    NotificationOutbox.EnqueueFor(db, into, recipient, NotificationKind.AcceptanceNotice, Payload(
                        (PayloadKeys.Classification, into.Classification is { } intoClass ? WireNames.Of(intoClass) : null),
                        (PayloadKeys.DueDate, into.HandlingDeadline(calendar)?.Due.ToString("yyyy-MM-dd"))), now);
                }
            }
        }

        var data = new Dictionary<string, string?> { ["intoCaseId"] = c.MergedIntoCaseId?.ToString(), ["intoTrackingNumber"] = c.MergedIntoTrackingNumber };
        var handling = Party.HandlingAgency(c);
        await AgencyEvents.RaiseAsync(db, handling, NotificationKind.CaseMerged, c, data, now, ct);
        if (into is not null && Party.HandlingAgency(into) != handling)
        {
            await AgencyEvents.RaiseAsync(db, Party.HandlingAgency(into), NotificationKind.CaseMerged, c, data, now, ct);
        }
    }

    /// <summary>The supervising management department hears of a missed deadline (第五条 督促).</summary>
    public static void Overdue(ComplaintsDbContext db, Complaint complaint, Deadline deadline, DateTimeOffset now)
    {
        var region = complaint.ReceivingRegionCode ?? db.Entry(complaint).Property<string>(ComplaintConfiguration.RegionCode).CurrentValue;
        NotificationOutbox.EnqueueForDepartment(db, complaint.Id, complaint.TrackingNumber, region, NotificationKind.OverdueAlert, Payload(
            (PayloadKeys.Deadline, WireNames.Of(deadline.Kind)),
            (PayloadKeys.DueDate, deadline.Due.ToString("yyyy-MM-dd"))), now);
    }

    private static Dictionary<string, string> Payload(params (string Key, string? Value)[] entries) =>
        entries.Where(e => !string.IsNullOrWhiteSpace(e.Value)).ToDictionary(e => e.Key, e => e.Value!);
}
