using Complaints.Api.Complaints;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;

namespace Complaints.Api.Cases;

public sealed record CaseQueueItem(
    Guid Id,
    string TrackingNumber,
    ComplaintStatus Status,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    Guid RespondentAgencyId,
    Guid? HandlingAgencyId,
    string ServiceItem,
    Classification? Classification,
    bool Confidential,
    DateOnly? DueDate,
    bool Overdue,
    string RespondentAgencyName = "",
    string? HandlingAgencyName = null)
{
    // Settable so that a page just read gets the agencies' names in place (CaseQueue.PageOfAsync) instead of a copy of
    // every item: a queue page's items were a tenth of what its request allocated. Declared last, as before, so the
    // JSON keeps its order.
    public string RespondentAgencyName { get; set; } = RespondentAgencyName;

    public string? HandlingAgencyName { get; set; } = HandlingAgencyName;
}

/// <summary>
/// The complainant as staff see them: masked by default; in full only for named officers on
/// non-confidential cases; for confidential cases nobody but officers sees any of it (第九条).
/// </summary>
public sealed record ComplainantView(ComplainantType Type, string Name, IdType? IdType, string? IdNumber, string? Phone, string? Address, bool RealNameVerified, bool Masked);

public sealed record RespondentView(Guid AgencyId, string? StaffName, string? WindowNumber);

public sealed record DecisionView(DateTimeOffset? DecidedAt, bool? OnTime, Classification? Classification, NotAcceptedReason? NotAcceptedReason, Guid? RelatedCaseId, string? Explanation);

public sealed record InvestigationView(int Number, InvestigationMethod Method, string Summary, Guid? AgencyId, DateTimeOffset RecordedAt, bool Disputed);

public sealed record RevisitView(int Number, RevisitMethod Method, SatisfactionRating Rating, string? Note, DateTimeOffset RecordedAt);

public sealed record RectificationView(int Number, RectificationStatus Status, string Requirement, DateOnly DueDate, string? Report, DateTimeOffset? CompletedAt, int SentBackCount, string? VerificationNote, DateTimeOffset? VerifiedAt);

/// <summary>第十一条第二款: a recorded delivery of the decision notice.</summary>
public sealed record NoticeDeliveryView(int Number, DecisionNotice Notice, DeliveryMethod Method, DateOnly DeliveredOn, string? Note, string RecordedByRole, DateTimeOffset RecordedAt);

public sealed record MergedCaseView(Guid CaseId, string TrackingNumber, Channel Channel, DateTimeOffset MergedAt);

public sealed record CaseTimelineView(int Sequence, DateTimeOffset At, TimelineEventKind Event, string? Article, string ActorRole, IReadOnlyDictionary<string, string> Details);

public sealed partial record CaseView(
    Guid Id,
    string TrackingNumber,
    ComplaintStatus Status,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    string? ReceivingRegionCode,
    bool Confidential,
    ComplainantView? Complainant,
    RespondentView Respondent,
    string ServiceItem,
    string? ServiceItemCode,
    string Request,
    string Facts,
    IReadOnlyList<Guid> EvidenceIds,
    Guid? AssignedAgencyId,
    Guid? LeadAgencyId,
    IReadOnlyList<Guid> CooperatingAgencyIds,
    DateTimeOffset? ReferredAt,
    bool? ReferredOnTime,
    DecisionView? Decision,
    IReadOnlyList<NoticeDeliveryView> NoticeDeliveries,
    bool Extended,
    string? ExtensionReason,
    IReadOnlyList<InvestigationView> InvestigationRecords,
    ResultView? Result,
    bool? ConcludedOnTime,
    Guid? MergedIntoCaseId,
    IReadOnlyList<MergedCaseView> MergedCases,
    SatisfactionRating? ComplainantRating,
    SatisfactionRating? Satisfaction,
    IReadOnlyList<RevisitView> Revisits,
    IReadOnlyList<RectificationView> Rectifications,
    bool Major,
    string? MajorSummary,
    DeadlinesView Deadlines,
    IReadOnlyList<CaseTimelineView> Timeline,
    int Version);

public static class CaseViewMapping
{
    public static CaseView ToCaseView(this Complaint c, ComplainantView? complainant, IWorkingDayCalendar calendar, DateTimeOffset now, int version) => new(
        c.Id, c.TrackingNumber, c.Status, c.Channel, c.ReceivedAt.Cst(), c.ReceivingRegionCode, c.Confidential, complainant,
        new RespondentView(c.Respondent.AgencyId, c.Respondent.StaffName, c.Respondent.WindowNumber),
        c.ServiceItem.Name, c.ServiceItem.Code, c.Request, c.Facts, c.EvidenceIds,
        c.AssignedAgencyId, c.LeadAgencyId, c.CooperatingAgencyIds, c.ReferredAt?.Cst(), c.ReferredOnTime,
        c.DecidedAt is null ? null : new DecisionView(c.DecidedAt?.Cst(), c.DecidedOnTime, c.Classification, c.NotAcceptedReason, c.RelatedCaseId, c.NotAcceptedExplanation),
        c.NoticeDeliveries.Select(d => new NoticeDeliveryView(d.Number, d.Notice, d.Method, d.DeliveredOn, d.Note, WireNames.Of(d.RecordedByRole), d.RecordedAt.Cst())).ToArray(),
        c.Extended, c.ExtensionReason,
        c.InvestigationRecords.Select(r => new InvestigationView(r.Number, r.Method, r.Summary, r.AgencyId, r.RecordedAt.Cst(), r.Disputed)).ToArray(),
        ComplaintViewMapping.ResultOf(c), c.ConcludedOnTime, c.MergedIntoCaseId,
        c.MergedCases.Select(m => new MergedCaseView(m.CaseId, m.TrackingNumber, m.Channel, m.MergedAt.Cst())).ToArray(),
        c.ComplainantRating, c.Satisfaction,
        c.Revisits.Select(r => new RevisitView(r.Number, r.Method, r.Rating, r.Note, r.RecordedAt.Cst())).ToArray(),
        c.Rectifications.Select(r => new RectificationView(r.Number, r.Status, r.Requirement, r.DueDate, r.Report, r.CompletedAt?.Cst(), r.SentBackCount, r.VerificationNote, r.VerifiedAt?.Cst())).ToArray(),
        c.IsMajor, c.MajorSummary, DeadlinesView.From(c.Deadlines(calendar, now)),
        c.Timeline.Select(t => new CaseTimelineView(t.Sequence, t.At.Cst(), t.Kind, t.Article, WireNames.Of(t.ActorRole), t.Details)).ToArray(),
        version);

    public static string ETag(int version) => $"\"v{version}\"";
}
