using System.Data.Common;
using System.Security.Cryptography;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Notifications;

/// <summary>
/// Sends what the outbox holds. Each pass claims a batch in a short transaction
/// (<c>SELECT … FOR UPDATE SKIP LOCKED</c>, then a lease: status <c>sending</c>, <c>next_attempt_at</c> =
/// lease end), commits, and only then sends, so no transaction or row lock is held across HTTP calls
/// and concurrent replicas never claim the same message. Each result is written only while this pass
/// still holds the lease. Delivery is at least once: a process that dies after the gateway accepted a
/// message but before recording it sends it again when the lease runs out, with the same id.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    IHostEnvironment environment,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int LastErrorMaxLength = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.DispatcherEnabled)
        {
            return;
        }

        if (o.Sender == NotificationOptions.LogSender && !environment.IsDevelopment())
        {
            LogOnlySender(logger);
        }

        using var timer = new PeriodicTimer(o.PollInterval, clock);
        var failures = 0;
        do
        {
            try
            {
                // A full batch means more may be due already: drain before waiting.
                while (await DispatchOnceAsync(stoppingToken) == o.BatchSize)
                {
                }

                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass must not stop the host. During a database outage every poll would fail
                // and log: pause longer after each failure in a row, up to a minute.
                failures++;
                LogPassFailed(logger, e, failures);
                var pause = TimeSpan.FromTicks(Math.Min(o.PollInterval.Ticks << Math.Min(failures, 5), TimeSpan.FromMinutes(1).Ticks));
                await Task.Delay(pause, clock, stoppingToken);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Claims one batch of due messages and tries each once. Returns how many were tried.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<INotificationSender>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var lease = Guid.CreateVersion7();
        var leaseEnd = clock.GetUtcNow() + o.Lease;
        var claimed = await ClaimAsync(db, lease, leaseEnd, cancellationToken);

        // Stop starting sends that might outlive the lease: after it, another pass may claim them too.
        var sendTime = o.Sender == NotificationOptions.WebhookSender ? o.Webhook.Timeout : TimeSpan.Zero;
        if (claimed.Any(m => m.RecipientType == RecipientType.Subscription))
        {
            var agencyTimeout = scope.ServiceProvider.GetRequiredService<IOptions<Webhooks.AgencyWebhookOptions>>().Value.Timeout;
            sendTime = agencyTimeout > sendTime ? agencyTimeout : sendTime;
        }

        var started = 0;
        try
        {
            foreach (var message in claimed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (clock.GetUtcNow() + sendTime >= leaseEnd)
                {
                    break;
                }

                started++;
                var result = message.RecipientType == RecipientType.Subscription
                    ? await DeliverToSubscriptionAsync(scope.ServiceProvider, message, cancellationToken)
                    : await SendAsync(sender, protector, message, cancellationToken);
                await RecordAsync(db, message, lease, result, cancellationToken);
            }
        }
        finally
        {
            // What was never started goes back at once; a send that was cut short keeps its lease, since it may have arrived.
            if (started < claimed.Count)
            {
                await ReleaseAsync(db, [.. claimed.Skip(started).Select(m => m.Id)], lease);
            }
        }

        return started;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(ComplaintsDbContext db, Guid lease, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var batchSize = options.Value.BatchSize;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A 'sending' row whose lease ran out belongs to a pass that died: claimable again.
        // A subscription's events of one case go in order (sequence): an event waits while an earlier one of the same
        // case and subscription is pending or being sent by any pass, here or on another replica. The NOT EXISTS reads
        // the snapshot, so a row another pass has locked but not yet committed still counts as pending and holds its
        // successors back; a failed (dead-lettered) event no longer does.
        var due = await db.NotificationOutbox.FromSql($"""
            SELECT m.* FROM notification_outbox m
            WHERE m.status IN ('pending', 'sending') AND m.next_attempt_at <= {now}
              AND (m.subscription_id IS NULL OR m.case_id IS NULL OR NOT EXISTS (
                SELECT 1 FROM notification_outbox e
                WHERE e.subscription_id = m.subscription_id AND e.case_id = m.case_id
                  AND e.status IN ('pending', 'sending') AND e.sequence < m.sequence))
            ORDER BY m.next_attempt_at, m.sequence
            LIMIT {batchSize}
            FOR UPDATE OF m SKIP LOCKED
            """).AsNoTracking().ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return due;
        }

        var ids = due.Select(m => m.Id).ToList();
        await db.NotificationOutbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(
            s => s.SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseId, lease)
                .SetProperty(m => m.NextAttemptAt, leaseEnd)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due;
    }

    /// <summary>An agency system's event: a signed CloudEvent to its subscription (Webhooks/AgencyWebhookSender).</summary>
    private async Task<SendResult> DeliverToSubscriptionAsync(IServiceProvider services, OutboxMessage m, CancellationToken cancellationToken)
    {
        try
        {
            return await services.GetRequiredService<Webhooks.AgencyWebhookSender>().SendAsync(m, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSenderThrew(logger, m.Id, e.GetType().FullName);
            return SendResult.Transient($"sender threw {e.GetType().Name}");
        }
    }

    private async Task<SendResult> SendAsync(INotificationSender sender, PersonalDataProtector protector, OutboxMessage m, CancellationToken cancellationToken)
    {
        string? phone = null;
        if (m.PhoneEncrypted is not null)
        {
            try
            {
                phone = protector.Decrypt(m.PhoneEncrypted);
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                return SendResult.Permanent("phone could not be decrypted (is its key still listed under Privacy:Keys?)");
            }
        }

        var recipient = new NotificationRecipient
        {
            Type = m.RecipientType,
            ComplainantCaseId = m.ComplainantCaseId,
            ComplainantTrackingNumber = m.ComplainantTrackingNumber,
            Channel = m.ComplainantChannel,
            UserId = m.ComplainantUserId,
            Phone = phone,
            RegionCode = m.DepartmentRegionCode,
        };
        if (!recipient.IsReachable)
        {
            // Registered with an address only: the notice goes by post or on site, which staff record.
            return SendResult.Permanent("no electronic contact: deliver by post or on site");
        }

        var notification = new Notification
        {
            Id = m.Id,
            Kind = m.Kind,
            CaseId = m.CaseId ?? throw new InvalidOperationException("A notice to a person or department is about a case."),
            TrackingNumber = m.TrackingNumber ?? "",
            Recipient = recipient,
            Text = NotificationText.Render(m),
            Payload = m.Payload,
            Attempt = m.Attempts + 1,
            CreatedAt = m.CreatedAt,
        };
        try
        {
            return await sender.SendAsync(notification, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the type: a sender's exception message could quote what it was sending.
            LogSenderThrew(logger, m.Id, e.GetType().FullName);
            return SendResult.Transient($"sender threw {e.GetType().Name}");
        }
    }

    private async Task RecordAsync(ComplaintsDbContext db, OutboxMessage m, Guid lease, SendResult result, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var attempts = m.Attempts + 1;
        var error = Truncate(result.Error);
        var mine = db.NotificationOutbox.Where(x => x.Id == m.Id && x.LeaseId == lease && x.Status == OutboxStatus.Sending);
        int rows;
        if (result.Outcome == SendOutcome.Sent)
        {
            rows = await mine.ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Status, OutboxStatus.Sent).SetProperty(x => x.SentAt, now)
                    .SetProperty(x => x.LastError, (string?)null).SetProperty(x => x.LeaseId, (Guid?)null),
                cancellationToken);
            LogSent(logger, m.Kind, m.Id, m.CaseId, attempts);
        }
        else if (result.Outcome == SendOutcome.Transient && attempts < o.MaxAttempts)
        {
            var delay = o.RetryDelay(attempts);
            if (result.RetryAfter is { } asked && asked > delay)
            {
                delay = asked < o.RetryMaxDelay ? asked : o.RetryMaxDelay;
            }

            var next = now + delay;
            rows = await mine.ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Status, OutboxStatus.Pending).SetProperty(x => x.NextAttemptAt, next)
                    .SetProperty(x => x.LastError, error).SetProperty(x => x.LeaseId, (Guid?)null),
                cancellationToken);
            LogRetry(logger, m.Kind, m.Id, m.CaseId, attempts, error, next);
        }
        else
        {
            rows = await mine.ExecuteUpdateAsync(
                s => s.SetProperty(x => x.Status, OutboxStatus.Failed).SetProperty(x => x.LastError, error).SetProperty(x => x.LeaseId, (Guid?)null),
                cancellationToken);
            LogFailed(logger, m.Kind, m.Id, m.CaseId, attempts, error);
        }

        if (rows == 0)
        {
            LogLeaseLost(logger, m.Id);
        }
    }

    /// <summary>Hands back messages this pass claimed but never started, without counting an attempt.</summary>
    private async Task ReleaseAsync(ComplaintsDbContext db, List<Guid> ids, Guid lease)
    {
        var now = clock.GetUtcNow();
        try
        {
            // Not the caller's token: a stopping host should still return the rows rather than strand them until the lease ends.
            await db.NotificationOutbox.Where(m => ids.Contains(m.Id) && m.LeaseId == lease && m.Status == OutboxStatus.Sending).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts - 1).SetProperty(m => m.LeaseId, (Guid?)null),
                CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The lease runs out on its own; the messages are only delayed.
            LogReleaseFailed(logger, ids.Count, e.GetType().Name);
        }
    }

    private static string? Truncate(string? error) => error is { Length: > LastErrorMaxLength } ? error[..LastErrorMaxLength] : error;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifications:Sender is 'log': notices are only logged, not delivered to complainants")]
    private static partial void LogOnlySender(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification dispatch failed ({Failures} in a row)")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Kind} {MessageId} for case {CaseId} sent on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, NotificationKind kind, Guid messageId, Guid? caseId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Kind} {MessageId} for case {CaseId} failed attempt {Attempt} ({Error}); next attempt at {NextAttemptAt:O}")]
    private static partial void LogRetry(ILogger logger, NotificationKind kind, Guid messageId, Guid? caseId, int attempt, string? error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {Kind} {MessageId} for case {CaseId} failed after {Attempt} attempt(s) ({Error}); it will not be retried")]
    private static partial void LogFailed(ILogger logger, NotificationKind kind, Guid messageId, Guid? caseId, int attempt, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sender threw {ExceptionType} for notification {MessageId}")]
    private static partial void LogSenderThrew(ILogger logger, Guid messageId, string? exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand back {Count} claimed notification(s) ({ErrorType}); they wait for their lease to run out")]
    private static partial void LogReleaseFailed(ILogger logger, int count, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {MessageId}: lease lost before its result was recorded; another pass may send it again")]
    private static partial void LogLeaseLost(ILogger logger, Guid messageId);
}
