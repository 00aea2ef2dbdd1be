using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;

namespace Complaints.Api.Complaints;

/// <summary>
/// The one path of a change to a complaint (docs/architecture.md): the caller loads the case it
/// may see and honours <c>If-Match</c>, <see cref="Begin"/>s the change, makes one domain call, then
/// <see cref="StageAsync"/> derives the audit lines and the notices from the events that call appended to
/// the timeline, whatever the view records (an officer's read of personal data) is recorded next, and
/// <see cref="ComplaintStore.TrySaveStagedAsync"/> saves all of it in one transaction.
/// Audit lines and notices are never chosen by the handler: a new writer gets them by appending an event.
/// </summary>
public sealed class ComplaintChange
{
    private readonly int _mark;
    private readonly bool _new;

    private ComplaintChange(Complaint complaint, bool isNew)
    {
        Complaint = complaint;
        _new = isNew;
        _mark = isNew || complaint.Timeline.Count == 0 ? 0 : complaint.Timeline[^1].Sequence;
    }

    public Complaint Complaint { get; }

    /// <summary>The domain's events of this change: the timeline entries appended since <see cref="Begin"/>.</summary>
    public IReadOnlyList<TimelineEntry> Events => Complaint.Timeline.Where(e => e.Sequence > _mark).ToList();

    public static ComplaintChange Begin(Complaint complaint) => new(complaint, isNew: false);

    /// <summary>A complaint just received (<c>Complaint.Receive</c>): its <c>Received</c> event is this change's, and its stored columns are already set.</summary>
    public static ComplaintChange Received(Complaint complaint) => new(complaint, isNew: true);

    /// <summary>
    /// One audit line per event (its action named by <see cref="AuditActions.Of"/>, its details the event's non-personal
    /// facts), the notices and agency events the events call for, and the stored columns refreshed with the version bumped.
    /// </summary>
    public async Task StageAsync(ComplaintsDbContext db, AuditTrail audit, IWorkingDayCalendar calendar, Caller caller, DateTimeOffset now,
        CancellationToken ct, string? context = null)
    {
        var events = Events;
        foreach (var e in events)
        {
            var facts = e.Details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}");
            var details = string.Join(';', facts.Prepend($"status={WireNames.Of(Complaint.Status)}").Concat(context is null ? [] : [context]));
            audit.Record(caller, AuditActions.Of(e.Kind), Complaint.Id, details);
        }

        await ComplaintNotices.AfterEventsAsync(db, calendar, Complaint, events, now, ct);
        if (!_new)
        {
            ComplaintStore.Stage(db, Complaint, calendar);
        }

        ComplaintWriteGuard.MarkStaged(Complaint);
    }
}

/// <summary>The audit action of each domain event: stable strings, read by auditors and tests.</summary>
public static class AuditActions
{
    public static string Of(TimelineEventKind kind) => kind switch
    {
        TimelineEventKind.Received => "case.received",
        TimelineEventKind.Withdrawn => "case.withdrawn",
        TimelineEventKind.Rated => "case.rated",
        TimelineEventKind.MaterialsAdded => "case.materials_added",
        TimelineEventKind.Referred => "case.referred",
        TimelineEventKind.Accepted => "case.accepted",
        TimelineEventKind.NotAccepted => "case.not_accepted",
        TimelineEventKind.Extended => "case.extended",
        TimelineEventKind.InvestigationRecorded => "case.investigation_recorded",
        TimelineEventKind.Concluded => "case.concluded",
        TimelineEventKind.Merged => "case.merged",
        TimelineEventKind.MergedInto => "case.merged_into",
        TimelineEventKind.Coordinated => "case.coordinated",
        TimelineEventKind.Revisited => "case.revisited",
        TimelineEventKind.RectificationOrdered => "case.rectification_ordered",
        TimelineEventKind.RectificationCompleted => "case.rectification_completed",
        TimelineEventKind.RectificationVerified or TimelineEventKind.RectificationSentBack => "case.rectification_verified",
        TimelineEventKind.MajorReported => "case.major_reported",
        TimelineEventKind.OverdueFlagged => "case.overdue_flagged",
        TimelineEventKind.NoticeDelivered => "case.notice_delivered",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "an event without an audit action"),
    };
}
