using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Complaints.Api.Tests.Reports;

/// <summary>Its own database and clock, starting the evening before the 办法 came into force (第十九条).</summary>
public sealed class RegulationInForceFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2022, 7, 9, 12, 0, 0, TimeSpan.Zero)); // 20:00 CST

    public IAlbaHost Host { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync("inforce");
        Host = await AppFixture.StartAsync("Development", ConnectionString, Clock, settings: new Dictionary<string, string?>
        {
            ["DeadlineMonitor:Interval"] = "20.00:00:00",
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class RegulationInForceTests(RegulationInForceFixture data) : IClassFixture<RegulationInForceFixture>
{
    [Fact]
    public async Task Complaints_before_2022_07_10_are_not_registered_and_reports_count_from_that_day_第十九条()
    {
        var citizen = await data.Host.ClientAsync("citizen");
        var refused = await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online());
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("complaint.before_regulation", problem.GetProperty("code").GetString());
        Assert.Equal("第十九条", problem.GetProperty("article").GetString());
        Assert.Contains("2022年7月10日", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        data.Clock.Advance(TimeSpan.FromHours(4)); // 00:00 CST on 10 July 2022
        var first = (await citizen.SubmitAsync(ComplaintBodies.Online())).GetProperty("id").GetGuid();

        // A complaint carried over from before the 办法 (a legacy import), received on 5 July 2022.
        await using (var connection = new NpgsqlConnection(data.ConnectionString))
        {
            await connection.OpenAsync();
            await using var copy = new NpgsqlCommand("""
                CREATE TEMP TABLE legacy AS SELECT * FROM complaints WHERE id = @id;
                UPDATE legacy SET id = gen_random_uuid(), tracking_number = 'TS530102-20220705-00001', received_at = '2022-07-05T02:00:00Z';
                INSERT INTO complaints SELECT * FROM legacy;
                """, connection);
            copy.Parameters.AddWithValue("id", first);
            await copy.ExecuteNonQueryAsync();
        }

        data.Clock.Advance(TimeSpan.FromDays(90)); // 8 October 2022
        var agency = await data.Host.ClientAsync("agency_staff");
        var scope = $"agency:{DemoDirectory.WuhuaMarketRegulation}";

        var before = await agency.PostAsJsonAsync("/api/v1/reports", new { period = "2022Q2", scope });
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Equal("report.before_regulation", JsonDocument.Parse(await before.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());

        var quarter = await agency.PostAsJsonAsync("/api/v1/reports", new { period = "2022Q3", scope });
        var report = JsonDocument.Parse(await quarter.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Created, quarter.StatusCode);
        Assert.Equal(1, report.GetProperty("figures").GetProperty("received").GetInt32()); // 5 July is not counted
        Assert.Equal("2022-10-15", report.GetProperty("dueDate").GetString());

        // The status of a period that ended before the 办法 has no due date to show.
        var county = await data.Host.ClientAsync("management_staff");
        Assert.Equal(HttpStatusCode.BadRequest, (await county.GetAsync("/api/v1/reports?period=2022H1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync("/api/v1/reports?period=2022Q3")).StatusCode);
    }
}
