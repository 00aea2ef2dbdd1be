using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Complaints.Api.Audit;
using Complaints.Api.Complaints;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Notifications;

/// <summary>
/// A host of its own that sends through the webhook to a <see cref="WebhookReceiver"/>, with the
/// background loop off so that only the tests' <see cref="OutboxDispatcher.DispatchOnceAsync"/> sends,
/// 3 attempts at most, a 1 s gateway timeout and batches of 5.
/// </summary>
public sealed class NotificationsFixture : IAsyncLifetime
{
    public const string Secret = "test-webhook-secret-0123456789abcdef";
    public const int MaxAttempts = 3;
    public const int BatchSize = 5;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    public LogCapture Logs { get; } = new();

    public WebhookReceiver Receiver { get; private set; } = null!;

    public IAlbaHost Host { get; private set; } = null!;

    public OutboxDispatcher Dispatcher => Host.Services.GetRequiredService<OutboxDispatcher>();

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("notify"), Clock, Logs, new Dictionary<string, string?>
        {
            ["RateLimits:SubmissionPerMinute"] = "100000",
            ["Notifications:Sender"] = "webhook",
            ["Notifications:DispatcherEnabled"] = "false",
            ["Notifications:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Webhook:Url"] = Receiver.Url,
            ["Notifications:Webhook:Secret"] = Secret,
            ["Notifications:Webhook:Timeout"] = "00:00:01",
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>Tests of this collection run one after another; each starts from an empty outbox and a gateway answering 200.</summary>
    public async Task ResetAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().NotificationOutbox.ExecuteDeleteAsync();
        Receiver.Reset();
    }

    public async Task<Guid> SubmitOnlineAsync(string persona = "citizen")
    {
        var client = await Host.ClientAsync(persona);
        return (await client.SubmitAsync(Online())).GetProperty("id").GetGuid();
    }

    public async Task<Guid> RegisterAsync(string channel, string? phone)
    {
        var client = await Host.ClientAsync("hotline_operator");
        return (await client.SubmitAsync(Registered(channel, Person(phone: phone)))).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the loaded cases and saves them the way a handler does (<see cref="ComplaintChange"/>):
    /// each case's change begun before the domain calls, its audit lines and notices derived from its events, all saved by
    /// the unit of work. Whatever <paramref name="work"/> queues by hand is saved with it.
    /// </summary>
    public async Task<bool> WorkAsync(Func<WorkContext, Task> work, params Guid[] ids)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var cases = new List<Complaint>();
        foreach (var id in ids)
        {
            cases.Add(await db.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id));
        }

        var changes = cases.Select(ComplaintChange.Begin).ToList();
        var now = Clock.GetUtcNow();
        await work(new WorkContext(db, scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>(), now, cases));
        foreach (var change in changes)
        {
            await change.StageAsync(db, scope.ServiceProvider.GetRequiredService<AuditTrail>(), scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>(),
                OnePath.Setup, now, CancellationToken.None);
        }

        return await ComplaintStore.TrySaveStagedAsync(scope.ServiceProvider.GetRequiredService<global::Complaints.Api.Persistence.UnitOfWork>(), CancellationToken.None);
    }

    public async Task<List<OutboxMessage>> MessagesAsync(Guid caseId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().NotificationOutbox.AsNoTracking()
            .Where(m => m.CaseId == caseId).OrderBy(m => m.ComplainantTrackingNumber).ThenBy(m => m.Id).ToListAsync();
    }

    public async Task<OutboxMessage> MessageAsync(Guid id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().NotificationOutbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>An online complaint referred to and accepted (offsite) by 五华区市场监督管理局, with the acceptance notice its acceptance queued.</summary>
    public async Task<(Guid CaseId, OutboxMessage Message)> AcceptedWithNoticeAsync(string persona = "citizen")
    {
        var id = await SubmitOnlineAsync(persona);
        Assert.True(await WorkAsync(
            w =>
            {
                var c = w.Cases[0];
                Assert.True(c.Refer(w.Calendar, WuhuaMarket, null, Staff.Management, w.Now).IsSuccess);
                Assert.True(c.Accept(w.Calendar, Classification.Offsite, Staff.Agency, w.Now).IsSuccess);
                return Task.CompletedTask;
            },
            id));
        return (id, Assert.Single(await MessagesAsync(id), m => m.Kind == NotificationKind.AcceptanceNotice));
    }
}

public sealed record WorkContext(ComplaintsDbContext Db, IWorkingDayCalendar Calendar, DateTimeOffset Now, IReadOnlyList<Complaint> Cases);

/// <summary>The actors of the demo directory that casework here acts as.</summary>
public static class Staff
{
    public static readonly Actor Management = Actor.ForManagement("management-staff-zhou-tao", "530102");
    public static readonly Actor Agency = Actor.ForAgency("agency-staff-zhao-qiang", WuhuaMarket);
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsFixture>
{
    public const string Name = "notifications";
}
