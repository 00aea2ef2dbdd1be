using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Cases;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Cases;

[Collection(ApiCollection.Name)]
public sealed class CaseLifecycleTests(AppFixture app)
{
    [Fact]
    public async Task Online_offsite_path_from_referral_to_verified_rectification_第十至十六条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        var referred = await flow.ActAsync("management_staff", id, "referral", new { agencyId = WuhuaMarket, note = "请依法处理" });
        Assert.Equal("pending_acceptance", referred.GetProperty("status").GetString());
        Assert.True(referred.GetProperty("referredOnTime").GetBoolean());

        var accepted = await flow.ActAsync("agency_staff", id, "acceptance", new { decision = "accept", classification = "offsite" });
        Assert.Equal("in_handling", accepted.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(accepted.GetProperty("deadlines").GetProperty("handlingDue").GetString()));

        await flow.ActAsync("agency_staff", id, "investigation-records", new { method = "interview", summary = "约谈窗口工作人员,核实当日经过。" });
        var extended = await flow.ActAsync("agency_staff", id, "extension", new { reason = "需调取窗口监控录像,情况复杂。" });
        Assert.True(extended.GetProperty("deadlines").GetProperty("extended").GetBoolean());
        await flow.ActAsync("agency_staff", id, "extension", new { reason = "再次延期" }, HttpStatusCode.Conflict);

        var concluded = await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "partially_substantiated", result = "对窗口工作人员批评教育,并向投诉人说明。", measures = "加强窗口培训" });
        Assert.Equal("concluded", concluded.GetProperty("status").GetString());

        var citizen = await flow.As("citizen");
        Assert.Equal(HttpStatusCode.OK, (await citizen.PostAsJsonAsync($"/api/v1/complaints/{id}/satisfaction", new { rating = "dissatisfied" })).StatusCode);

        await flow.ActAsync("management_staff", id, "rectification", new { requirement = "完善窗口一次性告知制度", dueDate = "2099-01-31" });
        await flow.ActAsync("agency_staff", id, "rectification/completion", new { report = "已制定一次性告知清单并培训。" });
        await flow.ActAsync("management_staff", id, "rectification/verification", new { accepted = false, note = "清单未公示" });
        await flow.ActAsync("agency_staff", id, "rectification/completion", new { report = "清单已在大厅公示。" });
        var verified = await flow.ActAsync("management_staff", id, "rectification/verification", new { accepted = true });
        var rectification = verified.GetProperty("rectifications")[0];
        Assert.Equal("verified", rectification.GetProperty("status").GetString());
        Assert.Equal(1, rectification.GetProperty("sentBackCount").GetInt32());

        var events = verified.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("event").GetString()).ToList();
        Assert.Equal(["received", "referred", "accepted", "investigation_recorded", "extended", "concluded", "rated", "rectification_ordered",
            "rectification_completed", "rectification_sent_back", "rectification_completed", "rectification_verified"], events);
    }

    [Fact]
    public async Task An_onsite_complaint_is_concluded_the_day_it_is_accepted_第十三条()
    {
        var flow = new CaseFlow(app.Host);
        var id = (await (await flow.As("agency_officer")).SubmitAsync(Registered("in_person", Person()))).GetProperty("id").GetGuid();
        var accepted = await flow.ActAsync("agency_officer", id, "acceptance", new { decision = "accept", classification = "onsite" });
        var today = accepted.GetProperty("deadlines").GetProperty("handlingDue").GetString();
        Assert.Equal(DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).ToString("yyyy-MM-dd"), today);
        var concluded = await flow.ActAsync("agency_officer", id, "conclusion", new { finding = "substantiated", result = "当场协调办结并致歉。" });
        Assert.True(concluded.GetProperty("concludedOnTime").GetBoolean());
        await flow.ActAsync("agency_officer", id, "extension", new { reason = "x" }, HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("no_clear_respondent_or_request", false)]
    [InlineData("already_accepted_or_in_progress", true)]
    [InlineData("other_legal_channel", false)]
    [InlineData("repeat_without_new_evidence", true)]
    public async Task Rejection_under_each_reason_of_第八条(string reason, bool needsRelatedCase)
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = WuhuaMarket });
        Guid? related = null;
        if (needsRelatedCase)
        {
            await flow.ActAsync("agency_staff", id, "acceptance", new { decision = "not_accept", reason }, HttpStatusCode.BadRequest);
            related = reason == "already_accepted_or_in_progress" ? await flow.AcceptedAsync("offsite") : await ConcludedAsync(flow);
        }

        var rejected = await flow.ActAsync("agency_staff", id, "acceptance", new { decision = "not_accept", reason, relatedCaseId = related, explanation = "依第八条不予受理" });
        Assert.Equal("not_accepted", rejected.GetProperty("status").GetString());
        Assert.Equal(reason, rejected.GetProperty("decision").GetProperty("notAcceptedReason").GetString());
        await flow.ActAsync("agency_staff", id, "acceptance", new { decision = "accept", classification = "offsite" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_receiving_department_may_reject_before_referral_第八条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        var rejected = await flow.ActAsync("management_staff", id, "acceptance", new { decision = "not_accept", reason = "other_legal_channel" });
        Assert.Equal("not_accepted", rejected.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Complaints_about_one_matter_from_two_channels_are_merged_and_both_complainants_kept_第十三条()
    {
        var flow = new CaseFlow(app.Host);
        var target = await flow.AcceptedAsync("offsite");
        var hotline = (await (await flow.As("hotline_operator")).SubmitAsync(Registered("phone_12345", Person()))).GetProperty("id").GetGuid();
        await flow.ActAsync("management_staff", hotline, "referral", new { agencyId = WuhuaMarket });
        var merged = await flow.ActAsync("agency_staff", hotline, "merge", new { intoCaseId = target });
        Assert.Equal("merged", merged.GetProperty("status").GetString());
        Assert.Equal(target, merged.GetProperty("mergedIntoCaseId").GetGuid());

        var into = await flow.GetAsync("agency_staff", target);
        Assert.Contains(into.GetProperty("mergedCases").EnumerateArray(), m => m.GetProperty("caseId").GetGuid() == hotline);
    }

    [Fact]
    public async Task Coordination_names_a_lead_that_alone_concludes_and_cooperating_agencies_that_investigate_第十五条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.AcceptedAsync("offsite");
        var other = global::Complaints.Api.Directory.DemoDirectory.AgencyId(8); // 五华区人力资源和社会保障局
        var coordinated = await flow.ActAsync("management_staff", id, "coordination", new { leadAgencyId = WuhuaMarket, cooperatingAgencyIds = new[] { other } });
        Assert.Equal(WuhuaMarket, coordinated.GetProperty("leadAgencyId").GetGuid());

        // 第十五条 across divisions: 五华区 cannot bring in an agency of 曲靖; the common higher level (the province) can.
        var outside = global::Complaints.Api.Directory.DemoDirectory.AgencyId(17); // 曲靖: outside 五华区
        var refused = await flow.ActAsync("management_staff", id, "coordination", new { leadAgencyId = WuhuaMarket, cooperatingAgencyIds = new[] { outside } }, HttpStatusCode.Forbidden);
        Assert.Equal("complaint.coordination_outside_remit", refused.GetProperty("code").GetString());
        Assert.True(refused.GetProperty("errors").TryGetProperty("cooperatingAgencyIds", out _));
        await flow.ActAsync("province_management", id, "coordination", new { leadAgencyId = WuhuaMarket, cooperatingAgencyIds = new[] { other } });
        await flow.ActAsync("management_staff", id, "coordination", new { leadAgencyId = WuhuaMarket, cooperatingAgencyIds = new[] { Guid.NewGuid() } }, HttpStatusCode.BadRequest);
        await flow.ActAsync("agency_staff", id, "investigation-records", new { method = "interview", summary = "约谈双方。" });
        var concluded = await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "unsubstantiated", result = "经核实不属实。" });
        Assert.True(concluded.GetProperty("result").GetProperty("invalidComplaint").GetBoolean());
    }

    [Fact]
    public async Task A_withdrawn_complaint_cannot_be_referred()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await flow.As("citizen")).PostAsJsonAsync($"/api/v1/complaints/{id}/withdrawal", new { reason = "已解决" })).StatusCode);
        var refused = await flow.ActAsync("management_staff", id, "referral", new { agencyId = WuhuaMarket }, HttpStatusCode.Conflict);
        Assert.Equal(ComplaintErrors.InvalidTransition, refused.GetProperty("code").GetString());
        Assert.Contains("「已撤回」", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_major_complaint_is_reported_once_第四条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.AcceptedAsync("offsite");
        var flagged = await flow.ActAsync("management_staff", id, "major-report", new { summary = "涉及群体性诉求" });
        Assert.True(flagged.GetProperty("major").GetBoolean());
        await flow.ActAsync("management_staff", id, "major-report", new { summary = "再次" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_revisit_records_the_method_and_never_overwrites_the_complainants_rating_第十六条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await ConcludedAsync(flow);
        await (await flow.As("citizen")).PostAsJsonAsync($"/api/v1/complaints/{id}/satisfaction", new { rating = "very_dissatisfied" });
        var revisited = await flow.ActAsync("agency_staff", id, "revisit", new { method = "phone", rating = "satisfied", note = "电话回访" });
        Assert.Equal("very_dissatisfied", revisited.GetProperty("complainantRating").GetString());
        Assert.Equal("phone", revisited.GetProperty("revisits")[0].GetProperty("method").GetString());
    }

    private static async Task<Guid> ConcludedAsync(CaseFlow flow)
    {
        var id = await flow.AcceptedAsync("onsite");
        await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "substantiated", result = "已办结。" });
        return id;
    }
}
