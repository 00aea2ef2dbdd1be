using System.Net;
using System.Net.Http.Json;
using Alba;
using Complaints.Api.Cases;
using Complaints.Api.Evidence;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Evidence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.ScaleOut;

/// <summary>
/// Two replicas of the service (two hosts, each with its own services, timers and caches) on one PostgreSQL
/// and one Redis (and one S3 bucket), as k8s/ runs them: one budget, one piece of work done once, one version of a case.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TwoReplicaTests : IAsyncLifetime
{
    private const int Budget = 10;

    // Monday 2 March 2026, 09:00 CST: no holiday near.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
    private readonly LogCapture _logsA = new();
    private readonly LogCapture _logsB = new();
    private IAlbaHost _a = null!;
    private IAlbaHost _b = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateAsync("replicas");
        var prefix = $"test-{Guid.NewGuid():N}";
        var bucket = await TestServices.NewBucketAsync();
        Dictionary<string, string?> Settings(bool migrate) => new(TestServices.S3Settings(bucket))
        {
            ["Database:MigrateOnStartup"] = migrate ? "true" : "false",
            ["Database:SeedDemoData"] = migrate ? "true" : "false",
            ["RateLimits:Redis"] = TestServices.Redis,
            ["RateLimits:RedisPrefix"] = prefix,
            ["RateLimits:SubmissionPerMinute"] = $"{Budget}",
            ["RateLimits:LookupPerMinute"] = $"{Budget}",
            ["Evidence:CleanupInterval"] = "40.00:00:00",
            ["DeadlineMonitor:Interval"] = "40.00:00:00",
            ["Notifications:PollInterval"] = "40.00:00:00",
        };

        _a = await AppFixture.StartAsync("Development", database, _clock, _logsA, Settings(migrate: true));
        _b = await AppFixture.StartAsync("Development", database, _clock, _logsB, Settings(migrate: false));
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task One_budget_one_piece_of_work_done_once_and_one_version_of_a_case_across_two_replicas()
    {
        // 20 submissions of one citizen against a 10-per-minute budget, alternately to each replica: exactly 10 pass.
        var clients = new[] { await _a.ClientAsync("citizen"), await _b.ClientAsync("citizen") };
        var statuses = new List<HttpStatusCode>();
        var ids = new List<Guid>();
        for (var i = 0; i < 2 * Budget; i++)
        {
            var response = await clients[i % 2].PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online());
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                ids.Add((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid());
            }
        }

        Assert.Equal(Budget, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Budget, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Contains(HttpStatusCode.Created, statuses.Where((_, i) => i % 2 == 1)); // both replicas served some

        // The same for a budget per client address (public lookups): 12 lookups from one address, 10 answered.
        var anonymous = new[] { _a.Server.CreateClient(), _b.Server.CreateClient() };
        var lookups = new List<HttpStatusCode>();
        for (var i = 0; i < Budget + 2; i++)
        {
            lookups.Add((await anonymous[i % 2].PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = "TS530102-20990101-00001", queryCode = "ZZZZZZZZ" })).StatusCode);
        }

        Assert.Equal(Budget, lookups.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(2, lookups.Count(s => s == HttpStatusCode.TooManyRequests));

        // A case changed through one replica is served with its new ETag by the other.
        var staffA = await _a.ClientAsync("management_staff");
        var staffB = await _b.ClientAsync("management_staff");
        var before = (await staffB.GetAsync($"/api/v1/cases/{ids[0]}")).Headers.ETag!.Tag;
        var referral = await staffA.PostAsJsonAsync($"/api/v1/cases/{ids[0]}/referral", new { agencyId = ComplaintBodies.WuhuaMarket, note = "请依法处理" });
        Assert.Equal(HttpStatusCode.OK, referral.StatusCode);
        var changed = referral.Headers.ETag!.Tag;
        Assert.NotEqual(before, changed);
        var read = await staffB.GetAsync($"/api/v1/cases/{ids[0]}");
        Assert.Equal(changed, read.Headers.ETag!.Tag);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{ids[1]}/referral") { Content = JsonContent.Create(new { agencyId = ComplaintBodies.WuhuaMarket }) };
        var beforeOther = (await staffA.GetAsync($"/api/v1/cases/{ids[1]}")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await staffB.PostAsJsonAsync($"/api/v1/cases/{ids[1]}/referral", new { agencyId = ComplaintBodies.WuhuaMarket })).StatusCode);
        stale.Headers.TryAddWithoutValidation("If-Match", beforeOther);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await staffA.SendAsync(stale)).StatusCode);

        // Every deadline passes; both replicas' monitors sweep at once, then again: each case is flagged once.
        _clock.Advance(TimeSpan.FromDays(30));
        var monitors = new[] { _a, _b }.Select(h => h.Services.GetRequiredService<DeadlineMonitor>()).ToArray();
        await Task.WhenAll(monitors.Select(m => Task.Run(() => m.SweepAsync(CancellationToken.None))));
        await Task.WhenAll(monitors.Select(m => Task.Run(() => m.SweepAsync(CancellationToken.None))));
        await using (var scope = _a.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            var flags = await db.AuditEntries.Where(e => e.Action == "case.overdue_flagged" && e.CaseId != null && ids.Contains(e.CaseId.Value))
                .GroupBy(e => e.CaseId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(Budget, flags.Count);
            Assert.All(flags, n => Assert.Equal(1, n));
            var alerts = await db.NotificationOutbox.Where(m => m.Kind == NotificationKind.OverdueAlert && ids.Contains(m.CaseId))
                .GroupBy(m => m.CaseId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(Budget, alerts.Count);
            Assert.All(alerts, n => Assert.Equal(1, n));
        }

        // Both dispatchers drain the outbox at once: every notice is sent once, by one of them.
        var dispatchers = new[] { _a, _b }.Select(h => h.Services.GetRequiredService<OutboxDispatcher>()).ToArray();
        var tried = await Task.WhenAll(dispatchers.Select(d => Task.Run(async () =>
        {
            var total = 0;
            for (int n; (n = await d.DispatchOnceAsync(CancellationToken.None)) > 0;)
            {
                total += n;
            }

            return total;
        })));
        await using (var scope = _b.Services.CreateAsyncScope())
        {
            var messages = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().NotificationOutbox.AsNoTracking().ToListAsync();
            Assert.True(messages.Count >= Budget, $"{messages.Count} notices");
            Assert.Equal(messages.Count, tried.Sum());
            Assert.All(messages, m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
            var sentLines = _logsA.Lines.Concat(_logsB.Lines).Count(l => l.Contains("OutboxDispatcher", StringComparison.Ordinal) && l.Contains(" sent on attempt ", StringComparison.Ordinal));
            Assert.Equal(messages.Count, sentLines);
        }

        // An unattached upload is cleaned up once, whichever replica sweeps.
        var token = await _a.ForAsync("citizen2");
        await _a.UploadOkAsync(token, EvidenceSamples.Pdf(), "a.pdf");
        await _b.UploadOkAsync(token, EvidenceSamples.Pdf(), "b.pdf");
        _clock.Advance(TimeSpan.FromDays(2));
        var cleanups = new[] { _a, _b }.Select(h => h.Services.GetRequiredService<EvidenceCleanup>()).ToArray();
        var deleted = await Task.WhenAll(cleanups.Select(c => Task.Run(() => c.SweepAsync(CancellationToken.None))));
        Assert.Equal(2, deleted.Sum());
    }
}
