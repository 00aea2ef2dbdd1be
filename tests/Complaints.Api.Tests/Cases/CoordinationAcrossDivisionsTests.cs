using System.Net;
using System.Net.Http.Json;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Cases;

[Collection(ApiCollection.Name)]
public sealed class CoordinationAcrossDivisionsTests(AppFixture app)
{
    [Fact]
    public async Task The_common_higher_level_coordinates_agencies_of_several_counties_第十五条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.AcceptedAsync("offsite"); // 五华区 (530102)
        var panlong = DemoDirectory.PanlongHumanResources; // 盘龙区 (530103), the neighbouring county

        // 五华区's department cannot bring in 盘龙区: it is outside its remit; the prefecture coordinates.
        var refused = await flow.ActAsync("management_staff", id, "coordination", new { leadAgencyId = ComplaintBodies.WuhuaMarket, cooperatingAgencyIds = new[] { panlong } }, HttpStatusCode.Forbidden);
        Assert.Contains("530100", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var kunming = app.Host.ClientWithClaims(new() { ["sub"] = "management-kunming-15", ["role"] = "management_staff", ["region_code"] = "530100" });
        var coordinated = await kunming.PostAsJsonAsync($"/api/v1/cases/{id}/coordination", new { leadAgencyId = ComplaintBodies.WuhuaMarket, cooperatingAgencyIds = new[] { panlong } });
        Assert.Equal(HttpStatusCode.OK, coordinated.StatusCode);

        // The cooperating agency of the neighbouring county sees the case and investigates (第十五条).
        var panlongStaff = app.Host.ClientWithClaims(new() { ["sub"] = "agency-panlong-15", ["role"] = "agency_staff", ["agency_id"] = panlong.ToString() });
        var investigated = await panlongStaff.PostAsJsonAsync($"/api/v1/cases/{id}/investigation-records", new { method = "records_retrieval", summary = "提供社保业务办理记录。" });
        Assert.Equal(HttpStatusCode.OK, investigated.StatusCode);

        // A lead from another prefecture: only the province's remit holds them both.
        var qujing = DemoDirectory.AgencyId(17);
        Assert.Equal(HttpStatusCode.Forbidden, (await kunming.PostAsJsonAsync($"/api/v1/cases/{id}/coordination", new { leadAgencyId = qujing, cooperatingAgencyIds = new[] { panlong } })).StatusCode);
        await flow.ActAsync("province_management", id, "coordination", new { leadAgencyId = qujing, cooperatingAgencyIds = new[] { ComplaintBodies.WuhuaMarket } });
    }
}
