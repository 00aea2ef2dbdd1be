using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Complaints.Domain.Jurisdiction;

namespace Complaints.Api.Notifications;

/// <summary>
/// Adds notices to the caller's unit of work. Nothing is saved here: the caller's
/// <c>audit.SaveChangesAsync</c> (or <c>ComplaintStore.TrySaveStagedAsync</c>) commits the messages with the
/// case change that owes them, so a rolled-back or lost change sends nothing and a committed one is
/// never left without its notice.
/// </summary>
public static class NotificationOutbox
{
    /// <summary>Payload keys that would carry personal data; refused so the outbox stays free of it.</summary>
    private static readonly HashSet<string> PersonalKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "phone", "mobile", "name", "idNumber", "id_number", "address", "email",
    };

    /// <summary>
    /// One message per complainant owed the notice: the case's own and every merged one
    /// (<see cref="Complaint.ComplainantsToNotify"/>, 第十三条), each under the tracking number they know.
    /// </summary>
    public static IReadOnlyList<OutboxMessage> Enqueue(
        ComplaintsDbContext db, Complaint complaint, NotificationKind kind, IReadOnlyDictionary<string, string> payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return [.. complaint.ComplainantsToNotify.Select(r => EnqueueFor(db, complaint, r, kind, payload, now))];
    }

    /// <summary>
    /// One message to one complainant, e.g. <c>complaint.ComplainantsToNotify[0]</c> for a notice that
    /// concerns only the case's own complainant (a withdrawal confirmation).
    /// </summary>
    public static OutboxMessage EnqueueFor(
        ComplaintsDbContext db, Complaint complaint, FeedbackRecipient recipient, NotificationKind kind, IReadOnlyDictionary<string, string> payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(recipient);
        var phone = recipient.Complainant.Phone;
        if (phone is not null && !LooksEncrypted(phone))
        {
            // The snapshot stores ciphertext; plaintext here means a caller bypassed PersonalDataProtector.
            throw new InvalidOperationException("The complainant's phone must be the encrypted value of the snapshot.");
        }

        return Add(db, new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            CaseId = complaint.Id,
            TrackingNumber = complaint.TrackingNumber,
            Kind = kind,
            RecipientType = RecipientType.Complainant,
            ComplainantCaseId = recipient.CaseId,
            ComplainantTrackingNumber = recipient.TrackingNumber,
            ComplainantChannel = recipient.Channel,
            ComplainantUserId = recipient.ComplainantUserId,
            PhoneEncrypted = phone,
            Payload = Checked(payload),
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }

    /// <summary>One message to the management department of <paramref name="regionCode"/> (e.g. an overdue alert).</summary>
    public static OutboxMessage EnqueueForDepartment(
        ComplaintsDbContext db, Guid caseId, string trackingNumber, string regionCode, NotificationKind kind, IReadOnlyDictionary<string, string> payload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        if (!RegionCode.IsWellFormed(regionCode))
        {
            throw new ArgumentException("A GB/T 2260 region code of 6 digits is required.", nameof(regionCode));
        }

        return Add(db, new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            TrackingNumber = trackingNumber,
            Kind = kind,
            RecipientType = RecipientType.Department,
            DepartmentRegionCode = regionCode,
            Payload = Checked(payload),
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
    }

    internal static bool LooksEncrypted(string value) => value.StartsWith("v1:", StringComparison.Ordinal);

    private static OutboxMessage Add(ComplaintsDbContext db, OutboxMessage message)
    {
        db.NotificationOutbox.Add(message);
        return message;
    }

    private static Dictionary<string, string> Checked(IReadOnlyDictionary<string, string> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        foreach (var key in payload.Keys)
        {
            if (PersonalKeys.Contains(key))
            {
                throw new ArgumentException($"Payload key '{key}' would carry personal data; the outbox takes the complainant from the case.", nameof(payload));
            }
        }

        return new Dictionary<string, string>(payload, StringComparer.Ordinal);
    }
}

/// <summary>
/// The payload keys <see cref="NotificationText"/> renders; values are plain text or, where noted,
/// wire names (snake_case) that are turned into Chinese at dispatch. Other keys travel to the
/// gateway unrendered. No personal data: the recipient comes from the case, not the payload.
/// </summary>
public static class PayloadKeys
{
    /// <summary>Wire name of <see cref="Classification"/> (acceptance).</summary>
    public const string Classification = "classification";

    /// <summary>A date, <c>yyyy-MM-dd</c> (CST): handling due date, new due date on extension, rectification due date, missed deadline.</summary>
    public const string DueDate = "dueDate";

    /// <summary>Wire name of <see cref="NotAcceptedReason"/> (第八条), or the extension's reason as text.</summary>
    public const string Reason = "reason";

    /// <summary>The staff's explanation of a non-acceptance.</summary>
    public const string Explanation = "explanation";

    /// <summary>The case a non-acceptance points at (第八条第(二)、(四)项).</summary>
    public const string RelatedTrackingNumber = "relatedTrackingNumber";

    /// <summary>Wire name of <see cref="Finding"/> (conclusion).</summary>
    public const string Finding = "finding";

    /// <summary>The result summary fed back (第十三条).</summary>
    public const string Result = "result";

    public const string Measures = "measures";

    /// <summary>Where the complainant rates the result (revisit invitation).</summary>
    public const string RatingUrl = "ratingUrl";

    /// <summary>Which deadline passed (overdue alert): <c>referral</c>, <c>acceptance</c> or <c>handling</c>.</summary>
    public const string Deadline = "deadline";
}
