using System.Net;
using Microsoft.Extensions.Options;
using Complaints.Api.Infrastructure;

namespace Complaints.Api.Notifications;

public static class NotificationsSetup
{
    /// <summary>The longest period a <see cref="PeriodicTimer"/> accepts (uint.MaxValue - 1 milliseconds).</summary>
    private static readonly TimeSpan MaxTimerPeriod = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(NotificationOptions.Section);
        services.AddValidatedOptions<NotificationOptions>(NotificationOptions.Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.PollInterval <= MaxTimerPeriod, "Notifications:PollInterval must be between 1 ms and 49 days.")
            .Validate(o => o.RetryBaseDelay > TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay, "Notifications:RetryBaseDelay must be positive and at most Notifications:RetryMaxDelay.")
            .Validate(o => o.Lease > o.Webhook.Timeout, "Notifications:Lease must be longer than Notifications:Webhook:Timeout.")
            .Validate(o => o.Sender is NotificationOptions.LogSender or NotificationOptions.WebhookSender, "Notifications:Sender must be 'log' or 'webhook'.")
            .Validate(o => o.Sender != NotificationOptions.WebhookSender || WebhookProblem(o.Webhook) is null, "Notifications:Webhook is invalid: Url must be https (http only to a loopback address), Secret at least 32 characters, Timeout between 1 ms and 5 minutes.")
            .ValidateOnStart();

        // The sender is chosen once, at start: a gateway needs its typed HttpClient, the log sender nothing.
        if (string.Equals(section[nameof(NotificationOptions.Sender)], NotificationOptions.WebhookSender, StringComparison.Ordinal))
        {
            services.AddHttpClient<INotificationSender, WebhookNotificationSender>((sp, client) =>
                    client.Timeout = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.Webhook.Timeout)

                // Never follow a redirect: it would carry the phone number to an address nobody configured.
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        }
        else
        {
            services.AddSingleton<INotificationSender, LoggingNotificationSender>();
        }

        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    internal static string? WebhookProblem(WebhookOptions webhook)
    {
        if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "Url";
        }

        if (url.Scheme == Uri.UriSchemeHttp && !(url.IsLoopback || (IPAddress.TryParse(url.Host, out var ip) && IPAddress.IsLoopback(ip))))
        {
            return "Url";
        }

        if (webhook.Secret is not { Length: >= 32 })
        {
            return "Secret";
        }

        return webhook.Timeout > TimeSpan.Zero && webhook.Timeout <= TimeSpan.FromMinutes(5) ? null : "Timeout";
    }
}
