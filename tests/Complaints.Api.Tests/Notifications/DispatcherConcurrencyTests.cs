using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Notifications;

/// <summary>Several replicas dispatch from one outbox: each message is claimed by one of them at a time.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class DispatcherConcurrencyTests(NotificationsFixture fx) : IAsyncLifetime
{
    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_dispatchers_draining_the_same_rows_never_send_a_message_twice()
    {
        const int count = 40;
        var (caseId, _) = await fx.AcceptedWithNoticeAsync();
        Assert.True(await fx.WorkAsync(
            w =>
            {
                for (var i = 1; i < count; i++)
                {
                    NotificationOutbox.Enqueue(w.Db, w.Cases[0], NotificationKind.ExtensionNotice, new Dictionary<string, string> { ["n"] = $"{i}" }, w.Now);
                }

                return Task.CompletedTask;
            },
            caseId));

        // A short wait at the gateway keeps both passes in flight at once.
        fx.Receiver.Respond = _ => new Reply(200, Delay: TimeSpan.FromMilliseconds(15));
        var other = ActivatorUtilities.CreateInstance<OutboxDispatcher>(fx.Host.Services);
        var dispatchers = new[] { fx.Dispatcher, other, fx.Dispatcher, other };
        var tried = await Task.WhenAll(dispatchers.Select(d => Task.Run(async () =>
        {
            var total = 0;
            for (var pass = 0; pass < 2 * count; pass++)
            {
                var n = await d.DispatchOnceAsync(CancellationToken.None);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        })));

        Assert.Equal(count, tried.Sum());
        Assert.Equal(count, fx.Receiver.Deliveries.Count);
        Assert.Equal(count, fx.Receiver.Deliveries.Select(d => d.MessageId).Distinct().Count());
        Assert.True(tried.Count(n => n > 0) > 1, $"only one pass did any work: {string.Join(',', tried)}");
        Assert.All(await fx.MessagesAsync(caseId), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task A_batch_left_by_a_dispatcher_that_died_is_sent_once_its_lease_runs_out()
    {
        var (_, message) = await fx.AcceptedWithNoticeAsync();
        var lease = TimeSpan.FromMinutes(5); // the default Notifications:Lease
        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            // What a claim looks like when its process never comes back to record the result.
            var leaseEnd = fx.Clock.GetUtcNow() + lease;
            await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().NotificationOutbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.LeaseId, Guid.NewGuid())
                .SetProperty(m => m.NextAttemptAt, leaseEnd).SetProperty(m => m.Attempts, 1));
        }

        Assert.Equal(0, await fx.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        fx.Clock.Advance(lease);
        Assert.Equal(1, await fx.Dispatcher.DispatchOnceAsync(CancellationToken.None));

        var sent = await fx.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Equal(2, Assert.Single(fx.Receiver.Deliveries).Json.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task A_stopping_host_hands_back_what_it_claimed_but_never_started_and_keeps_the_lease_of_the_send_it_cut_short()
    {
        var (caseId, _) = await fx.AcceptedWithNoticeAsync();
        Assert.True(await fx.WorkAsync(
            w =>
            {
                NotificationOutbox.Enqueue(w.Db, w.Cases[0], NotificationKind.ExtensionNotice, new Dictionary<string, string>(), w.Now);
                return Task.CompletedTask;
            },
            caseId));
        using var stopping = new CancellationTokenSource();

        // The host stops while the first message is at the gateway.
        fx.Receiver.Respond = _ =>
        {
            stopping.Cancel();
            return new Reply(200, Delay: TimeSpan.FromSeconds(5));
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fx.Dispatcher.DispatchOnceAsync(stopping.Token));

        // The interrupted send may have reached the gateway: it waits for its lease, then goes again with the same id.
        var messages = await fx.MessagesAsync(caseId);
        var cut = Assert.Single(messages, m => m.Status == OutboxStatus.Sending);
        Assert.Equal(1, cut.Attempts);
        var handedBack = Assert.Single(messages, m => m.Status == OutboxStatus.Pending);
        Assert.Equal((0, (Guid?)null, fx.Clock.GetUtcNow()), (handedBack.Attempts, handedBack.LeaseId, handedBack.NextAttemptAt));
        Assert.Single(fx.Receiver.Deliveries);
    }
}
