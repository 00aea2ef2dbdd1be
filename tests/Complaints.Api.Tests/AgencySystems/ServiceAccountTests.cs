using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Auth;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.AgencySystems;

/// <summary>
/// Service accounts of agencies' and departments' own systems (client-credentials tokens): the remit of that body's
/// staff (第五条), never a confidential complainant's identity (第九条) unless the token names one of the body's
/// complaint officers (第四条).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ServiceAccountTests(AppFixture app)
{
    private static Dictionary<string, object> AgencySystem(string? officer = null, Guid? agency = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "client-test-agency-system",
            ["role"] = Roles.AgencySystem,
            ["agency_id"] = (agency ?? DemoDirectory.WuhuaMarketRegulation).ToString(),
        };
        if (officer is not null)
        {
            claims["officer_sub"] = officer;
        }

        return claims;
    }

    private async Task<Guid> ConfidentialCaseAsync()
    {
        var body = ComplaintBodies.Online();
        body["confidential"] = true;
        return (await (await app.Host.ClientAsync("citizen")).SubmitAsync(body)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task An_agency_system_works_its_agencys_cases_like_its_staff_第五条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync("citizen2");
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = ComplaintBodies.WuhuaMarket });
        var accepted = await flow.ActAsync("agency_system", id, "acceptance", new { decision = "accept", classification = "offsite" });
        Assert.Equal("in_handling", accepted.GetProperty("status").GetString());
        var queue = await (await flow.As("agency_system")).GetAsync("/api/v1/cases?status=in_handling&limit=1");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await flow.As("agency_system")).GetAsync($"/api/v1/cases/{id}/documents/referral-form")).StatusCode);
    }

    [Fact]
    public async Task A_service_account_cannot_read_a_case_outside_its_remit_404_第五条()
    {
        var qujing = await new CaseFlow(app.Host).SubmitOnlineAsync("citizen2", DemoDirectory.AgencyId(17));
        foreach (var persona in new[] { "agency_system", "department_system" })
        {
            var client = await app.Host.ClientAsync(persona);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/cases/{qujing}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"/api/v1/cases/{qujing}/referral", new { agencyId = DemoDirectory.AgencyId(17) })).StatusCode);
        }

        var other = app.Host.ClientWithClaims(AgencySystem(agency: DemoDirectory.PanlongHumanResources));
        var wuhua = await new CaseFlow(app.Host).SubmitOnlineAsync("citizen2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{wuhua}")).StatusCode);
    }

    [Theory]
    [InlineData("agency_system")]
    [InlineData("department_system")]
    public async Task A_service_account_never_sees_a_confidential_identity_403_第九条(string persona)
    {
        var id = await ConfidentialCaseAsync();
        var client = await app.Host.ClientAsync(persona);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/cases/{id}/complainant")).StatusCode);
        var view = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/cases/{id}")).RootElement;
        Assert.True(!view.TryGetProperty("complainant", out var complainant) || complainant.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task A_service_account_naming_one_of_its_officers_sees_the_identity_and_the_read_is_audited_第四条_第九条()
    {
        var id = await ConfidentialCaseAsync();
        var client = app.Host.ClientWithClaims(AgencySystem(officer: "agency-officer-qian-min"));
        var response = await client.GetAsync($"/api/v1/cases/{id}/complainant");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("53010219880119123X", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await (await app.Host.ClientAsync("agency_officer")).GetStringAsync($"/api/v1/cases/{id}/audit");
        Assert.Contains("client-test-agency-system", audit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody-at-all")]
    [InlineData("management-officer-wu-jing")] // an officer, but of the department, not of this agency
    public async Task A_service_account_naming_someone_who_is_not_its_officer_stays_without_the_identity(string named)
    {
        var id = await ConfidentialCaseAsync();
        var client = app.Host.ClientWithClaims(AgencySystem(officer: named));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/cases/{id}/complainant")).StatusCode);
    }

    [Fact]
    public async Task A_staff_token_cannot_promote_itself_by_naming_an_officer()
    {
        var id = await ConfidentialCaseAsync();
        var client = app.Host.ClientWithClaims(new Dictionary<string, object>
        {
            ["sub"] = "agency-staff-zhao-qiang",
            ["role"] = Roles.AgencyStaff,
            ["agency_id"] = DemoDirectory.WuhuaMarketRegulation.ToString(),
            ["officer_sub"] = "agency-officer-qian-min",
        });
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/cases/{id}/complainant")).StatusCode);
    }

    [Theory]
    [InlineData("agency_system")]
    [InlineData("management_system")]
    public async Task A_service_account_token_that_names_no_agency_or_department_is_refused(string role)
    {
        var client = app.Host.ClientWithClaims(new Dictionary<string, object> { ["sub"] = "client-without-body", ["role"] = role });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/cases")).StatusCode);
    }
}
