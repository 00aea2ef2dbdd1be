using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;

namespace Complaints.Api.Complaints;

/// <summary>api.md "deadlines": dates per the working-day rules (China Standard Time).</summary>
public sealed record DeadlinesView(DateOnly? ReferralDue, DateOnly? AcceptanceDue, DateOnly? HandlingDue, bool Extended, bool Provisional, bool Overdue)
{
    public static DeadlinesView From(CaseDeadlines d) => new(d.ReferralDue, d.AcceptanceDue, d.HandlingDue, d.Extended, d.Provisional, d.Overdue);
}

public sealed record TimelineItemView(DateTimeOffset At, TimelineEventKind Event);

public sealed record ResultView(Finding Finding, bool InvalidComplaint, string Result, string? Measures, DateTimeOffset ConcludedAt);

public sealed record SubmittedComplaintView(Guid Id, string TrackingNumber, string QueryCode, ComplaintStatus Status, DateTimeOffset ReceivedAt, DeadlinesView Deadlines);

/// <summary>
/// 第十三条: the case a merged complaint went into, as its complainant follows it: its tracking number, status,
/// deadlines and, once concluded, its result — the result this complainant is given.
/// </summary>
public sealed record MergedIntoView(string TrackingNumber, ComplaintStatus Status, Classification? Classification, DeadlinesView Deadlines, ResultView? Result)
{
    public static MergedIntoView From(PublicStatusView target) => new(target.TrackingNumber, target.Status, target.Classification, target.Deadlines, target.Result);
}

/// <summary>What anyone holding the tracking number and query code may see: no personal data (api.md). <c>mergedInto</c> only for a merged complaint.</summary>
public sealed record PublicStatusView(
    string TrackingNumber,
    ComplaintStatus Status,
    Classification? Classification,
    DeadlinesView Deadlines,
    IReadOnlyList<TimelineItemView> Timeline,
    ResultView? Result,
    MergedIntoView? MergedInto = null);

public sealed record MyComplaintSummary(
    Guid Id,
    string TrackingNumber,
    ComplaintStatus Status,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    Guid RespondentAgencyId,
    string ServiceItem,
    string RespondentAgencyName = "");

public sealed record MyComplaintView(
    Guid Id,
    string TrackingNumber,
    ComplaintStatus Status,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    Guid RespondentAgencyId,
    string? RespondentStaffName,
    string? RespondentWindowNumber,
    string ServiceItem,
    string Request,
    string Facts,
    bool Confidential,
    Classification? Classification,
    DeadlinesView Deadlines,
    IReadOnlyList<TimelineItemView> Timeline,
    ResultView? Result,
    SatisfactionRating? Rating,
    IReadOnlyList<Guid> EvidenceIds,
    MergedIntoView? MergedInto = null);

public static class ComplaintViewMapping
{
    public static DateTimeOffset Cst(this DateTimeOffset instant) => ChinaTime.ToChina(instant);

    public static ResultView? ResultOf(Complaint c) =>
        c is { Finding: { } finding, Result: { } result, ConcludedAt: { } at } ? new ResultView(finding, c.IsInvalidComplaint, result, c.Measures, at.Cst()) : null;

    public static IReadOnlyList<TimelineItemView> PublicTimeline(Complaint c) =>
        PublicStatus.TimelineOf(c).Select(e => new TimelineItemView(e.At.Cst(), e.Event)).ToArray();

    public static PublicStatusView ToPublicStatus(this Complaint c, IWorkingDayCalendar calendar, DateTimeOffset now) =>
        new(c.TrackingNumber, c.Status, c.Classification, DeadlinesView.From(c.Deadlines(calendar, now)), PublicTimeline(c), ResultOf(c));

    public static MyComplaintView ToMyView(this Complaint c, IWorkingDayCalendar calendar, DateTimeOffset now) => new(
        c.Id, c.TrackingNumber, c.Status, c.Channel, c.ReceivedAt.Cst(), c.Respondent.AgencyId, c.Respondent.StaffName, c.Respondent.WindowNumber,
        c.ServiceItem.Name, c.Request, c.Facts, c.Confidential, c.Classification, DeadlinesView.From(c.Deadlines(calendar, now)),
        PublicTimeline(c), ResultOf(c), c.ComplainantRating, c.EvidenceIds);
}
