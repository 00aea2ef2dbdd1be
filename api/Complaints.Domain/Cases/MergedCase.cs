namespace Complaints.Domain.Cases;

/// <summary>
/// A case merged into this one (第十三条). Its complainant is copied here because each merged
/// complainant is still owed the feedback when this case concludes.
/// </summary>
public sealed class MergedCase
{
    private MergedCase()
    {
        TrackingNumber = "";
        Complainant = null!;
    }

    internal MergedCase(Guid caseId, string trackingNumber, Channel channel, string? complainantUserId, ComplainantSnapshot complainant, DateTimeOffset mergedAt)
    {
        CaseId = caseId;
        TrackingNumber = trackingNumber;
        Channel = channel;
        ComplainantUserId = complainantUserId;
        Complainant = complainant;
        MergedAt = mergedAt;
    }

    public Guid CaseId { get; private set; }

    public string TrackingNumber { get; private set; }

    public Channel Channel { get; private set; }

    public string? ComplainantUserId { get; private set; }

    public ComplainantSnapshot Complainant { get; private set; }

    public DateTimeOffset MergedAt { get; private set; }
}

/// <summary>Someone owed the result of a case (第十三条 "向投诉人反馈处理结果"): its own complainant or a merged one.</summary>
public sealed record FeedbackRecipient(Guid CaseId, string TrackingNumber, Channel Channel, string? ComplainantUserId, ComplainantSnapshot Complainant);
