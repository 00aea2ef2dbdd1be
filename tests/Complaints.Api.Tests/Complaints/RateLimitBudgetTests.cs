using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Complaints;

/// <summary>Issue #10: an idempotent replay does not spend the budget; a refusal is a typed problem.</summary>
[Collection(ApiCollection.Name)]
public sealed class RateLimitBudgetTests(AppFixture app)
{
    private Task<Alba.IAlbaHost> HostAsync(int submissions) =>
        AppFixture.StartAsync("Development", app.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SubmissionPerMinute"] = submissions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Database:MigrateOnStartup"] = "false",
            ["Database:SeedDemoData"] = "false",
        });

    [Fact]
    public async Task An_idempotent_replay_does_not_spend_the_budget()
    {
        await using var host = await HostAsync(2);
        var citizen = await host.ClientAsync("citizen2");
        var key = Guid.NewGuid().ToString();
        for (var i = 0; i < 4; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(ComplaintBodies.Online()) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await citizen.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(i > 0, response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
        }

        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online())).StatusCode);
    }

    [Fact]
    public async Task A_refusal_is_a_typed_problem_with_Retry_After()
    {
        await using var host = await HostAsync(2);
        var citizen = await host.ClientAsync("enterprise");
        var first = await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online());
        var refused = await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 });
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("request.rate_limited", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-4", problem.RootElement.GetProperty("type").GetString());
    }
}
