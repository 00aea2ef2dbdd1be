using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

[Collection(ApiCollection.Name)]
public sealed class OpenApiContractTests(AppFixture app)
{
    private static string CommittedPath => Path.Combine(RepoPaths.Root, "openapi", "v1.json");

    /// <summary>
    /// The committed openapi/v1.json is the published contract. Regenerate it with
    /// <c>COMPLAINTS_UPDATE_OPENAPI=1 ./test.sh --filter OpenApiContract</c>.
    /// </summary>
    [Fact]
    public async Task The_committed_contract_equals_the_served_document()
    {
        var served = JsonNode.Parse(await ServedAsync())!;
        var pretty = served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (Environment.GetEnvironmentVariable("COMPLAINTS_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, pretty);
        }

        Assert.True(File.Exists(CommittedPath), $"{CommittedPath} is missing: regenerate it (see README).");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath));
        Assert.True(JsonNode.DeepEquals(served, committed),
            "openapi/v1.json differs from what the app serves: regenerate it with COMPLAINTS_UPDATE_OPENAPI=1 ./test.sh --filter OpenApiContract");
    }

    [Fact]
    public async Task The_contract_is_OpenAPI_3_1_with_a_bearer_scheme_and_no_development_endpoints()
    {
        using var document = JsonDocument.Parse(await ServedAsync());
        var root = document.RootElement;
        Assert.StartsWith("3.1", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("info").GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("info").GetProperty("description").GetString()));
        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            Assert.DoesNotContain("/api/dev", path.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_documented_responses()
    {
        using var document = JsonDocument.Parse(await ServedAsync());
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {path.Name} has no summary");
                Assert.True(operation.Value.GetProperty("responses").EnumerateObject().Any(), $"{operation.Name} {path.Name} has no responses");
            }
        }
    }

    [Fact]
    public async Task The_api_reference_is_served_at_scalar()
    {
        await app.Host.Scenario(s => { s.Get.Url("/scalar/"); s.StatusCodeShouldBeOk(); });
    }

    private async Task<string> ServedAsync()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/openapi/v1.json"); s.StatusCodeShouldBeOk(); });
        return await result.ReadAsTextAsync();
    }
}
