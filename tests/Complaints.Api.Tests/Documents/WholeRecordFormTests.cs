using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Documents;

/// <summary>第十七条: 附件3 shows the whole record — spot checks, rectification, the major report and merges.</summary>
[Collection(ApiCollection.Name)]
public sealed class WholeRecordFormTests(AppFixture app)
{
    [Fact]
    public async Task The_registration_form_shows_spot_check_verdicts_rectification_major_report_and_merges_第十七条()
    {
        // A county of its own, so that the spot check samples only this test's case.
        var remit = await TestRemit.CreateAsync(app.Host);
        var flow = new CaseFlow(app.Host, remit);
        var id = await flow.AcceptedAsync("offsite");
        var merged = await flow.SubmitOnlineAsync();
        await flow.ActAsync("management_staff", merged, "referral", new { agencyId = remit.AgencyId });
        await flow.ActAsync("agency_staff", merged, "merge", new { intoCaseId = id });
        await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "substantiated", result = "已办结" });
        await flow.ActAsync("management_staff", id, "major-report", new { summary = "群体性诉求" });

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var department = await flow.As("management_staff");
        var drawn = await department.PostAsJsonAsync("/api/v1/spot-checks", new { regionCode = remit.RegionCode, from = today.AddDays(-1), to = today, sampleSize = 1 });
        var spotCheck = JsonDocument.Parse(await drawn.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var reviewed = await department.PostAsJsonAsync($"/api/v1/spot-checks/{spotCheck}/findings", new
        {
            caseId = id, verdict = "improper", note = "未及时反馈", rectification = new { requirement = "建立回访台账", dueDate = today.AddDays(30) },
        });
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        await flow.ActAsync("agency_staff", id, "rectification/completion", new { report = "台账已建立" });
        await flow.ActAsync("management_staff", id, "rectification/verification", new { accepted = true, note = "核验属实" });

        var staff = await flow.As("agency_staff");
        var form = JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/cases/{id}/documents/registration-form")).RootElement;
        var check = Assert.Single(form.GetProperty("spotChecks").EnumerateArray());
        Assert.Equal("improper", check.GetProperty("verdict").GetString());
        Assert.True(check.GetProperty("rectificationOrdered").GetBoolean());
        var rectification = Assert.Single(form.GetProperty("rectifications").EnumerateArray());
        Assert.Equal("verified", rectification.GetProperty("status").GetString());
        Assert.Equal("台账已建立", rectification.GetProperty("report").GetString());
        Assert.Equal("群体性诉求", form.GetProperty("majorReport").GetProperty("summary").GetString());
        Assert.Single(form.GetProperty("mergedTrackingNumbers").EnumerateArray());

        var html = await (await staff.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}/documents/registration-form") { Headers = { { "Accept", "text/html" } } })).Content.ReadAsStringAsync();
        foreach (var text in new[] { "监督检查与整改", "处理不当", "建立回访台账", "核验通过", "重大投诉事项", "群体性诉求", "并入本件的投诉" })
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }

        var mergedForm = JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/cases/{merged}/documents/registration-form")).RootElement;
        Assert.Equal(form.GetProperty("trackingNumber").GetString(), mergedForm.GetProperty("mergedIntoTrackingNumber").GetString());
    }
}
