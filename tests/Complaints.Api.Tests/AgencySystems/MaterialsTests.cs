using System.Net;
using Alba;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Evidence;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.AgencySystems;

/// <summary>补充材料 (第七条): POST /api/v1/me/complaints/{id}/evidence, and the handling agency's system hears of it.</summary>
[Collection(AgencySystemsCollection.Name)]
public sealed class MaterialsTests(AgencySystemsFixture fx) : IAsyncLifetime
{
    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_complainant_adds_materials_and_the_handling_agency_is_told_第七条()
    {
        await fx.SubscribeAsync(agencyId: DemoDirectory.WuhuaMarketRegulation);
        var flow = new CaseFlow(fx.Host);
        var id = await flow.SubmitOnlineAsync("citizen");
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = DemoDirectory.WuhuaMarketRegulation });
        var token = await fx.Host.ForAsync("citizen");
        var upload = (await fx.Host.UploadOkAsync(token, EvidenceSamples.Jpeg(64, 48), "窗口照片.jpg")).GetProperty("id").GetGuid();
        var citizen = await flow.As("citizen");

        var response = await citizen.PostAsJsonAsync($"/api/v1/me/complaints/{id}/evidence", new { evidenceIds = new[] { upload } });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Contains(upload, JsonDocument.Parse(text).RootElement.GetProperty("evidenceIds").EnumerateArray().Select(e => e.GetGuid()));

        // The agency sees the file; the same file cannot be added twice; someone else cannot add to this complaint.
        var agencyToken = await fx.Host.ForAsync("agency_system");
        await fx.Host.Scenario(s => { s.Get.Url($"/api/v1/evidence/{upload}"); s.WithToken(agencyToken); s.StatusCodeShouldBeOk(); });
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsJsonAsync($"/api/v1/me/complaints/{id}/evidence", new { evidenceIds = new[] { upload } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await flow.As("citizen2")).PostAsJsonAsync($"/api/v1/me/complaints/{id}/evidence", new { evidenceIds = new[] { upload } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsJsonAsync($"/api/v1/me/complaints/{id}/evidence", new { evidenceIds = Array.Empty<Guid>() })).StatusCode);

        var timeline = (await flow.GetAsync("agency_system", id)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Contains("materials_added", timeline);

        await fx.DrainAsync();
        var added = Assert.Single(fx.Receiver.Processed, d => d.Type == "cn.yn.complaints.case.materials_added");
        Assert.Equal(id.ToString(), added.Data.GetProperty("caseId").GetString());
        Assert.Equal("1", added.Data.GetProperty("evidenceCount").GetString());
    }
}
