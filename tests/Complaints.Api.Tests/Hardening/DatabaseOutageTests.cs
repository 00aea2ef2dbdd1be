using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;
using Npgsql;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Hardening;

/// <summary>
/// Issue #14, finding 5: while PostgreSQL was down every request answered 500 (with stack traces in Development). The
/// database is taken away from the app under load (its connections cut, new ones refused) and given back.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task While_the_database_is_down_requests_get_503_with_Retry_After_and_the_service_recovers_without_losing_an_acknowledged_write()
    {
        var database = await TestDatabase.CreateAsync("outage");
        var direct = new NpgsqlConnectionStringBuilder(database);
        await using var proxy = TcpProxy.Start(direct.Host!, direct.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var host = await AppFixture.StartAsync("Development", viaProxy, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SubmissionPerMinute"] = "1000000",
            ["RateLimits:LookupPerMinute"] = "1000000",
        });
        var citizen = await host.ClientAsync("citizen");
        var staff = await host.ClientAsync("management_officer");
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/v1/complaints", Online())).StatusCode);

        var answers = new ConcurrentBag<(int Status, string? RetryAfter, string? MediaType, string Body, Guid? Created)>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = w % 2 == 0
                    ? await citizen.PostAsJsonAsync("/api/v1/complaints", Online())
                    : await staff.GetAsync("/api/v1/cases?limit=5");
                var body = await response.Content.ReadAsStringAsync();
                Guid? created = response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid() : null;
                answers.Add(((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), response.Content.Headers.ContentType?.MediaType, body, created));
            }
        })).ToArray();

        await Task.Delay(1500);
        proxy.Cut();
        await Task.Delay(2500);
        var ready = await host.Server.CreateClient().GetAsync("/healthz/ready");
        var readyBody = await ready.Content.ReadAsStringAsync();
        var duringOutage = answers.Count;
        await Task.Delay(1000);
        proxy.Resume();

        // The service recovers by itself: writes are acknowledged again without a restart.
        var recovered = Stopwatch.StartNew();
        var createdBeforeResume = answers.Count(a => a.Created is not null);
        while (answers.Count(a => a.Created is not null) <= createdBeforeResume + 3 && recovered.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(200);
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("unhealthy", JsonDocument.Parse(readyBody).RootElement.GetProperty("dependencies").GetProperty("database").GetString());
        Assert.True(recovered.Elapsed < TimeSpan.FromSeconds(30), "the service did not acknowledge writes again within 30 s of the database's return");
        Assert.Equal(HttpStatusCode.OK, (await host.Server.CreateClient().GetAsync("/healthz/ready")).StatusCode);

        var unexpected = answers.Where(a => a.Status is not (200 or 201 or 503)).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} answers were neither 2xx nor 503: {unexpected.FirstOrDefault().Status} {unexpected.FirstOrDefault().Body}");
        var unavailable = answers.Where(a => a.Status == 503).ToList();
        Assert.True(unavailable.Count > 0, $"no 503 among {answers.Count} answers ({duringOutage} by the readiness probe): the outage was not observed");
        Assert.All(unavailable, a =>
        {
            Assert.Equal("application/problem+json", a.MediaType);
            Assert.False(string.IsNullOrEmpty(a.RetryAfter), "503 without Retry-After");
            Assert.Equal("server.unavailable", JsonDocument.Parse(a.Body).RootElement.GetProperty("code").GetString());
            Assert.DoesNotContain("   at ", a.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", a.Body, StringComparison.Ordinal);
        });

        // No acknowledged write lost: every 201 is stored.
        var acknowledged = answers.Where(a => a.Created is not null).Select(a => a.Created!.Value).ToArray();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM complaints WHERE id = ANY($1)", connection) { Parameters = { new() { Value = acknowledged } } };
        Assert.Equal(acknowledged.Length, Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
