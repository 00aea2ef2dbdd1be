using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Complaints.Api.Tests.Reports;

/// <summary>
/// Its own database and clock, starting the evening before the 办法 came into force (第十九条). One complaint
/// received at 00:00 on 10 July 2022 is referred, accepted and concluded each too late; one carried over from
/// 5 July (a legacy import) sits beside it; the agency reports 2022Q3 on 8 October.
/// </summary>
public sealed class RegulationInForceFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 7, 9, 12, 0, 0, TimeSpan.Zero)); // 20:00 CST

    public IAlbaHost Host { get; private set; } = null!;

    public HttpResponseMessage RefusedBeforeInForce { get; private set; } = null!;

    public HttpResponseMessage Q2 { get; private set; } = null!;

    public JsonElement Q3 { get; private set; }

    public static string Scope => $"agency:{DemoDirectory.WuhuaMarketRegulation}";

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.CreateAsync("inforce");
        Host = await AppFixture.StartAsync("Development", connectionString, Clock, settings: new Dictionary<string, string?>
        {
            ["DeadlineMonitor:Interval"] = "20.00:00:00",
        });
        var flow = new CaseFlow(Host);
        RefusedBeforeInForce = await (await flow.As("citizen")).PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online());

        Clock.Advance(TimeSpan.FromHours(4)); // 00:00 CST, Sunday 10 July 2022
        var id = await flow.SubmitOnlineAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var copy = new NpgsqlCommand("""
                CREATE TEMP TABLE legacy AS SELECT * FROM complaints WHERE id = @id;
                UPDATE legacy SET id = gen_random_uuid(), tracking_number = 'TS530102-20220705-00001', received_at = '2022-07-05T02:00:00Z';
                INSERT INTO complaints SELECT * FROM legacy;
                """, connection);
            copy.Parameters.AddWithValue("id", id);
            await copy.ExecuteNonQueryAsync();
        }

        Clock.Advance(TimeSpan.FromDays(4)); // Thursday 14 July: referral was due Tuesday 12 July (第十条)
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = ComplaintBodies.WuhuaMarket });
        Clock.Advance(TimeSpan.FromDays(7)); // 21 July: the decision was due 19 July (第十一条)
        await flow.ActAsync("agency_staff", id, "acceptance", new { decision = "accept", classification = "offsite" });
        Clock.Advance(TimeSpan.FromDays(20)); // 10 August: conclusion was due 4 August (第十三条)
        await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "substantiated", result = "已纠正" });

        Clock.Advance(TimeSpan.FromDays(59)); // 8 October 2022
        var agency = await flow.As("agency_staff");
        Q2 = await agency.PostAsJsonAsync("/api/v1/reports", new { period = "2022Q2", scope = Scope });
        var q3 = await agency.PostAsJsonAsync("/api/v1/reports", new { period = "2022Q3", scope = Scope });
        var text = await q3.Content.ReadAsStringAsync();
        Assert.True(q3.StatusCode == HttpStatusCode.Created, text);
        Q3 = JsonDocument.Parse(text).RootElement;
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class RegulationInForceTests(RegulationInForceFixture data) : IClassFixture<RegulationInForceFixture>
{
    [Fact]
    public async Task A_complaint_received_before_2022_07_10_cannot_be_registered_第十九条()
    {
        var problem = JsonDocument.Parse(await data.RefusedBeforeInForce.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, data.RefusedBeforeInForce.StatusCode);
        Assert.Equal("complaint.before_regulation", problem.GetProperty("code").GetString());
        Assert.Equal("第十九条", problem.GetProperty("article").GetString());
        Assert.Contains("2022年7月10日", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_for_periods_ending_before_2022_07_10_are_refused_and_the_period_containing_it_counts_from_it_第十九条()
    {
        Assert.Equal(HttpStatusCode.BadRequest, data.Q2.StatusCode);
        Assert.Equal("report.before_regulation", JsonDocument.Parse(await data.Q2.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());

        Assert.Equal(1, data.Q3.GetProperty("figures").GetProperty("received").GetInt32()); // 5 July is not counted
        Assert.Equal("2022-10-15", data.Q3.GetProperty("dueDate").GetString());

        var county = await data.Host.ClientAsync("management_staff");
        Assert.Equal(HttpStatusCode.BadRequest, (await county.GetAsync("/api/v1/reports?period=2022H1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/v1/reports?period=2022Q3")).StatusCode);
    }

    [Fact]
    public async Task Late_referrals_late_acceptance_decisions_and_late_conclusions_are_counted_第十条_第十一条_第十三条()
    {
        var report = data.Q3.GetProperty("figures");
        var county = await data.Host.ClientAsync("management_staff");
        var live = JsonDocument.Parse(await county.GetStringAsync("/api/v1/statistics?scope=region:530102&from=2022-07-10&to=2022-09-30")).RootElement.GetProperty("figures");

        foreach (var f in new[] { report, live })
        {
            Assert.Equal((1, 0, 1), (f.GetProperty("referred").GetInt32(), f.GetProperty("referredOnTime").GetInt32(), f.GetProperty("referredLate").GetInt32()));
            Assert.Equal((1, 0, 1), (f.GetProperty("decided").GetInt32(), f.GetProperty("decidedOnTime").GetInt32(), f.GetProperty("decidedLate").GetInt32()));
            Assert.Equal((1, 0, 1), (f.GetProperty("concluded").GetInt32(), f.GetProperty("concludedOnTime").GetInt32(), f.GetProperty("concludedLate").GetInt32()));
        }
    }

    [Fact]
    public async Task A_report_export_speaks_chinese_names_agencies_and_carries_one_bom_第十八条()
    {
        var agency = await data.Host.ClientAsync("agency_staff");
        var bytes = await agency.GetByteArrayAsync($"/api/v1/reports/{data.Q3.GetProperty("id").GetGuid()}?format=csv");

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.False(bytes.Length > 6 && bytes[3] == 0xEF && bytes[4] == 0xBB && bytes[5] == 0xBF, "a second BOM");
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Contains("报送单位,五华区市场监督管理局", text, StringComparison.Ordinal);
        Assert.Contains("报告期,2022年第三季度", text, StringComparison.Ordinal);
        Assert.Contains("逾期交办,1,referredLate", text, StringComparison.Ordinal);
        Assert.Contains("逾期作出受理决定,1,decidedLate", text, StringComparison.Ordinal);
        Assert.Contains("逾期办结,1,concludedLate", text, StringComparison.Ordinal);
        var app = text.Split('\n').Single(l => l.TrimEnd('\r').EndsWith(",received.online_app", StringComparison.Ordinal));
        Assert.Contains("收到投诉 · “一部手机办事通”", app, StringComparison.Ordinal);
        Assert.Contains(",1,", app, StringComparison.Ordinal);
        Assert.Contains("不予受理 · 第八条第(三)项 已经或者正在通过诉讼、仲裁、行政复议、调解等途径解决", text, StringComparison.Ordinal);
        Assert.Contains("\"被投诉较多的单位 · 第1名 · 五华区市场监督管理局\",1,topRespondentAgencies.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("agency:", text, StringComparison.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            // The label and value columns never carry a wire name; the key column (last) is for machines.
            var label = line[..line.LastIndexOf(',')];
            Assert.DoesNotMatch("[a-z]{3,}", label);
        }
    }
}
