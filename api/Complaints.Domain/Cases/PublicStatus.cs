using Complaints.Domain.Calendar;

namespace Complaints.Domain.Cases;

public sealed record PublicTimelineEntry(DateTimeOffset At, TimelineEventKind Event);

/// <summary>
/// What anyone holding the tracking number and query code sees (api.md <c>lookup</c>): no personal
/// data, no staff, no agency-internal steps.
/// </summary>
public sealed record PublicStatus(
    string TrackingNumber,
    ComplaintStatus Status,
    Classification? Classification,
    CaseDeadlines Deadlines,
    IReadOnlyList<PublicTimelineEntry> Timeline,
    Finding? Finding,
    string? Result,
    string? MergedIntoTrackingNumber)
{
    /// <summary>
    /// Events the complainant is told about. Coordination, rectification, major-complaint reports and
    /// overdue flags are supervision inside government [decision] and stay off the public record.
    /// </summary>
    public static IReadOnlySet<TimelineEventKind> PublicEvents { get; } = new HashSet<TimelineEventKind>
    {
        TimelineEventKind.Received,
        TimelineEventKind.Referred,
        TimelineEventKind.Accepted,
        TimelineEventKind.NotAccepted,
        TimelineEventKind.Extended,
        TimelineEventKind.InvestigationRecorded,
        TimelineEventKind.Concluded,
        TimelineEventKind.Merged,
        TimelineEventKind.MergedInto,
        TimelineEventKind.Withdrawn,
        TimelineEventKind.Rated,
        TimelineEventKind.Revisited,
        TimelineEventKind.MaterialsAdded,
        TimelineEventKind.NoticeDelivered,
    };

    public static IReadOnlyList<PublicTimelineEntry> TimelineOf(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Timeline
            .Where(e => PublicEvents.Contains(e.Kind))
            .Select(e => new PublicTimelineEntry(e.At, e.Kind))
            .ToList();
    }

    public static PublicStatus From(Complaint complaint, IWorkingDayCalendar calendar, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return new PublicStatus(
            complaint.TrackingNumber,
            complaint.Status,
            complaint.Classification,
            complaint.Deadlines(calendar, at),
            TimelineOf(complaint),
            complaint.Finding,
            complaint.Result,
            complaint.MergedIntoTrackingNumber);
    }
}
