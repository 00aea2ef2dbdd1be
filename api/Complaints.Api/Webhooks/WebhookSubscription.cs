namespace Complaints.Api.Webhooks;

/// <summary>
/// An agency's or a management department's endpoint for events (api.md "Agency systems"). Exactly one of
/// <see cref="AgencyId"/> and <see cref="RegionCode"/> names the body; it receives the events addressed to that body.
/// Secrets are stored encrypted (PersonalDataProtector, AES-256-GCM). After a rotation the previous secret stays valid
/// until <see cref="PreviousSecretValidUntil"/>: deliveries carry a signature under each valid secret.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; init; }

    public Guid? AgencyId { get; init; }

    public string? RegionCode { get; init; }

    public required string Url { get; set; }

    public required string SecretEncrypted { get; set; }

    public string? PreviousSecretEncrypted { get; set; }

    public DateTimeOffset? PreviousSecretValidUntil { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }
}

/// <summary>
/// A reminder already raised, so that each is raised once: <see cref="Kind"/> (<c>due_soon:acceptance</c>, <c>report_due</c>),
/// <see cref="Subject"/> (a case id, or <c>agency:{id}</c> / <c>region:{code}</c>) and the <see cref="DueDate"/> it warns of
/// (an extended deadline has a new date, and so a reminder of its own).
/// </summary>
public sealed class SentReminder
{
    public required string Kind { get; init; }

    public required string Subject { get; init; }

    public DateOnly DueDate { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
