using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

/// <summary>
/// Issue #10 item 5: the request rules are declared once (attributes on the request records), published in the
/// contract and enforced by the server, and a body with several bad fields gets one 400 listing every one of them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DeclaredValidationTests(AppFixture app)
{
    [Fact]
    public async Task An_empty_submission_gets_one_400_naming_every_required_field()
    {
        var citizen = await app.Host.ClientAsync("citizen");
        var response = await citizen.PostAsync("/api/v1/complaints", new StringContent("{}", Encoding.UTF8, "application/json"));
        var errors = await ErrorsAsync(response);
        Assert.Equal(["channel", "facts", "request", "respondent", "serviceItem"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public async Task Nested_fields_are_keyed_by_their_JSON_path_and_all_reported_at_once()
    {
        var citizen = await app.Host.ClientAsync("citizen");
        var body = ComplaintBodies.Online();
        body["respondent"] = new { windowNumber = new string('A', 33) };
        body["serviceItem"] = new { code = "X", name = "   " };
        body["facts"] = new string('事', 10_001);
        body["evidenceIds"] = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        var response = await citizen.PostAsJsonAsync("/api/v1/complaints", body);
        var errors = await ErrorsAsync(response);
        Assert.Equal(
            ["evidenceIds", "facts", "respondent.agencyId", "respondent.windowNumber", "serviceItem.name"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_nil_UUID_is_no_agency_and_blank_texts_are_missing_all_named_at_once()
    {
        var citizen = await app.Host.ClientAsync("citizen");
        var body = ComplaintBodies.Online(Guid.Empty);
        body["serviceItem"] = new { name = "" };
        body["facts"] = "";
        body["request"] = " ";
        var errors = await ErrorsAsync(await citizen.PostAsJsonAsync("/api/v1/complaints", body));
        Assert.Equal(["facts", "request", "respondent.agencyId", "serviceItem.name"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_case_action_refuses_every_missing_field_at_once()
    {
        var staff = await app.Host.ClientAsync("management_staff");
        var response = await staff.PostAsync($"/api/v1/cases/{Guid.NewGuid()}/revisit", new StringContent("{}", Encoding.UTF8, "application/json"));
        var errors = await ErrorsAsync(response);
        Assert.Equal(["method", "rating"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Control_characters_are_still_refused_naming_the_field()
    {
        var citizen = await app.Host.ClientAsync("citizen");
        var body = ComplaintBodies.Online();
        body["facts"] = "事实\u0000";
        var response = await citizen.PostAsJsonAsync("/api/v1/complaints", body);
        var errors = await ErrorsAsync(response);
        Assert.Contains("facts", errors.Keys);
    }

    [Fact]
    public async Task The_contract_publishes_the_rules_the_server_enforces()
    {
        var document = JsonNode.Parse(await app.Host.Server.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]!["schemas"]!;

        var submit = schemas["SubmitComplaintRequest"]!;
        Assert.Equal(["channel", "facts", "request", "respondent", "serviceItem"],
            Required(submit).Where(n => n != "confidential").Order(StringComparer.Ordinal));
        Assert.Equal(10_000, submit["properties"]!["facts"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(2_000, submit["properties"]!["request"]!["maxLength"]!.GetValue<int>());
        Assert.NotNull(submit["properties"]!["facts"]!["pattern"]);
        Assert.Equal(9, submit["properties"]!["evidenceIds"]!["maxItems"]!.GetValue<int>());
        Assert.Contains("agencyId", Required(schemas["RespondentInput"]!));
        Assert.Equal(32, schemas["RespondentInput"]!["properties"]!["windowNumber"]!["maxLength"]!.GetValue<int>());

        var draw = schemas["SpotCheckRequest"]!["properties"]!;
        Assert.Equal("^[0-9]{6}$", draw["regionCode"]!["pattern"]!.GetValue<string>());
        Assert.Equal(1, draw["sampleSize"]!["minimum"]!.GetValue<int>());
        Assert.Equal(200, draw["sampleSize"]!["maximum"]!.GetValue<int>());
        Assert.Equal(["method", "rating"], Required(schemas["RevisitRequest"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_value_outside_a_published_range_is_refused_as_published()
    {
        var department = await app.Host.ClientAsync("management_staff");
        var response = await department.PostAsJsonAsync("/api/v1/spot-checks", new { regionCode = "5301", from = "2026-01-01", to = "2026-01-31", sampleSize = 201 });
        var errors = await ErrorsAsync(response);
        Assert.Equal(["regionCode", "sampleSize"], errors.Keys.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Required(JsonNode schema) =>
        schema["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [];

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("request.validation_failed", problem.GetProperty("code").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _), text);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
