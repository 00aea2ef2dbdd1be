namespace Complaints.Api.Notifications;

/// <summary>
/// The default sender, for development and for deployments without a gateway yet: writes one log line
/// per notice (kind, ids, masked recipient) and reports it sent. Never the text, which may quote
/// staff-written reasons, and never the phone number.
/// </summary>
public sealed partial class LoggingNotificationSender(ILogger<LoggingNotificationSender> logger) : INotificationSender
{
    public Task<SendResult> SendAsync(Notification n, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(n);
        Log(logger, n.Kind, n.Id, n.CaseId, n.TrackingNumber, n.Recipient.Masked, n.Attempt);
        return Task.FromResult(SendResult.Sent());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Kind} {MessageId} for case {CaseId} ({TrackingNumber}) to {Recipient}, attempt {Attempt}")]
    private static partial void Log(ILogger logger, NotificationKind kind, Guid messageId, Guid caseId, string trackingNumber, string recipient, int attempt);
}
