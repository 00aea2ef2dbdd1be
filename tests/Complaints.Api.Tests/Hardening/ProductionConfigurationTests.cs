using System.Net;
using Alba;
using Microsoft.Extensions.Configuration;
using Complaints.Api.Infrastructure;
using Complaints.Api.Tests.Foundation;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Hardening;

/// <summary>Issue #14, finding 8: production configuration, response headers, docs only where enabled, the request log's status.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProductionConfigurationTests(AppFixture app)
{
    [Fact]
    public async Task Production_refuses_to_start_without_its_security_configuration_naming_what_is_missing()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await AppFixture.StartAsync("Production", TestDatabase.Unreachable);
        });

        var message = failure.ToString();
        foreach (var missing in new[] { "Auth:Authority", "Privacy:ActiveKeyId", "Privacy:BlindIndexKey" })
        {
            Assert.Contains(missing, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Weak_keys_and_a_webhook_without_a_secret_are_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = "http://id.example",
            ["Auth:Issuer"] = "https://id.example",
            ["Privacy:ActiveKeyId"] = "k1",
            ["Privacy:Keys:k1"] = "ZGV2ZWxvcG1lbnQtb25seS1hZXMta2V5LTAwMDAwMDE=",
            ["Privacy:BlindIndexKey"] = Convert.ToBase64String(new byte[32]),
            ["Notifications:Sender"] = "webhook",
            ["Notifications:Webhook:Url"] = "https://sms.example/send",
            ["Notifications:Webhook:Secret"] = "short",
        }).Build();

        var problems = string.Join("\n", ProductionConfiguration.Problems(configuration));

        Assert.Contains("Auth:Authority must be an https URL", problems, StringComparison.Ordinal);
        Assert.Contains("Privacy:Keys:k1 is the Development key", problems, StringComparison.Ordinal);
        Assert.Contains("Privacy:BlindIndexKey is a constant byte string", problems, StringComparison.Ordinal);
        Assert.Contains("Notifications:Webhook:Secret", problems, StringComparison.Ordinal);
        Assert.Empty(ProductionConfiguration.Problems(new ConfigurationBuilder().AddInMemoryCollection(ProductionHost.Settings).Build()));
    }

    [Fact]
    public async Task Responses_carry_nosniff_no_server_header_and_no_store_on_personal_data()
    {
        var client = await app.Host.ClientAsync("citizen");
        foreach (var url in new[] { "/api/v1/me", "/api/v1/me/complaints", "/api/v1/regions?parent=530000" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, url);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(response.Headers.Contains("Server"), url);
            if (url.Contains("/me", StringComparison.Ordinal))
            {
                Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control {response.Headers.CacheControl}");
            }
        }
    }

    [Fact]
    public async Task The_docs_and_the_contract_are_served_only_where_Docs_Enabled()
    {
        await using var production = await ProductionHost.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await production.Server.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await production.Server.CreateClient().GetAsync("/scalar")).StatusCode);

        await using var enabled = await AppFixture.StartAsync("Production", TestDatabase.Unreachable,
            settings: new Dictionary<string, string?>(ProductionHost.Settings) { ["Docs:Enabled"] = "true" });
        Assert.Equal(HttpStatusCode.OK, (await enabled.Server.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Host.Server.CreateClient().GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task The_request_log_records_the_status_the_client_received()
    {
        var logs = new LogCapture();
        await using var host = await AppFixture.StartAsync("Production", TestDatabase.Unreachable, logs: logs, settings: new Dictionary<string, string?>(ProductionHost.Settings));
        var response = await host.Server.CreateClient().GetAsync("/api/v1/regions?parent=530000");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);

        var line = logs.Lines.LastOrDefault(l => l.Contains("HttpLogging", StringComparison.Ordinal) && l.Contains("/api/v1/regions", StringComparison.Ordinal));
        Assert.NotNull(line);
        Assert.Contains("StatusCode=503", line, StringComparison.Ordinal);
    }
}
