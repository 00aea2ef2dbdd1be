using System.Net;
using System.Net.Http.Json;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Complaints;

[Collection(ApiCollection.Name)]
public sealed class RateLimitTests(AppFixture app)
{
    [Fact]
    public async Task Lookups_beyond_the_limit_per_address_get_429_with_retry_after()
    {
        await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["RateLimits:LookupPerMinute"] = "3",
            ["Database:MigrateOnStartup"] = "false",
            ["Database:SeedDemoData"] = "false",
        });
        var client = host.Server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = "TS530102-20990101-00001", queryCode = "ZZZZZZZZ" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(last!.Headers.RetryAfter is not null);
        await SubmissionTests.AssertProblemAsync(last, HttpStatusCode.TooManyRequests, "request.rate_limited");
    }

    [Fact]
    public async Task Submissions_are_limited_per_user()
    {
        await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SubmissionPerMinute"] = "2",
            ["Database:MigrateOnStartup"] = "false",
            ["Database:SeedDemoData"] = "false",
        });
        var citizen = await host.ClientAsync("citizen");
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online())).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], codes);
        var otherUser = await host.ClientAsync("citizen2");
        Assert.Equal(HttpStatusCode.Created, (await otherUser.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online())).StatusCode);
    }
}
