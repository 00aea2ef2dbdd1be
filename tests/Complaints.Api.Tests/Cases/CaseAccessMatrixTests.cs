using System.Net;
using System.Net.Http.Json;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Cases;

/// <summary>
/// Every case endpoint for every persona (第五条 属地管理): roles outside casework are refused (403);
/// a case outside the caller's remit is 404, exactly as if it did not exist; inside it, reads succeed
/// and actions are decided by the rules (never a 404, never a 500).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CaseAccessMatrixTests(AppFixture app)
{
    private static readonly string[] CaseworkRoles = ["agency_staff", "agency_officer", "other_agency_staff", "management_staff", "management_officer", "province_management", "agency_system", "department_system"];
    private static readonly string[] Officers = ["agency_officer", "management_officer"];

    private static readonly (string Path, object Body)[] Actions =
    [
        ("referral", new { agencyId = DemoDirectory.WuhuaMarketRegulation }),
        ("acceptance", new { decision = "not_accept", reason = "other_legal_channel" }),
        ("extension", new { reason = "复杂" }),
        ("investigation-records", new { method = "interview", summary = "谈话" }),
        ("conclusion", new { finding = "substantiated", result = "办结" }),
        ("merge", new { intoCaseId = Guid.NewGuid() }),
        ("coordination", new { leadAgencyId = DemoDirectory.WuhuaMarketRegulation, cooperatingAgencyIds = new[] { DemoDirectory.AgencyId(8) } }),
        ("revisit", new { method = "phone", rating = "satisfied" }),
        ("rectification", new { requirement = "整改", dueDate = "2099-01-01" }),
        ("rectification/completion", new { report = "已整改" }),
        ("rectification/verification", new { accepted = true }),
        ("major-report", new { summary = "重大" }),
    ];

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var persona in Personas.All.Select(p => p.Key))
        {
            foreach (var endpoint in new[] { "get", "complainant", "audit" }.Concat(Actions.Select(a => a.Path)))
            {
                data.Add(persona, endpoint);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_persona_gets_the_status_its_remit_allows_on_each_case_endpoint(string persona, string endpoint)
    {
        // A 五华区 case (530102): seen by its agency, its department and the province; not by 盘龙区's agency.
        var wuhua = await new CaseFlow(app.Host).SubmitOnlineAsync("citizen2");
        // A 曲靖 case (530300): of all the personas, only the province sees it.
        var qujing = await new CaseFlow(app.Host).SubmitOnlineAsync("citizen2", DemoDirectory.AgencyId(17));
        var client = await app.Host.ClientAsync(persona);

        foreach (var (caseId, visibleTo) in new[]
        {
            (wuhua, new[] { "agency_staff", "agency_officer", "management_staff", "management_officer", "province_management", "agency_system", "department_system" }),
            (qujing, new[] { "province_management" }),
        })
        {
            var status = await CallAsync(client, caseId, endpoint);
            var expected = Expected(persona, endpoint, visibleTo.Contains(persona));
            if (expected is { } exact)
            {
                Assert.True(exact == status, $"{persona} {endpoint} on {caseId}: expected {(int)exact}, got {(int)status}");
            }
            else
            {
                Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.Conflict,
                    $"{persona} {endpoint} on a visible case: got {(int)status}");
            }
        }
    }

    [Theory]
    [InlineData("citizen", HttpStatusCode.Forbidden)]
    [InlineData("hotline_operator", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("agency_staff", HttpStatusCode.OK)]
    [InlineData("management_officer", HttpStatusCode.OK)]
    public async Task The_queue_is_for_casework_roles_only(string persona, HttpStatusCode expected)
    {
        var response = await (await app.Host.ClientAsync(persona)).GetAsync("/api/v1/cases");
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Queues_hold_only_cases_within_the_callers_remit()
    {
        // Two counties of their own, so that the queues read hold only these two cases.
        var here = await TestRemit.CreateAsync(app.Host);
        var elsewhere = await TestRemit.CreateAsync(app.Host);
        var mine = await new CaseFlow(app.Host, here).SubmitOnlineAsync();
        var theirs = await new CaseFlow(app.Host, elsewhere).SubmitOnlineAsync();
        static async Task<string> QueueOf(HttpClient client) => await client.GetStringAsync("/api/v1/cases?limit=200");

        var agency = await QueueOf(here.Agency);
        Assert.Contains(mine.ToString(), agency, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), agency, StringComparison.Ordinal);
        Assert.DoesNotContain(mine.ToString(), await QueueOf(elsewhere.Agency), StringComparison.Ordinal);
        var county = await QueueOf(here.Department);
        Assert.Contains(mine.ToString(), county, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.ToString(), county, StringComparison.Ordinal);
    }

    private static HttpStatusCode? Expected(string persona, string endpoint, bool visible)
    {
        if (!CaseworkRoles.Contains(persona) || (endpoint == "complainant" && !Officers.Contains(persona)))
        {
            return HttpStatusCode.Forbidden;
        }

        if (!visible)
        {
            return HttpStatusCode.NotFound;
        }

        return endpoint switch
        {
            "get" or "complainant" => HttpStatusCode.OK,
            "audit" => Officers.Contains(persona) || persona.Contains("management", StringComparison.Ordinal) || persona == "department_system" ? HttpStatusCode.OK : HttpStatusCode.Forbidden,
            _ => null,
        };
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, Guid id, string endpoint)
    {
        var response = endpoint switch
        {
            "get" => await client.GetAsync($"/api/v1/cases/{id}"),
            "complainant" or "audit" => await client.GetAsync($"/api/v1/cases/{id}/{endpoint}"),
            _ => await client.PostAsJsonAsync($"/api/v1/cases/{id}/{endpoint}", Actions.Single(a => a.Path == endpoint).Body),
        };
        return response.StatusCode;
    }
}
