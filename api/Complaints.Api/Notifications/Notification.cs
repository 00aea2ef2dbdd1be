using Complaints.Domain.Cases;

namespace Complaints.Api.Notifications;

/// <summary>
/// A message ready to send: the outbox row with its text rendered and, for a complainant, the phone
/// decrypted for this send only. A class, not a record, so that no generated <c>ToString</c> can put
/// the phone into a log line; <see cref="ToString"/> names the message without personal data.
/// </summary>
public sealed class Notification
{
    /// <summary>The outbox id: the same on every retry, so the gateway can drop duplicates.</summary>
    public required Guid Id { get; init; }

    public required NotificationKind Kind { get; init; }

    public required Guid CaseId { get; init; }

    public required string TrackingNumber { get; init; }

    public required NotificationRecipient Recipient { get; init; }

    /// <summary>The Chinese text (<see cref="NotificationText"/>). May quote staff-written reasons: never log it.</summary>
    public required string Text { get; init; }

    public required IReadOnlyDictionary<string, string> Payload { get; init; }

    /// <summary>1 on the first attempt.</summary>
    public required int Attempt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public override string ToString() => $"{WireNames.Of(Kind)} {Id} case {CaseId} to {Recipient}";
}

/// <summary>Who receives a <see cref="Notification"/>. <see cref="ToString"/> is the masked form.</summary>
public sealed class NotificationRecipient
{
    public required RecipientType Type { get; init; }

    public Guid? ComplainantCaseId { get; init; }

    public string? ComplainantTrackingNumber { get; init; }

    public Channel? Channel { get; init; }

    /// <summary>For an app message.</summary>
    public string? UserId { get; init; }

    /// <summary>Plaintext, normalised (<c>13800138000</c>, <c>0871-12345678</c>): for the SMS gateway only, never a log.</summary>
    public string? Phone { get; init; }

    public string? RegionCode { get; init; }

    /// <summary>Something the message can be delivered to electronically.</summary>
    public bool IsReachable => Type == RecipientType.Department || UserId is not null || Phone is not null;

    /// <summary>For logs: the kind of address and a masked form of it, never the number or the full user id.</summary>
    public string Masked => Type == RecipientType.Department
        ? $"department:{RegionCode}"
        : $"complainant:{(UserId is null ? "" : "app(" + MaskUser(UserId) + ")")}{(UserId is not null && Phone is not null ? "+" : "")}{(Phone is null ? "" : "sms(" + MaskPhone(Phone) + ")")}";

    public override string ToString() => Masked;

    private static string MaskUser(string userId) => userId.Length <= 4 ? "****" : string.Concat(userId.AsSpan(0, 4), "****");

    // Last 2 digits only: fewer than the 4 shown in staff lists, because logs travel further than lists.
    private static string MaskPhone(string phone) => phone.Length <= 2 ? "**" : string.Concat("*******", phone.AsSpan(phone.Length - 2));
}

public enum SendOutcome
{
    Sent,

    /// <summary>Worth trying again later (5xx, 408, 429, timeout, network).</summary>
    Transient,

    /// <summary>Will never succeed as it is (other 4xx): the message fails without retry.</summary>
    Permanent,
}

/// <summary>
/// What a sender reports. <see cref="Error"/> goes into <c>last_error</c> and logs, so it must be
/// our own words (a status code, an error class), never a gateway's response body.
/// </summary>
public sealed record SendResult(SendOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Sent() => new(SendOutcome.Sent);

    public static SendResult Transient(string error, TimeSpan? retryAfter = null) => new(SendOutcome.Transient, error, retryAfter);

    public static SendResult Permanent(string error) => new(SendOutcome.Permanent, error);
}

/// <summary>Delivers one notification. Chosen by <c>Notifications:Sender</c>.</summary>
public interface INotificationSender
{
    Task<SendResult> SendAsync(Notification n, CancellationToken cancellationToken);
}
