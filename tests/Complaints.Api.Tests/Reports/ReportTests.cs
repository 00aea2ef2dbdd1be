using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace Complaints.Api.Tests.Reports;

/// <summary>Complaints received in May 2026; the reporting happens in July, around the 15 July due date (第十八条).</summary>
public sealed class ReportingFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 11, 2, 0, 0, TimeSpan.Zero));

    public IAlbaHost Host { get; private set; } = null!;

    public HttpClient Kunming { get; private set; } = null!;

    public HttpClient WuhuaHr { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("reports"), Clock, settings: new Dictionary<string, string?>
        {
            ["DeadlineMonitor:Interval"] = "20.00:00:00",
        });
        Kunming = Host.ClientWithClaims(new() { ["sub"] = "management-kunming", ["role"] = "management_staff", ["region_code"] = "530100" });
        WuhuaHr = Host.ClientWithClaims(new() { ["sub"] = "agency-wuhua-hr", ["role"] = "agency_staff", ["agency_id"] = DemoDirectory.AgencyId(8).ToString() });

        var flow = new CaseFlow(Host);
        await flow.SubmitOnlineAsync();                                   // 五华区市场监督管理局 (530102)
        await flow.SubmitOnlineAsync("citizen2");                         // 五华区市场监督管理局 (530102)
        await flow.SubmitOnlineAsync("citizen", DemoDirectory.AgencyId(8));  // 五华区人社局 (530102)
        await flow.SubmitOnlineAsync("citizen", DemoDirectory.AgencyId(2));  // 昆明市市场监管局 (530100)
        await flow.SubmitOnlineAsync("citizen", DemoDirectory.AgencyId(11)); // 盘龙区人社局 (530103)
        Clock.Advance(TimeSpan.FromDays(56)); // Monday 6 July 2026
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class ReportTests(ReportingFixture data) : IClassFixture<ReportingFixture>
{
    [Fact]
    public async Task Reporting_up_the_hierarchy_on_time_and_late_第十八条()
    {
        var county = await data.Host.ClientAsync("management_staff");
        var agency = await data.Host.ClientAsync("agency_staff");

        // An agency reports its quarter to its own level by 15 July.
        var quarter = await SubmitAsync(agency, "2026Q2", $"agency:{DemoDirectory.WuhuaMarketRegulation}");
        Assert.Equal(2, quarter.GetProperty("figures").GetProperty("received").GetInt32());
        Assert.False(quarter.GetProperty("late").GetBoolean());
        Assert.Equal("2026-07-15", quarter.GetProperty("dueDate").GetString());
        Assert.Equal("530102", quarter.GetProperty("submittedTo").GetString());

        // The county's half-year: its own agencies (3 complaints); it has no level below.
        var countyReport = await SubmitAsync(county, "2026H1", "region:530102");
        Assert.Equal(3, countyReport.GetProperty("figures").GetProperty("received").GetInt32());
        Assert.Equal("530100", countyReport.GetProperty("submittedTo").GetString());

        // The prefecture: its own level (1) plus the county that has reported (3); 盘龙区 has not, so its complaint is missing.
        var prefecture = await SubmitAsync(data.Kunming, "2026H1", "region:530100");
        Assert.Equal(4, prefecture.GetProperty("figures").GetProperty("received").GetInt32());
        Assert.Contains(countyReport.GetProperty("id").GetGuid(), prefecture.GetProperty("includedReports").EnumerateArray().Select(i => i.GetGuid()));
        var missing = prefecture.GetProperty("missingReporters").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("530103", missing);
        Assert.DoesNotContain("530102", missing);

        // After the 15th a quarter report is flagged late.
        data.Clock.Advance(TimeSpan.FromDays(14)); // 20 July
        var lateReport = await SubmitAsync(data.WuhuaHr, "2026Q2", $"agency:{DemoDirectory.AgencyId(8)}");
        Assert.True(lateReport.GetProperty("late").GetBoolean());

        // The province sees who has and has not reported the half-year, with the due date.
        var status = JsonDocument.Parse(await (await data.Host.ClientAsync("province_management")).GetStringAsync("/api/v1/reports?period=2026H1")).RootElement;
        var reporters = status.GetProperty("reporters").EnumerateArray().ToList();
        Assert.Equal(17, reporters.Count); // the province itself and its 16 prefecture-level divisions
        Assert.True(reporters.Single(r => r.GetProperty("scope").GetString() == "region:530100").GetProperty("submitted").GetBoolean());
        Assert.False(reporters.Single(r => r.GetProperty("scope").GetString() == "region:530300").GetProperty("submitted").GetBoolean());
        Assert.All(reporters, r => Assert.Equal("2026-07-15", r.GetProperty("dueDate").GetString()));

        // The county sees which of its agencies have reported the quarter.
        var quarterStatus = JsonDocument.Parse(await county.GetStringAsync("/api/v1/reports?period=2026Q2")).RootElement.GetProperty("reporters").EnumerateArray().ToList();
        Assert.True(quarterStatus.Single(r => r.GetProperty("scope").GetString() == $"agency:{DemoDirectory.WuhuaMarketRegulation}").GetProperty("submitted").GetBoolean());
        Assert.False(quarterStatus.Single(r => r.GetProperty("scope").GetString() == $"agency:{DemoDirectory.AgencyId(9)}").GetProperty("submitted").GetBoolean());

        // Exports.
        var id = prefecture.GetProperty("id").GetGuid();
        var csv = await data.Kunming.GetAsync($"/api/v1/reports/{id}?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("收到投诉", csvText, StringComparison.Ordinal);
        Assert.Contains("收到投诉,4,received", csvText, StringComparison.Ordinal);
        var xlsx = await data.Kunming.GetByteArrayAsync($"/api/v1/reports/{id}?format=xlsx");
        var rows = (await new MemoryStream(xlsx).QueryAsync(useHeaderRow: true)).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => (string)r["key"] == "received" && Convert.ToInt32(r["数值"], System.Globalization.CultureInfo.InvariantCulture) == 4);

        // The province may read the prefecture's report; another agency may not.
        Assert.Equal(HttpStatusCode.OK, (await (await data.Host.ClientAsync("province_management")).GetAsync($"/api/v1/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await data.Host.ClientAsync("other_agency_staff")).GetAsync($"/api/v1/reports/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_report_is_frozen_once_submitted_and_only_for_ended_periods_owed_by_the_reporter()
    {
        var agency = await data.Host.ClientAsync("agency_officer");
        var scope = $"agency:{DemoDirectory.WuhuaMarketRegulation}";
        await SubmitAsync(agency, "2026Q1", scope);
        Assert.Equal(HttpStatusCode.Conflict, (await agency.PostAsJsonAsync("/api/v1/reports", new { period = "2026Q1", scope })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await agency.PostAsJsonAsync("/api/v1/reports", new { period = "2026Q4", scope })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agency.PostAsJsonAsync("/api/v1/reports", new { period = "2026H1", scope })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agency.PostAsJsonAsync("/api/v1/reports", new { period = "2026Q7", scope })).StatusCode);
        var other = await data.Host.ClientAsync("other_agency_staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/reports", new { period = "2025Q4", scope })).StatusCode);
    }

    [Fact]
    public async Task Only_the_periods_the_办法_names_are_owed_and_a_second_half_year_has_no_due_date_第十八条()
    {
        var province = await data.Host.ClientAsync("province_management");
        var county = await data.Host.ClientAsync("management_staff");
        var agency = await data.Host.ClientAsync("agency_staff");

        // Departments of every level: the first half by 15 July, the year by 31 January.
        foreach (var (client, own) in new[] { (province, "region:530000"), (data.Kunming, "region:530100"), (county, "region:530102") })
        {
            var half = await StatusAsync(client, "2026H1");
            Assert.Equal("2026-07-15", half.Single(r => r.GetProperty("scope").GetString() == own).GetProperty("dueDate").GetString());
            var year = await StatusAsync(client, "2025");
            Assert.Equal("2026-01-31", year.Single(r => r.GetProperty("scope").GetString() == own).GetProperty("dueDate").GetString());

            var second = await client.GetAsync("/api/v1/reports?period=2026H2");
            Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
            var problem = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("report.period_not_owed", problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
        }

        // Agencies: quarters only, by the 15th of the next quarter's first month.
        Assert.Equal("2026-04-15", (await StatusAsync(agency, "2026Q1")).Single().GetProperty("dueDate").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await agency.GetAsync("/api/v1/reports?period=2026H1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await agency.GetAsync("/api/v1/reports?period=2026")).StatusCode);

        // Submitting a period nobody owes is refused the same way.
        Assert.Equal(HttpStatusCode.BadRequest, (await county.PostAsJsonAsync("/api/v1/reports", new { period = "2025H2", scope = "region:530102" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await county.PostAsJsonAsync("/api/v1/reports", new { period = "2026Q1", scope = "region:530102" })).StatusCode);
    }

    private static async Task<List<JsonElement>> StatusAsync(HttpClient client, string period)
    {
        var response = await client.GetAsync($"/api/v1/reports?period={period}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{period}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("reporters").EnumerateArray().ToList();
    }

    private static async Task<JsonElement> SubmitAsync(HttpClient client, string period, string scope)
    {
        var response = await client.PostAsJsonAsync("/api/v1/reports", new { period, scope });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{period} {scope}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
