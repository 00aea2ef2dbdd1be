using System.Net;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Cases;

[Collection(ApiCollection.Name)]
public sealed class InvestigationTests(AppFixture app)
{
    [Fact]
    public async Task An_invalid_finding_and_a_disputed_case_need_an_investigation_step_before_conclusion_第十四条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.AcceptedAsync("offsite");

        var refused = await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "unsubstantiated", result = "不属实" }, HttpStatusCode.Conflict);
        Assert.Equal("complaint.investigation_required", refused.GetProperty("code").GetString());
        Assert.Equal("第十四条", refused.GetProperty("article").GetString());

        // The respondent disputes the complaint: its statement is recorded, and the facts must then be investigated.
        var statement = await flow.ActAsync("agency_staff", id, "investigation-records", new { method = "respondent_statement", summary = "窗口人员否认态度恶劣。", disputed = true });
        var record = statement.GetProperty("investigationRecords")[0];
        Assert.Equal("respondent_statement", record.GetProperty("method").GetString());
        Assert.True(record.GetProperty("disputed").GetBoolean());
        await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "partially_substantiated", result = "部分属实" }, HttpStatusCode.Conflict);
        await flow.ActAsync("agency_staff", id, "investigation-records", new { method = "interview", summary = "约谈窗口工作人员", disputed = true }, HttpStatusCode.BadRequest);

        await flow.ActAsync("agency_staff", id, "investigation-records", new { method = "records_retrieval", summary = "调取窗口监控录像。" });
        var concluded = await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "unsubstantiated", result = "经调取录像,投诉情况不属实。" });
        Assert.True(concluded.GetProperty("result").GetProperty("invalidComplaint").GetBoolean());

        var form = await (await flow.As("agency_staff")).GetStringAsync($"/api/v1/cases/{id}/documents/registration-form");
        Assert.Contains("respondent_statement", form, StringComparison.Ordinal);
        var html = await (await flow.As("agency_staff")).SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}/documents/registration-form") { Headers = { { "Accept", "text/html" } } });
        Assert.Contains("被投诉人陈述(与投诉事项存在争议)", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
