using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.AgencySystems;

/// <summary>
/// A host of its own for agency-system events: the background dispatcher and deadline sweeps off (the tests call
/// them), 3 attempts at most, a 1 s receiver timeout, and an <see cref="AgencyReceiver"/> to deliver to. The clock
/// starts on Wednesday 25 November 2026, 10:00 CST.
/// </summary>
public sealed class AgencySystemsFixture : IAsyncLifetime
{
    public const int MaxAttempts = 3;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    public AgencyReceiver Receiver { get; private set; } = null!;

    public IAlbaHost Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public OutboxDispatcher Dispatcher => Host.Services.GetRequiredService<OutboxDispatcher>();

    public async Task InitializeAsync()
    {
        Receiver = await AgencyReceiver.StartAsync();
        Receiver.Clock = Clock.GetUtcNow;
        ConnectionString = await TestDatabase.CreateAsync("agency");
        Host = await AppFixture.StartAsync("Development", ConnectionString, Clock, null, new Dictionary<string, string?>
        {
            ["RateLimits:SubmissionPerMinute"] = "100000",
            ["Notifications:DispatcherEnabled"] = "false",
            ["Notifications:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:BatchSize"] = "10",
            ["AgencyWebhooks:Timeout"] = "00:00:01",
            ["DeadlineMonitor:Interval"] = "49.00:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>Each test starts with no subscriptions and an empty outbox.</summary>
    public async Task ResetAsync()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        await db.NotificationOutbox.ExecuteDeleteAsync();
        await db.WebhookSubscriptions.ExecuteDeleteAsync();
        await db.SentReminders.ExecuteDeleteAsync();
        Receiver.Reset();
    }

    /// <summary>Registers the receiver for an agency or a department as the administrator; the receiver learns the secret.</summary>
    public async Task<(Guid Id, string Secret)> SubscribeAsync(Guid? agencyId = null, string? regionCode = null)
    {
        var admin = await Host.ClientAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { agencyId, regionCode, url = Receiver.Url });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        var secret = body.GetProperty("secret").GetString()!;
        Receiver.Secrets.Add(secret);
        return (body.GetProperty("subscription").GetProperty("id").GetGuid(), secret);
    }

    /// <summary>Dispatches until nothing more is due now.</summary>
    public async Task DrainAsync(OutboxDispatcher? dispatcher = null)
    {
        for (var pass = 0; pass < 100 && await (dispatcher ?? Dispatcher).DispatchOnceAsync(CancellationToken.None) > 0; pass++)
        {
        }
    }

    public async Task<List<OutboxMessage>> EventsAsync(NotificationKind? kind = null)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().NotificationOutbox.AsNoTracking()
            .Where(m => m.RecipientType == RecipientType.Subscription);
        query = kind is { } k ? query.Where(m => m.Kind == k) : query;
        return await query.OrderBy(m => m.Sequence).ToListAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AgencySystemsCollection : ICollectionFixture<AgencySystemsFixture>
{
    public const string Name = "agency-systems";
}
