using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Complaints;
using Complaints.Api.Tests.Infrastructure;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Hardening;

/// <summary>Issue #14, finding 9: the anonymous lookup was limited per client address only, never per tracking number.</summary>
[Collection(ApiCollection.Name)]
public sealed class LookupLockTests(AppFixture app)
{
    [Fact]
    public async Task A_tracking_number_locks_after_ten_wrong_query_codes_and_answers_alike_whether_it_exists_or_not()
    {
        var created = await (await app.Host.ClientAsync("citizen")).SubmitAsync(Online());
        var existing = created.GetProperty("trackingNumber").GetString()!;
        var code = created.GetProperty("queryCode").GetString()!;
        var missing = "TS530102-20250101-" + Random.Shared.Next(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var anonymous = app.Host.Server.CreateClient();

        foreach (var number in new[] { existing, missing })
        {
            for (var i = 0; i < LookupLock.MaxFailures; i++)
            {
                var wrong = await anonymous.PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = number, queryCode = "ZZZZZZZZ" });
                Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
            }
        }

        // Locked now, even with the right code; a number that does not exist gets the very same answer.
        var lockedExisting = await anonymous.PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = existing.ToLowerInvariant(), queryCode = code });
        var lockedMissing = await anonymous.PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = missing, queryCode = code });
        foreach (var locked in new[] { lockedExisting, lockedMissing })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
            Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(50), $"Retry-After {locked.Headers.RetryAfter}");
        }

        var a = JsonDocument.Parse(await lockedExisting.Content.ReadAsStringAsync()).RootElement;
        var b = JsonDocument.Parse(await lockedMissing.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(a.GetProperty("code").GetString(), b.GetProperty("code").GetString());
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());

        // The lock is per number: another complaint is still found. An hour later the number is open again.
        var other = await (await app.Host.ClientAsync("citizen2")).SubmitAsync(Online());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/complaints/lookup", new
        {
            trackingNumber = other.GetProperty("trackingNumber").GetString(), queryCode = other.GetProperty("queryCode").GetString(),
        })).StatusCode);
        app.Clock.Advance(LookupLock.Window);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = existing, queryCode = code })).StatusCode);
    }

    [Fact]
    public async Task Replicas_sharing_redis_lock_a_number_together_after_ten_wrong_codes_in_all()
    {
        var database = await TestDatabase.CreateAsync("lookuplockshared");
        var prefix = $"test-{Guid.NewGuid():N}";
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        Dictionary<string, string?> Settings(bool migrate) => new()
        {
            ["Database:MigrateOnStartup"] = migrate ? "true" : "false",
            ["Database:SeedDemoData"] = migrate ? "true" : "false",
            ["RateLimits:Redis"] = TestServices.Redis,
            ["RateLimits:RedisPrefix"] = prefix,
            ["RateLimits:LookupPerMinute"] = "1000",
        };
        await using var a = await AppFixture.StartAsync("Development", database, clock, settings: Settings(migrate: true));
        await using var b = await AppFixture.StartAsync("Development", database, clock, settings: Settings(migrate: false));
        var created = await (await a.ClientAsync("citizen")).SubmitAsync(Online());
        var number = created.GetProperty("trackingNumber").GetString()!;
        var code = created.GetProperty("queryCode").GetString()!;
        var (toA, toB) = (a.Server.CreateClient(), b.Server.CreateClient());

        // Five wrong codes through each replica: neither has seen ten, together they have.
        for (var i = 0; i < LookupLock.MaxFailures; i++)
        {
            var wrong = await (i % 2 == 0 ? toA : toB).PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = number, queryCode = "ZZZZZZZZ" });
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        foreach (var replica in new[] { toA, toB })
        {
            var locked = await replica.PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = number, queryCode = code });
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(50), $"Retry-After {locked.Headers.RetryAfter}");
        }

        // The window is the application clock's on every replica: an hour later the number opens again.
        clock.Advance(LookupLock.Window);
        Assert.Equal(HttpStatusCode.OK, (await toB.PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = number, queryCode = code })).StatusCode);
    }

    [Fact]
    public void Nine_failures_do_not_lock_and_the_tenth_does()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-20T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));
        var locks = new LookupLock(clock);
        for (var i = 0; i < 9; i++)
        {
            locks.RecordFailure("TS530102-20261120-00001");
        }

        Assert.Null(locks.LockedFor("ts530102-20261120-00001"));
        locks.RecordFailure(" ts530102-20261120-00001 ");
        Assert.NotNull(locks.LockedFor("TS530102-20261120-00001"));
        clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Null(locks.LockedFor("TS530102-20261120-00001"));
    }
}
