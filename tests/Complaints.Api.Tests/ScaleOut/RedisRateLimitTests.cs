using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Complaints.Api.Infrastructure;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.ScaleOut;

/// <summary>
/// Rate limits in Redis (<c>RateLimits:Redis</c>): one budget per address or user whichever replica counts it,
/// and each replica's own limiter within a second when Redis is down, never an error.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RedisRateLimitTests(AppFixture app)
{
    private static readonly object Lookup = new { trackingNumber = "TS530102-20990101-00001", queryCode = "ZZZZZZZZ" };

    [Fact]
    public async Task When_Redis_goes_down_the_replica_falls_back_to_its_own_limiter_within_a_second_and_logs_it()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        var logs = new LogCapture();
        await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, logs: logs, settings: Settings(redis.Address, lookups: 3));
        Assert.True(host.Services.GetRequiredService<RateLimitBackend>().UsesRedis);
        var client = host.Server.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/complaints/lookup", Lookup)).StatusCode);

        await redis.KillAsync();
        var statuses = new List<HttpStatusCode>();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < 4; i++)
        {
            var watch = Stopwatch.StartNew();
            statuses.Add((await client.PostAsJsonAsync("/api/v1/complaints/lookup", Lookup)).StatusCode);
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
        }

        // The in-process window starts empty: three lookups pass, the fourth is limited; none fails.
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"a request waited {slowest.TotalMilliseconds:F0} ms for the dead Redis");
        Assert.False(host.Services.GetRequiredService<RateLimitBackend>().UsesRedis);
        Assert.Contains(logs.Lines, l => l.Contains("Redis is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_replica_that_starts_while_Redis_is_down_limits_in_process_and_serves()
    {
        var logs = new LogCapture();
        await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, logs: logs,
            settings: Settings($"127.0.0.1:{PrivateRedis.FreePort()}", lookups: 2));
        var client = host.Server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/complaints/lookup", Lookup)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains(logs.Lines, l => l.Contains("Redis is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_RateLimit_headers_tell_the_budget_counted_in_Redis()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, settings: Settings(redis.Address, lookups: 3));
        Assert.True(host.Services.GetRequiredService<RateLimitBackend>().UsesRedis);
        var client = host.Server.CreateClient();
        var states = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/complaints/lookup", Lookup);
            Assert.Equal("\"lookup\";q=3;w=60", response.Headers.GetValues("RateLimit-Policy").Single());
            states.Add(response.Headers.GetValues("RateLimit").Single());
        }

        var parsed = states.Select(s => System.Text.RegularExpressions.Regex.Match(s, "^\"lookup\";r=([0-9]+);t=([0-9]+)$")).ToList();
        Assert.All(parsed, m => Assert.True(m.Success, string.Join(" | ", states)));
        Assert.Equal([2, 1, 0, 0], parsed.Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(parsed, m => Assert.InRange(int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 1, 60));
    }

    [Fact]
    public async Task Submissions_and_uploads_of_one_user_are_separate_budgets_in_Redis()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        var settings = Settings(redis.Address, lookups: 10);
        settings["RateLimits:SubmissionPerMinute"] = "1";
        settings["RateLimits:UploadPerMinute"] = "1";
        await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, settings: settings);
        var citizen = await host.ClientAsync("citizen2");

        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online())).StatusCode);
        var upload = await citizen.PostAsync("/api/v1/evidence", Evidence.EvidenceUploads.Form(Evidence.EvidenceSamples.Pdf(), "a.pdf"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online())).StatusCode);
    }

    internal static Dictionary<string, string?> Settings(string redis, int lookups) => new()
    {
        ["RateLimits:Redis"] = redis,
        ["RateLimits:LookupPerMinute"] = lookups.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Database:MigrateOnStartup"] = "false",
        ["Database:SeedDemoData"] = "false",
    };
}
