namespace Complaints.Domain.Cases;

public enum AcceptanceDecision
{
    Pending,
    Accepted,
    NotAccepted,
}

public sealed record RegistrationInvestigationStep(int Number, DateTimeOffset At, InvestigationMethod Method, string Summary, Guid? AgencyId, bool Disputed = false);

public sealed record RegistrationRevisit(DateTimeOffset At, RevisitMethod Method, SatisfactionRating Rating, string? Note);

/// <summary>
/// 附件3《政务服务投诉处理情况登记表》 (第十七条), produced from the record alone. It is the archive
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
    CaseStatus Status,
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
    SatisfactionRating? EffectiveSatisfaction)
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
            complaint.EffectiveSatisfaction);
    }
}
