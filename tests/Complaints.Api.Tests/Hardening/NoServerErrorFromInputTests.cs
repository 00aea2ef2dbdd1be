using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Hardening;

/// <summary>Issue #14, finding 2: each kind of bad input the attack found answered 500, answered as the caller's fault.</summary>
[Collection(ApiCollection.Name)]
public sealed class NoServerErrorFromInputTests(AppFixture app)
{
    [Theory]
    [InlineData("facts", "事实\u0000经过")]
    [InlineData("request", "\u001b[2J请求")]
    [InlineData("facts", "c1\u0085control")]
    public async Task Control_characters_in_a_text_field_are_refused_with_400_naming_the_field(string field, string text)
    {
        var body = Online();
        body[field] = text;
        var response = await (await app.Host.ClientAsync("citizen")).PostAsJsonAsync("/api/v1/complaints", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.validation_failed", field);
    }

    [Fact]
    public async Task Control_characters_in_a_nested_field_name_the_nested_field()
    {
        var body = Online();
        body["respondent"] = new { agencyId = WuhuaMarket, windowNumber = "A\u000112" };
        var response = await (await app.Host.ClientAsync("citizen")).PostAsJsonAsync("/api/v1/complaints", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.validation_failed", "respondent.windowNumber");
    }

    [Fact]
    public async Task An_escaped_unpaired_surrogate_is_refused_with_400()
    {
        var json = JsonSerializer.Serialize(Online()).Replace("\"request\":\"", "\"request\":\"\\ud800", StringComparison.Ordinal);
        var response = await (await app.Host.ClientAsync("citizen")).PostAsync("/api/v1/complaints", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Control_characters_in_a_query_value_are_refused_with_400_naming_the_parameter()
    {
        var response = await app.Host.Server.CreateClient().GetAsync("/api/v1/agencies?q=%E5%B8%82%00");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.validation_failed", "q");
    }

    [Theory]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=\"\"")]
    public async Task A_body_in_an_unknown_or_other_charset_is_refused_with_415(string contentType)
    {
        var content = new StringContent(JsonSerializer.Serialize(Online()));
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var response = await (await app.Host.ClientAsync("citizen")).PostAsync("/api/v1/complaints", content);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type", "Content-Type");
    }

    [Fact]
    public async Task A_utf8_charset_is_accepted()
    {
        var content = new StringContent(JsonSerializer.Serialize(Online()), Encoding.UTF8, "application/json");
        Assert.Equal("utf-8", content.Headers.ContentType!.CharSet);
        var response = await (await app.Host.ClientAsync("citizen")).PostAsync("/api/v1/complaints", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("0001-01-01", "9999-12-31")]
    [InlineData("9999-12-31", "9999-12-31")]
    [InlineData("0001-01-01", "0001-01-01")]
    public async Task Extreme_spot_check_dates_are_answered_without_a_server_error(string from, string to)
    {
        var response = await (await app.Host.ClientAsync("management_officer")).PostAsJsonAsync("/api/v1/spot-checks", new { regionCode = "530102", from, to, sampleSize = 3 });

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("/api/v1/calendar/deadline?from=9999-12-31&workingDays=30")]
    [InlineData("/api/v1/calendar/deadline?from=0001-01-01&workingDays=30")]
    [InlineData("/api/v1/calendar/deadline?from=2026-11-20&workingDays=2147483647")]
    [InlineData("/api/v1/calendar/deadline?from=2026-11-20&workingDays=-5")]
    [InlineData("/api/v1/calendar/99999")]
    [InlineData("/api/v1/calendar/-1")]
    public async Task Extreme_dates_and_numbers_in_a_query_are_answered_without_a_server_error(string url)
    {
        var response = await app.Host.Server.CreateClient().GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("statistics?scope=region:530102&from=0001-01-01&to=9999-12-31")]
    [InlineData("statistics?scope=region:530102&from=9999-12-31&to=0001-01-01")]
    [InlineData("cases?dueBefore=0001-01-01")]
    [InlineData("cases?dueBefore=9999-12-31&limit=2147483647")]
    public async Task Extreme_dates_in_staff_queries_are_answered_without_a_server_error(string url)
    {
        var response = await (await app.Host.ClientAsync("management_officer")).GetAsync("/api/v1/" + url);

        Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<string, string> TokensMissingClaims => new()
    {
        { "citizen without sub", """{"role":"citizen","name":"李明"}""" },
        { "agency officer without agency_id", """{"sub":"x-1","role":"agency_officer"}""" },
        { "management officer without region_code", """{"sub":"x-2","role":"management_officer"}""" },
        { "hotline operator without region_code", """{"sub":"x-3","role":"hotline_operator"}""" },
        { "agency staff with a malformed agency_id", """{"sub":"x-4","role":"agency_staff","agency_id":"not-a-guid"}""" },
    };

    [Theory]
    [MemberData(nameof(TokensMissingClaims))]
    public async Task A_validly_signed_token_missing_a_claim_its_role_needs_gets_401_with_a_problem(string who, string claimsJson)
    {
        var claims = JsonSerializer.Deserialize<Dictionary<string, object>>(claimsJson)!.ToDictionary(c => c.Key, c => (object)c.Value.ToString()!);
        var client = app.Host.ClientWithClaims(claims);
        foreach (var (method, url, body) in new (string, string, object?)[]
        {
            ("POST", "/api/v1/complaints", Online()),
            ("GET", "/api/v1/cases", null),
            ("GET", "/api/v1/me/complaints", null),
            ("GET", "/api/v1/statistics?scope=region:530102", null),
        })
        {
            var response = method == "POST" ? await client.PostAsJsonAsync(url, body) : await client.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{who} {url}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors do not name {field}: {text}");
    }
}
