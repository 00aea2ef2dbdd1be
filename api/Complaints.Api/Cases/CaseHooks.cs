using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Webhooks;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Cases;

/// <summary>
/// The notices the regulation owes the complainant (第十一、十三条) and the alerts owed to the supervising
/// department, queued in the outbox within the same unit of work as the change they announce.
/// </summary>
public static class CaseHooks
{
    public static async Task AfterActionAsync(CaseRequest r, Complaint c, string action, CancellationToken ct)
    {
        var now = r.Clock.GetUtcNow();
        switch (action)
        {
            case "case.accepted":
                NotificationOutbox.Enqueue(r.Db, c, NotificationKind.AcceptanceNotice, Payload(
                    (PayloadKeys.Classification, c.Classification is { } k ? WireNames.Of(k) : null),
                    (PayloadKeys.DueDate, c.HandlingDeadline(r.Calendar)?.Due.ToString("yyyy-MM-dd"))), now);
                break;
            case "case.rejected":
                var related = c.RelatedCaseId is { } relatedId
                    ? await r.Db.Complaints.AsNoTracking().Where(x => x.Id == relatedId).Select(x => x.TrackingNumber).FirstOrDefaultAsync(ct)
                    : null;
                NotificationOutbox.Enqueue(r.Db, c, NotificationKind.NonAcceptanceNotice, Payload(
                    (PayloadKeys.Reason, c.NotAcceptedReason is { } reason ? WireNames.Of(reason) : null),
                    (PayloadKeys.RelatedTrackingNumber, related),
                    (PayloadKeys.Explanation, c.NotAcceptedExplanation)), now);
                break;
            case "case.extended":
                NotificationOutbox.Enqueue(r.Db, c, NotificationKind.ExtensionNotice, Payload(
                    (PayloadKeys.Reason, c.ExtensionReason),
                    (PayloadKeys.DueDate, c.HandlingDeadline(r.Calendar)?.Due.ToString("yyyy-MM-dd"))), now);
                break;
            case "case.concluded":
                // Every merged complainant is owed the feedback too (第十三条).
                NotificationOutbox.Enqueue(r.Db, c, NotificationKind.ConclusionFeedback, Payload(
                    (PayloadKeys.Finding, c.Finding is { } finding ? WireNames.Of(finding) : null),
                    (PayloadKeys.Result, c.Result),
                    (PayloadKeys.Measures, c.Measures)), now);
                break;
            case "case.rectification_ordered":
                var rectifyBy = c.Rectifications.Count == 0 ? null : c.Rectifications[^1].DueDate.ToString("yyyy-MM-dd");
                NotificationOutbox.Enqueue(r.Db, c, NotificationKind.RectificationOrdered, Payload((PayloadKeys.DueDate, rectifyBy)), now);
                await AgencyEvents.RaiseAsync(r.Db, Party.HandlingAgency(c), NotificationKind.RectificationOrdered, c,
                    new Dictionary<string, string?> { ["dueDate"] = rectifyBy }, now, ct);
                break;
        }

        await AfterActionForAgencySystemsAsync(r, c, action, now, ct);
    }

    /// <summary>The events agency and department systems subscribe to (Webhooks/AgencyEventTypes), in the same unit of work.</summary>
    private static async Task AfterActionForAgencySystemsAsync(CaseRequest r, Complaint c, string action, DateTimeOffset now, CancellationToken ct)
    {
        switch (action)
        {
            case "case.referred":
                await AgencyEvents.ReferredAsync(r.Db, c, c.RunningDeadline(r.Calendar)?.Due, now, ct);
                break;
            case "case.merged":
                var merged = new Dictionary<string, string?> { ["intoCaseId"] = c.MergedIntoCaseId?.ToString(), ["intoTrackingNumber"] = c.MergedIntoTrackingNumber };
                var handling = Party.HandlingAgency(c);
                await AgencyEvents.RaiseAsync(r.Db, handling, NotificationKind.CaseMerged, c, merged, now, ct);
                if (r.Db.Complaints.Local.FirstOrDefault(x => x.Id == c.MergedIntoCaseId) is { } into && Party.HandlingAgency(into) != handling)
                {
                    await AgencyEvents.RaiseAsync(r.Db, Party.HandlingAgency(into), NotificationKind.CaseMerged, c, merged, now, ct);
                }

                break;
            case "case.revisited" when c.Revisits.Count > 0:
                await AgencyEvents.RatedAsync(r.Db, c, c.Revisits[^1].Rating, "revisit", now, ct);
                break;
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
