using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Infrastructure;
using Complaints.Api.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Complaints.Api.Tests.ScaleOut;

/// <summary>
/// PostgreSQL failover: a primary and a synchronous streaming replica (scripts/pg-pair.sh), the service on a
/// multi-host connection string that only takes the primary; the primary is killed under submission load and the
/// replica promoted. A plain outage of a single database is the same story without the second host.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class FailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task When_the_primary_dies_under_load_and_the_replica_is_promoted_writes_resume_within_5_s_and_nothing_acknowledged_is_lost()
    {
        var dir = $"/var/tmp/complaints-failover-{Guid.NewGuid():N}";
        var ports = (await PgPairAsync("start", dir)).Trim().Split(' ').Select(int.Parse).ToArray();
        try
        {
            var connection = $"Host=127.0.0.1:{ports[0]},127.0.0.1:{ports[1]};Username=postgres;Database=complaints;"
                + "Target Session Attributes=primary;Host Recheck Seconds=1;Timeout=2";
            var logs = new LogCapture();
            await using var host = await AppFixture.StartAsync("Development", connection, logs: logs, settings: new Dictionary<string, string?>
            {
                ["RateLimits:SubmissionPerMinute"] = "100000",
                ["Notifications:DispatcherEnabled"] = "false",
            });
            var results = new ConcurrentQueue<Outcome>();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                var client = await host.ClientAsync(w % 2 == 0 ? "citizen" : "citizen2");
                client.Timeout = TimeSpan.FromSeconds(30);
                while (!stop.IsCancellationRequested)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(ComplaintBodies.Online()) };
                    if (w < 2)
                    {
                        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
                    }

                    var started = clock.Elapsed;
                    var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    Guid? id = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid() : null;
                    results.Enqueue(new Outcome(started, clock.Elapsed, response.StatusCode, id, response.Headers.RetryAfter is not null, body));
                }
            })).ToList();

            await Task.Delay(1500);
            await PgPairAsync("kill-primary", dir);
            var killedAt = clock.Elapsed; // pg_ctl -m immediate has returned: the primary is gone from here on
            await Task.Delay(500); // the operator (CloudNativePG) notices and promotes
            await PgPairAsync("promote", dir);
            var promotedAt = clock.Elapsed;
            await Task.Delay(6000);
            await stop.CancelAsync();
            await Task.WhenAll(workers);

            var all = results.ToList();
            var firstWriteAfter = all.Where(r => r.Status == HttpStatusCode.Created && r.Started > killedAt).Min(r => (TimeSpan?)r.Finished);
            output.WriteLine($"{all.Count} submissions: {all.Count(r => r.Status == HttpStatusCode.Created)} created, "
                + $"{all.Count(r => r.Status == HttpStatusCode.ServiceUnavailable)} answered 503; primary killed at {killedAt.TotalSeconds:F2} s, "
                + $"replica promoted at {promotedAt.TotalSeconds:F2} s, first write after the kill acknowledged at {firstWriteAfter?.TotalSeconds:F2} s "
                + $"({(firstWriteAfter - killedAt)?.TotalSeconds:F2} s after the kill, {(firstWriteAfter - promotedAt)?.TotalSeconds:F2} s after the promotion)");

            if (all.Any(r => r.Status == HttpStatusCode.InternalServerError))
            {
                output.WriteLine(string.Join('\n', logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Take(5)));
            }

            Assert.All(all, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{(int)r.Status}: {r.Body}"));
            Assert.All(all.Where(r => r.Status == HttpStatusCode.ServiceUnavailable), r => Assert.True(r.RetryAfter, "503 without Retry-After"));
            Assert.True(all.Count(r => r.Status == HttpStatusCode.Created && r.Finished < killedAt) > 0, "no submission before the failover");
            Assert.NotNull(firstWriteAfter);
            Assert.True(firstWriteAfter - killedAt < TimeSpan.FromSeconds(5), $"writes resumed {(firstWriteAfter - killedAt)?.TotalSeconds:F2} s after the kill");

            // Every acknowledged submission is on the new primary.
            var acknowledged = all.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToList();
            await using var promoted = new NpgsqlConnection($"Host=127.0.0.1;Port={ports[1]};Username=postgres;Database=complaints");
            await promoted.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM complaints WHERE id = ANY($1)", promoted) { Parameters = { new() { Value = acknowledged.ToArray() } } };
            Assert.Equal(acknowledged.Count, (long)(await count.ExecuteScalarAsync())!);
        }
        finally
        {
            await PgPairAsync("stop", dir);
        }
    }

    [Fact]
    public async Task When_the_only_database_is_down_reads_and_writes_answer_503_with_retry_after_never_500()
    {
        await using var host = await AppFixture.StartAsync("Development", TestDatabase.Unreachable, settings: new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Database:SeedDemoData"] = "false",
            ["Notifications:DispatcherEnabled"] = "false",
        });
        var citizen = host.ClientWithClaims(new Dictionary<string, object>
        {
            ["sub"] = "citizen-wang-fang", ["role"] = "citizen", ["name"] = "王芳", ["id_type"] = "resident_id", ["id_number"] = "530103199205164324", ["phone"] = "13987654321",
        });
        var responses = new[]
        {
            await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online()),
            await citizen.GetAsync("/api/v1/me/complaints"),
            await host.Server.CreateClient().PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = "TS530102-20990101-00001", queryCode = "ZZZZZZZZ" }),
        };
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal(ErrorCodes.Unavailable, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    private static async Task<string> PgPairAsync(string command, string dir)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "pg-pair.sh"), command, dir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg-pair.sh {command}: {await stderr}");
        return await stdout;
    }

    private sealed record Outcome(TimeSpan Started, TimeSpan Finished, HttpStatusCode Status, Guid? Id, bool RetryAfter, string Body);
}
