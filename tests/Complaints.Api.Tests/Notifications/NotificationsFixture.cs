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
    /// Runs <paramref name="work"/> on the loaded cases and saves them as one unit of work, the way a
    /// casework handler will: domain calls and enqueueing, then <see cref="ComplaintStore.TrySaveAsync"/>.
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

        var context = new WorkContext(db, scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>(), Clock.GetUtcNow(), cases);
        await work(context);
        foreach (var other in cases.Skip(1))
        {
            var version = db.Entry(other).Property<int>(ComplaintConfiguration.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }

        return await ComplaintStore.TrySaveAsync(db, scope.ServiceProvider.GetRequiredService<AuditTrail>(), cases[0], scope.ServiceProvider.GetRequiredService<global::Complaints.Domain.Calendar.IWorkingDayCalendar>(), CancellationToken.None);
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

    /// <summary>An online complaint referred to and accepted (offsite) by 五华区市场监督管理局, with the acceptance notice queued.</summary>
    public async Task<(Guid CaseId, OutboxMessage Message)> AcceptedWithNoticeAsync(string persona = "citizen")
    {
        var id = await SubmitOnlineAsync(persona);
        OutboxMessage? message = null;
        Assert.True(await WorkAsync(
            w =>
            {
                var c = w.Cases[0];
                Assert.True(c.Refer(w.Calendar, WuhuaMarket, null, Staff.Management, w.Now).IsSuccess);
                Assert.True(c.Accept(w.Calendar, Classification.Offsite, Staff.Agency, w.Now).IsSuccess);
                message = Assert.Single(NotificationOutbox.Enqueue(w.Db, c, NotificationKind.AcceptanceNotice, new Dictionary<string, string>
                {
                    [PayloadKeys.Classification] = "offsite",
                    [PayloadKeys.DueDate] = "2026-12-07",
                }, w.Now));
                return Task.CompletedTask;
            },
            id));
        return (id, message!);
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
