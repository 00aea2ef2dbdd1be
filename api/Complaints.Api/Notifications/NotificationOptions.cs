using System.ComponentModel.DataAnnotations;

namespace Complaints.Api.Notifications;

/// <summary>Configuration section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    public const string LogSender = "log";
    public const string WebhookSender = "webhook";

    /// <summary><c>log</c> (default: the notice is only logged, masked) or <c>webhook</c> (an SMS / app-push gateway).</summary>
    public string Sender { get; set; } = LogSender;

    /// <summary>False stops this process from sending (e.g. a replica kept for reads); messages still queue.</summary>
    public bool DispatcherEnabled { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages claimed per pass. Sent one after another, each bounded by the webhook timeout.</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a message that keeps failing transiently is marked failed.</summary>
    [Range(1, int.MaxValue)]
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claimed batch belongs to the dispatcher that claimed it. A dispatcher that dies
    /// mid-batch leaves its messages to be claimed again once this passes; a live one stops starting
    /// sends it could not finish within it.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>After the <paramref name="attempts"/>-th failed attempt: base × 2^(attempts−1), at most the cap.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var delay = RetryBaseDelay * Math.Pow(2, exponent);
        return delay < RetryMaxDelay ? delay : RetryMaxDelay;
    }
}

/// <summary>Configuration section <c>Notifications:Webhook</c>: the gateway <see cref="WebhookNotificationSender"/> posts to.</summary>
public sealed class WebhookOptions
{
    /// <summary>https, or http to a loopback address (the body carries a phone number).</summary>
    public string? Url { get; set; }

    /// <summary>The HMAC-SHA256 key, as text (its UTF-8 bytes); at least 32 characters.</summary>
    public string? Secret { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
