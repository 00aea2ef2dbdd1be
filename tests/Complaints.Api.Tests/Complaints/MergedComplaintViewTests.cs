using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Complaints;

[Collection(ApiCollection.Name)]
public sealed class MergedComplaintViewTests(AppFixture app)
{
    [Fact]
    public async Task A_merged_complainant_sees_which_case_their_complaint_joined_and_its_result_第十三条()
    {
        var remit = await TestRemit.CreateAsync(app.Host);
        var flow = new CaseFlow(app.Host, remit);
        var target = await flow.AcceptedAsync("offsite");
        var second = remit.NewCitizen();
        var joined = (await second.SubmitAsync(ComplaintBodies.Online(remit.AgencyId))).GetProperty("id").GetGuid();
        await flow.ActAsync("management_staff", joined, "referral", new { agencyId = remit.AgencyId });
        await flow.ActAsync("agency_staff", joined, "merge", new { intoCaseId = target });

        var before = await MineAsync(second, joined);
        var targetCase = await flow.GetAsync("agency_staff", target);
        Assert.Equal("merged", before.GetProperty("status").GetString());
        Assert.Equal(targetCase.GetProperty("trackingNumber").GetString(), before.GetProperty("mergedInto").GetProperty("trackingNumber").GetString());
        Assert.Equal("in_handling", before.GetProperty("mergedInto").GetProperty("status").GetString());

        await flow.ActAsync("agency_staff", target, "conclusion", new { finding = "substantiated", result = "已责令窗口整改。" });
        var after = await MineAsync(second, joined);
        Assert.Equal("concluded", after.GetProperty("mergedInto").GetProperty("status").GetString());
        Assert.Equal("已责令窗口整改。", after.GetProperty("mergedInto").GetProperty("result").GetProperty("result").GetString());
    }

    private static async Task<JsonElement> MineAsync(HttpClient citizen, Guid id) =>
        (await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/me/complaints/{id}"))!;
}
