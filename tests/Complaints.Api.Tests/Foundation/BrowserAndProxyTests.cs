using System.Net;
using Alba;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

/// <summary>Issue #10: browsers on allowed origins (CORS) and the gateway in front of the service (forwarded headers).</summary>
[Collection(ApiCollection.Name)]
public sealed class BrowserAndProxyTests(AppFixture app)
{
    private const string Lookup = "/api/v1/complaints/lookup";
    private static readonly object UnknownCase = new { trackingNumber = "TS530102-20990101-00001", queryCode = "ZZZZZZZZ" };

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_204_with_methods_headers_and_no_credentials()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/v1/complaints");
            s.ConfigureHttpContext(c => c.Request.Method = "OPTIONS");
            s.WithRequestHeader("Origin", "http://localhost:5173");
            s.WithRequestHeader("Access-Control-Request-Method", "POST");
            s.WithRequestHeader("Access-Control-Request-Headers", "authorization,content-type,idempotency-key,if-match");
            s.StatusCodeShouldBe(HttpStatusCode.NoContent);
        });

        var headers = result.Context.Response.Headers;
        Assert.Equal("http://localhost:5173", headers.AccessControlAllowOrigin.ToString());
        Assert.Contains("POST", headers.AccessControlAllowMethods.ToString(), StringComparison.Ordinal);
        var allowed = headers.AccessControlAllowHeaders.ToString().ToLowerInvariant();
        foreach (var header in new[] { "authorization", "content-type", "idempotency-key", "if-match" })
        {
            Assert.Contains(header, allowed, StringComparison.Ordinal);
        }

        Assert.False(headers.ContainsKey("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_response_to_an_allowed_origin_exposes_the_headers_clients_read()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(UnknownCase).ToUrl(Lookup);
            s.WithRequestHeader("Origin", "http://localhost:5173");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });

        var headers = result.Context.Response.Headers;
        Assert.Equal("http://localhost:5173", headers.AccessControlAllowOrigin.ToString());
        var exposed = headers.AccessControlExposeHeaders.ToString();
        foreach (var header in new[] { "ETag", "Location", "Retry-After", "Idempotent-Replayed", "RateLimit", "RateLimit-Policy" })
        {
            Assert.Contains(header, exposed, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Any_other_origin_gets_no_allow_origin()
    {
        var preflight = await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/v1/complaints");
            s.ConfigureHttpContext(c => c.Request.Method = "OPTIONS");
            s.WithRequestHeader("Origin", "https://evil.example");
            s.WithRequestHeader("Access-Control-Request-Method", "POST");
            s.IgnoreStatusCode();
        });
        Assert.False(preflight.Context.Response.Headers.ContainsKey("Access-Control-Allow-Origin"));

        var simple = await app.Host.Scenario(s =>
        {
            s.Post.Json(UnknownCase).ToUrl(Lookup);
            s.WithRequestHeader("Origin", "https://evil.example");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        Assert.False(simple.Context.Response.Headers.ContainsKey("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Origins_listed_in_Cors_AllowedOrigins_are_allowed()
    {
        await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Cors:AllowedOrigins:0"] = "https://zwfw.yn.gov.example",
            ["Database:MigrateOnStartup"] = "false",
            ["Database:SeedDemoData"] = "false",
        });
        var result = await host.Scenario(s =>
        {
            s.Post.Json(UnknownCase).ToUrl(Lookup);
            s.WithRequestHeader("Origin", "https://zwfw.yn.gov.example");
            s.StatusCodeShouldBe(HttpStatusCode.NotFound);
        });
        Assert.Equal("https://zwfw.yn.gov.example", result.Context.Response.Headers.AccessControlAllowOrigin.ToString());
    }

    [Fact]
    public async Task Through_a_trusted_proxy_two_clients_get_separate_lookup_budgets()
    {
        await using var host = await ProxiedHostAsync();
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests],
            await LookupsAsync(host, "10.1.2.3", "203.0.113.10", 3));
        // Another citizen behind the same gateway still has a full budget.
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound], await LookupsAsync(host, "10.1.2.3", "203.0.113.11", 2));
        // A configured single proxy address is trusted too.
        Assert.Equal([HttpStatusCode.NotFound], await LookupsAsync(host, "192.0.2.7", "203.0.113.12", 1));
    }

    [Fact]
    public async Task From_an_untrusted_peer_X_Forwarded_For_is_ignored()
    {
        await using var host = await ProxiedHostAsync();
        // Changing the claimed address does not buy a new budget: the peer's own address counts.
        var statuses = new List<HttpStatusCode>();
        statuses.AddRange(await LookupsAsync(host, "198.51.100.7", "203.0.113.20", 1));
        statuses.AddRange(await LookupsAsync(host, "198.51.100.7", "203.0.113.21", 1));
        statuses.AddRange(await LookupsAsync(host, "198.51.100.7", "203.0.113.22", 1));
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    private Task<IAlbaHost> ProxiedHostAsync() =>
        AppFixture.StartAsync("Development", app.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["RateLimits:LookupPerMinute"] = "2",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
            ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.7",
            ["Database:MigrateOnStartup"] = "false",
            ["Database:SeedDemoData"] = "false",
        });

    private static async Task<List<HttpStatusCode>> LookupsAsync(IAlbaHost host, string peer, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            var result = await host.Scenario(s =>
            {
                s.Post.Json(UnknownCase).ToUrl(Lookup);
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(peer));
                s.WithRequestHeader("X-Forwarded-For", forwardedFor);
                s.IgnoreStatusCode();
            });
            statuses.Add((HttpStatusCode)result.Context.Response.StatusCode);
        }

        return statuses;
    }
}
