namespace Complaints.Domain.Cases;

public enum AcceptanceDecision
{
    Pending,
    Accepted,
    NotAccepted,
}

public sealed record RegistrationInvestigationStep(int Number, DateTimeOffset At, InvestigationMethod Method, string Summary, Guid? AgencyId, bool Disputed = false);

public sealed record RegistrationRevisit(DateTimeOffset At, RevisitMethod Method, SatisfactionRating Rating, string? Note);

/// <summary>第十六条 督促整改 and 跟踪落实: ordered, reported completed (sent back n times), verified.</summary>
public sealed record RegistrationRectification(
    int Number, string Requirement, DateOnly DueDate, DateTimeOffset OrderedAt, RectificationStatus Status,
    string? Report, DateTimeOffset? CompletedAt, int SentBackCount, string? VerificationNote, DateTimeOffset? VerifiedAt);

/// <summary>第十一条第二款: how and when the decision notice reached the complainant, and when that was recorded.</summary>
public sealed record RegistrationNoticeDelivery(DecisionNotice Notice, DeliveryMethod Method, DateOnly DeliveredOn, string? Note, DateTimeOffset RecordedAt);

/// <summary>第四条: reported to the government of that level as a 重大投诉事项.</summary>
public sealed record RegistrationMajorReport(DateTimeOffset ReportedAt, string? Summary);

/// <summary>
/// 附件3《政务服务投诉处理情况登记表》 (第十七条), produced from the record alone: the whole record — receipt,
/// referral, decision and the delivery of its notice (第十一条第二款), investigation, extension, coordination, merges either way, conclusion, revisits and
/// ratings, rectifications ordered, completed and verified (第十六条), and the major-complaint report (第四条). It is the archive
/// copy and so carries the complainant as recorded; masking for a reader happens outside the domain.
/// Agencies appear by id: names belong to the directory, which renders them.
/// </summary>
public sealed record RegistrationForm(
    string TrackingNumber,
    DateTimeOffset ReceivedAt,
    Channel Channel,
    bool Confidential,
    ComplainantSnapshot Complainant,
    Respondent Respondent,
    ServiceItem ServiceItem,
    string Request,
    string Facts,
    int EvidenceCount,
    ComplaintStatus Status,
    Guid? HandlingAgencyId,
    DateTimeOffset? ReferredAt,
    AcceptanceDecision AcceptanceDecision,
    DateTimeOffset? DecidedAt,
    NotAcceptedReason? NotAcceptedReason,
    Guid? RelatedCaseId,
    string? NotAcceptedExplanation,
    Classification? Classification,
    bool Extended,
    string? ExtensionReason,
    Guid? LeadAgencyId,
    IReadOnlyList<Guid> CooperatingAgencyIds,
    IReadOnlyList<RegistrationInvestigationStep> InvestigationSteps,
    Finding? Finding,
    bool IsInvalidComplaint,
    string? Result,
    string? Measures,
    DateTimeOffset? ConcludedAt,
    bool? ConcludedOnTime,
    IReadOnlyList<string> MergedTrackingNumbers,
    SatisfactionRating? ComplainantRating,
    string? ComplainantComment,
    IReadOnlyList<RegistrationRevisit> Revisits,
    SatisfactionRating? Satisfaction,
    IReadOnlyList<RegistrationRectification> Rectifications,
    RegistrationMajorReport? MajorReport,
    string? MergedIntoTrackingNumber,
    DateTimeOffset? MergedAt,
    DateTimeOffset? ExtendedAt,
    IReadOnlyList<RegistrationNoticeDelivery> NoticeDeliveries)
{
    public static RegistrationForm From(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var decision = complaint switch
        {
            { AcceptedAt: not null } => AcceptanceDecision.Accepted,
            { NotAcceptedReason: not null } => AcceptanceDecision.NotAccepted,
            _ => AcceptanceDecision.Pending,
        };
        return new RegistrationForm(
            complaint.TrackingNumber,
            complaint.ReceivedAt,
            complaint.Channel,
            complaint.Confidential,
            complaint.Complainant,
            complaint.Respondent,
            complaint.ServiceItem,
            complaint.Request,
            complaint.Facts,
            complaint.EvidenceIds.Count,
            complaint.Status,
            complaint.HandlingAgencyId,
            complaint.ReferredAt,
            decision,
            complaint.DecidedAt,
            complaint.NotAcceptedReason,
            complaint.RelatedCaseId,
            complaint.NotAcceptedExplanation,
            complaint.Classification,
            complaint.Extended,
            complaint.ExtensionReason,
            complaint.LeadAgencyId,
            complaint.CooperatingAgencyIds.ToList(),
            complaint.InvestigationRecords.Select(r => new RegistrationInvestigationStep(r.Number, r.RecordedAt, r.Method, r.Summary, r.AgencyId, r.Disputed)).ToList(),
            complaint.Finding,
            complaint.IsInvalidComplaint,
            complaint.Result,
            complaint.Measures,
            complaint.ConcludedAt,
            complaint.ConcludedOnTime,
            complaint.MergedCases.Select(m => m.TrackingNumber).ToList(),
            complaint.ComplainantRating,
            complaint.ComplainantComment,
            complaint.Revisits.Select(r => new RegistrationRevisit(r.RecordedAt, r.Method, r.Rating, r.Note)).ToList(),
            complaint.Satisfaction,
            complaint.Rectifications.Select(r => new RegistrationRectification(
                r.Number, r.Requirement, r.DueDate, r.OrderedAt, r.Status, r.Report, r.CompletedAt, r.SentBackCount, r.VerificationNote, r.VerifiedAt)).ToList(),
            complaint.IsMajor && complaint.MajorReportedAt is { } reported ? new RegistrationMajorReport(reported, complaint.MajorSummary) : null,
            complaint.MergedIntoTrackingNumber,
            complaint.MergedAt,
            complaint.ExtendedAt,
            complaint.NoticeDeliveries.Select(d => new RegistrationNoticeDelivery(d.Notice, d.Method, d.DeliveredOn, d.Note, d.RecordedAt)).ToList());
    }
}
