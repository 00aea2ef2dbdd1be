using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Statistics;

/// <summary>
/// A known set of nine complaints on a database of their own, received on a fixed day (Wednesday 18 November
/// 2026) that the clock never leaves, so the figures' date range holds them whenever the tests run; every
/// expected figure below is counted by hand from what the test did to them, not by the code under test (第十八条).
/// </summary>
public sealed class StatisticsFixture : IAsyncLifetime
{
    public static readonly DateOnly Day = new(2026, 11, 18);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Day, new TimeOnly(10, 0), TimeSpan.FromHours(8)).ToUniversalTime());

    public IAlbaHost Host { get; private set; } = null!;

    public Guid WuhuaHr { get; } = DemoDirectory.AgencyId(8);

    public async Task InitializeAsync()
    {
        Host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("stats"), Clock, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SubmissionPerMinute"] = "100000",
        });
        var flow = new CaseFlow(Host);

        var c1 = await flow.AcceptedAsync("offsite");
        await flow.ActAsync("agency_staff", c1, "conclusion", new { finding = "substantiated", result = "已纠正" });
        await Rate(flow, "citizen", c1, "satisfied");

        var c2 = await flow.SubmitOnlineAsync("citizen2");
        await flow.ActAsync("management_staff", c2, "referral", new { agencyId = WuhuaMarket });
        await flow.ActAsync("agency_staff", c2, "acceptance", new { decision = "accept", classification = "onsite" });
        await flow.ActAsync("agency_staff", c2, "investigation-records", new { method = "interview", summary = "约谈窗口工作人员" });
        await flow.ActAsync("agency_staff", c2, "conclusion", new { finding = "unsubstantiated", result = "经核实不属实" });
        await flow.ActAsync("agency_staff", c2, "revisit", new { method = "phone", rating = "dissatisfied" });

        var c3 = (await (await flow.As("hotline_operator")).SubmitAsync(Registered("phone_12345", Person()))).GetProperty("id").GetGuid();
        await flow.ActAsync("management_staff", c3, "acceptance", new { decision = "not_accept", reason = "other_legal_channel" });

        var c4 = (await (await flow.As("enterprise")).SubmitAsync(Online(channel: "online_portal"))).GetProperty("id").GetGuid();
        await flow.ActAsync("management_staff", c4, "referral", new { agencyId = WuhuaMarket });
        await flow.ActAsync("agency_staff", c4, "acceptance", new { decision = "accept", classification = "offsite" });
        await flow.ActAsync("agency_staff", c4, "extension", new { reason = "需调取录像" });
        await flow.ActAsync("agency_staff", c4, "investigation-records", new { method = "records_retrieval", summary = "调取监控录像,录像已覆盖" });
        await flow.ActAsync("agency_staff", c4, "conclusion", new { finding = "unverifiable", result = "无法核实" });
        await Rate(flow, "enterprise", c4, "very_dissatisfied");
        await flow.ActAsync("management_staff", c4, "rectification", new { requirement = "完善制度", dueDate = "2099-01-31" });
        await flow.ActAsync("agency_staff", c4, "rectification/completion", new { report = "已完善" });
        await flow.ActAsync("management_staff", c4, "rectification/verification", new { accepted = true });

        var c5 = await flow.SubmitOnlineAsync();
        await flow.ActAsync("management_staff", c5, "referral", new { agencyId = WuhuaMarket });
        await flow.ActAsync("agency_staff", c5, "acceptance", new { decision = "not_accept", reason = "repeat_without_new_evidence", relatedCaseId = c1 });

        var c6 = (await (await flow.As("agency_staff")).SubmitAsync(Registered("in_person", Person()))).GetProperty("id").GetGuid();

        var c7 = await flow.SubmitOnlineAsync("citizen", WuhuaHr);
        await flow.ActAsync("management_staff", c7, "major-report", new { summary = "群体性诉求" });

        await flow.SubmitOnlineAsync("citizen", DemoDirectory.AgencyId(17)); // c8: 曲靖, outside 五华区

        var c9 = (await (await flow.As("hotline_operator")).SubmitAsync(Registered("phone_12345", Person()))).GetProperty("id").GetGuid();
        await flow.ActAsync("management_staff", c9, "referral", new { agencyId = WuhuaMarket });
        await flow.ActAsync("agency_staff", c9, "merge", new { intoCaseId = c6 });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private static async Task Rate(CaseFlow flow, string persona, Guid id, string rating) =>
        Assert.Equal(HttpStatusCode.OK, (await (await flow.As(persona)).PostAsJsonAsync($"/api/v1/complaints/{id}/satisfaction", new { rating })).StatusCode);
}

public sealed class StatisticsTests(StatisticsFixture data) : IClassFixture<StatisticsFixture>
{
    private static string Range => $"from={StatisticsFixture.Day.AddDays(-1):yyyy-MM-dd}&to={StatisticsFixture.Day:yyyy-MM-dd}";

    [Fact]
    public async Task A_county_sees_the_figures_of_第十八条_for_its_own_division()
    {
        var f = await FiguresAsync("management_staff", "region:530102");
        Assert.Equal(8, f.GetProperty("received").GetInt32());
        var channels = f.GetProperty("receivedByChannel");
        Assert.Equal(4, channels.GetProperty("online_app").GetInt32()); // c1, c2, c5, c7
        Assert.Equal(1, channels.GetProperty("online_portal").GetInt32()); // c4
        Assert.Equal(2, channels.GetProperty("phone_12345").GetInt32());
        Assert.Equal(1, channels.GetProperty("in_person").GetInt32());
        Assert.Equal(0, channels.GetProperty("letter").GetInt32());
        Assert.Equal(3, f.GetProperty("accepted").GetInt32());
        Assert.Equal(2, f.GetProperty("notAccepted").GetInt32());
        Assert.Equal(1, f.GetProperty("notAcceptedByReason").GetProperty("other_legal_channel").GetInt32());
        Assert.Equal(1, f.GetProperty("notAcceptedByReason").GetProperty("repeat_without_new_evidence").GetInt32());
        Assert.Equal(5, f.GetProperty("referred").GetInt32());
        Assert.Equal(5, f.GetProperty("referredOnTime").GetInt32());
        Assert.Equal(0, f.GetProperty("referredLate").GetInt32());
        Assert.Equal(5, f.GetProperty("decided").GetInt32()); // c1, c2, c4 accepted; c3 (by the department), c5 rejected
        Assert.Equal(5, f.GetProperty("decidedOnTime").GetInt32());
        Assert.Equal(0, f.GetProperty("decidedLate").GetInt32());
        Assert.Equal(1, f.GetProperty("onsite").GetInt32());
        Assert.Equal(2, f.GetProperty("offsite").GetInt32());
        Assert.Equal(3, f.GetProperty("concluded").GetInt32());
        Assert.Equal(3, f.GetProperty("concludedOnTime").GetInt32());
        Assert.Equal(1, f.GetProperty("extended").GetInt32());
        Assert.Equal(0, f.GetProperty("overdueNow").GetInt32());
        Assert.Equal(1, f.GetProperty("merged").GetInt32());
        Assert.Equal(1, f.GetProperty("findings").GetProperty("substantiated").GetInt32());
        Assert.Equal(1, f.GetProperty("findings").GetProperty("unsubstantiated").GetInt32());
        Assert.Equal(1, f.GetProperty("findings").GetProperty("unverifiable").GetInt32());
        Assert.Equal(2, f.GetProperty("invalid").GetInt32());
        Assert.Equal(1, f.GetProperty("satisfaction").GetProperty("satisfied").GetInt32());
        Assert.Equal(1, f.GetProperty("satisfaction").GetProperty("dissatisfied").GetInt32());
        Assert.Equal(1, f.GetProperty("satisfaction").GetProperty("very_dissatisfied").GetInt32());
        Assert.Equal(3, f.GetProperty("rated").GetInt32());
        Assert.Equal(1.0 / 3, f.GetProperty("satisfactionRate").GetDouble(), 6);
        Assert.Equal(1, f.GetProperty("rectificationsOrdered").GetInt32());
        Assert.Equal(1, f.GetProperty("rectificationsCompleted").GetInt32());
        Assert.Equal(1, f.GetProperty("major").GetInt32());
        var top = f.GetProperty("topRespondentAgencies");
        Assert.Equal(DemoDirectory.WuhuaMarketRegulation, top[0].GetProperty("agencyId").GetGuid());
        Assert.Equal(7, top[0].GetProperty("count").GetInt32());
        Assert.Equal(1, top[1].GetProperty("count").GetInt32());
        Assert.Equal(8, f.GetProperty("topServiceItems")[0].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task The_province_sees_its_whole_subtree()
    {
        var f = await FiguresAsync("province_management", "region:530000");
        Assert.Equal(9, f.GetProperty("received").GetInt32());
        Assert.Equal(5, f.GetProperty("receivedByChannel").GetProperty("online_app").GetInt32());
    }

    [Fact]
    public async Task An_agency_sees_the_complaints_about_itself()
    {
        var f = await FiguresAsync("agency_staff", $"agency:{DemoDirectory.WuhuaMarketRegulation}");
        Assert.Equal(7, f.GetProperty("received").GetInt32());
        Assert.Equal(0, f.GetProperty("major").GetInt32());
    }

    [Theory]
    [InlineData("management_staff", "region:530100", HttpStatusCode.Forbidden)]
    [InlineData("management_staff", "region:530000", HttpStatusCode.Forbidden)]
    [InlineData("other_agency_staff", "agency:a0000000-0000-4000-8000-000000000007", HttpStatusCode.Forbidden)]
    [InlineData("agency_staff", "region:530102", HttpStatusCode.Forbidden)]
    [InlineData("province_management", "agency:a0000000-0000-4000-8000-000000000007", HttpStatusCode.OK)]
    [InlineData("management_officer", "agency:a0000000-0000-4000-8000-000000000007", HttpStatusCode.OK)]
    [InlineData("citizen", "region:530102", HttpStatusCode.Forbidden)]
    [InlineData("province_management", "region:999999", HttpStatusCode.BadRequest)]
    [InlineData("province_management", "everything", HttpStatusCode.BadRequest)]
    public async Task Figures_are_for_the_scopes_own_staff_and_the_management_above_it(string persona, string scope, HttpStatusCode expected)
    {
        var response = await (await data.Host.ClientAsync(persona)).GetAsync($"/api/v1/statistics?scope={scope}&{Range}");
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<JsonElement> FiguresAsync(string persona, string scope)
    {
        var text = await (await data.Host.ClientAsync(persona)).GetStringAsync($"/api/v1/statistics?scope={scope}&{Range}");
        return JsonDocument.Parse(text).RootElement.GetProperty("figures");
    }
}
