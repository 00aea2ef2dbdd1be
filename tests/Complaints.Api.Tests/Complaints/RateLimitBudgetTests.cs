using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Complaints;

/// <summary>Issue #10: an idempotent replay and a body refused by validation do not spend the budget; a refusal is a typed problem; the IETF RateLimit headers say where the budget stands.</summary>
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

    [Fact]
    public async Task A_request_refused_by_validation_does_not_spend_the_budget()
    {
        await using var host = await HostAsync(2);
        var citizen = await host.ClientAsync("citizen");
        for (var i = 0; i < 5; i++)
        {
            var refused = await citizen.PostAsync("/api/v1/complaints", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online())).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online())).StatusCode);
    }

    [Fact]
    public async Task Successful_and_refused_answers_carry_the_RateLimit_headers()
    {
        await using var host = await HostAsync(2);
        var citizen = await host.ClientAsync("citizen2");
        var first = await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online());
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("\"submission\";q=2;w=60", Header(first, "RateLimit-Policy"));
        var (remaining, reset) = State(first);
        Assert.Equal(1, remaining);
        Assert.InRange(reset, 1, 60);

        var second = await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online());
        Assert.Equal(0, State(second).Remaining);

        var refused = await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("\"submission\";q=2;w=60", Header(refused, "RateLimit-Policy"));
        var (left, wait) = State(refused);
        Assert.Equal(0, left);
        Assert.InRange(wait, 1, 60);
        Assert.Equal(wait, (int)refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"no {name} header");

    private static (int Remaining, int Reset) State(HttpResponseMessage response)
    {
        var match = System.Text.RegularExpressions.Regex.Match(Header(response, "RateLimit"), "^\"submission\";r=([0-9]+);t=([0-9]+)$");
        Assert.True(match.Success, Header(response, "RateLimit"));
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
