using Complaints.Domain.Cases;

namespace Complaints.Api.Notifications;

/// <summary>
/// One notice owed to one recipient, written in the same transaction as the case change that owes
/// it (transactional outbox) and sent later by <see cref="OutboxDispatcher"/>. Holds no plaintext
/// personal data: the phone is the ciphertext copied from the complainant snapshot, decrypted only
/// for the moment of sending; the payload is non-personal content the text is rendered from.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>
    /// The case the event happened on; for a merged complainant, the case theirs was merged into. Null only for an
    /// agency-system event about no case (a report falling due).
    /// </summary>
    public Guid? CaseId { get; init; }

    public string? TrackingNumber { get; init; }

    public NotificationKind Kind { get; init; }

    public RecipientType RecipientType { get; init; }

    /// <summary>The complainant's own case: <see cref="CaseId"/>, or the merged case they complained in (第十三条).</summary>
    public Guid? ComplainantCaseId { get; init; }

    /// <summary>The number the complainant knows their complaint by.</summary>
    public string? ComplainantTrackingNumber { get; init; }

    /// <summary>How the complainant complained (第六条): a gateway may answer by the same way.</summary>
    public Channel? ComplainantChannel { get; init; }

    /// <summary>For an app message: the identity platform's subject of an online complainant.</summary>
    public string? ComplainantUserId { get; init; }

    /// <summary>For an SMS: <c>v1:{keyId}:…</c> as in the snapshot; never plaintext.</summary>
    public string? PhoneEncrypted { get; init; }

    public string? DepartmentRegionCode { get; init; }

    /// <summary>For an agency system's event: the webhook subscription it is delivered to (Webhooks/).</summary>
    public Guid? SubscriptionId { get; init; }

    /// <summary>
    /// Drawn from a sequence when the row is inserted. Two writes to one case are serialised by the case's row lock,
    /// so for one case this is the order of the changes: a subscription's events of a case are delivered in it.
    /// </summary>
    public long Sequence { get; init; }

    public Dictionary<string, string> Payload { get; init; } = [];

    public OutboxStatus Status { get; init; }

    /// <summary>Attempts started so far (counted when claimed, so a crash mid-send still counts).</summary>
    public int Attempts { get; init; }

    /// <summary>When a pending message is due; while <see cref="OutboxStatus.Sending"/>, when its lease runs out.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>The dispatcher pass holding the lease; its result is written only while it still does.</summary>
    public Guid? LeaseId { get; init; }

    /// <summary>Our own short description of the last failure (status code, error class), never a gateway's body.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }
}
