namespace Complaints.Api.Webhooks;

/// <summary>Configuration section <c>AgencyWebhooks</c>: delivery to agencies' and departments' systems.</summary>
public sealed class AgencyWebhookOptions
{
    public const string Section = "AgencyWebhooks";

    /// <summary>Per delivery. Must stay below <c>Notifications:Lease</c> (the outbox dispatcher delivers these too).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the previous secret keeps signing after a rotation, unless the rotation names another period.</summary>
    public TimeSpan SecretGracePeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Prefixed to relative links in event data (the 交办单), e.g. <c>https://complaints.yn.gov.cn</c>; none by default.</summary>
    public string? PublicBaseUrl { get; set; }
}
