using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Persistence;
using Complaints.Api.SpotChecks;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.SpotChecks;

[Collection(ApiCollection.Name)]
public sealed class SpotCheckTests(AppFixture app)
{
    [Fact]
    public async Task A_department_draws_a_reproducible_sample_of_concluded_cases_and_orders_rectification_where_handling_was_improper_第十六条()
    {
        // A county of its own: the sample can only draw the cases this test concluded.
        var remit = await TestRemit.CreateAsync(app.Host);
        var flow = new CaseFlow(app.Host, remit);
        for (var i = 0; i < 3; i++)
        {
            var id = await flow.AcceptedAsync("onsite");
            await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "substantiated", result = "已办结" });
        }

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var department = await flow.As("management_staff");
        var drawn = await department.PostAsJsonAsync("/api/v1/spot-checks", new { regionCode = remit.RegionCode, from = today.AddDays(-1), to = today, sampleSize = 3 });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var check = JsonDocument.Parse(await drawn.Content.ReadAsStringAsync()).RootElement;
        var cases = check.GetProperty("cases").EnumerateArray().Select(c => c.GetGuid()).ToList();
        Assert.Equal(3, cases.Count);

        await using (var scope = app.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            var again = await SpotCheckEndpoints.SampleAsync(db, remit.RegionCode, today.AddDays(-1), today, 3, check.GetProperty("seed").GetInt32(), CancellationToken.None);
            Assert.Equal(cases, again);
        }

        foreach (var id in cases)
        {
            Assert.Equal("concluded", (await flow.GetAsync("management_staff", id)).GetProperty("status").GetString());
        }

        var spotCheck = check.GetProperty("id").GetGuid();
        var proper = await department.PostAsJsonAsync($"/api/v1/spot-checks/{spotCheck}/findings", new { caseId = cases[0], verdict = "proper", note = "处理规范" });
        Assert.Equal(HttpStatusCode.OK, proper.StatusCode);
        var improper = await department.PostAsJsonAsync($"/api/v1/spot-checks/{spotCheck}/findings", new
        {
            caseId = cases[1], verdict = "improper", note = "未向投诉人反馈", rectification = new { requirement = "补充反馈并建立回访台账", dueDate = today.AddDays(30) },
        });
        Assert.Equal(HttpStatusCode.OK, improper.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await improper.Content.ReadAsStringAsync()).RootElement.GetProperty("reviewed").GetInt32());
        var rectified = await flow.GetAsync("agency_staff", cases[1]);
        Assert.Equal("ordered", rectified.GetProperty("rectifications")[0].GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await department.PostAsJsonAsync($"/api/v1/spot-checks/{spotCheck}/findings", new { caseId = cases[0], verdict = "proper", note = "再次" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await department.PostAsJsonAsync($"/api/v1/spot-checks/{spotCheck}/findings", new { caseId = Guid.NewGuid(), verdict = "proper", note = "不在样本" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await flow.As("province_management")).GetAsync($"/api/v1/spot-checks/{spotCheck}")).StatusCode);
    }

    [Fact]
    public async Task A_department_spot_checks_only_its_own_division_and_below()
    {
        var department = await app.Host.ClientAsync("management_staff");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync("/api/v1/spot-checks", new { regionCode = "530100", from = today, to = today, sampleSize = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.Host.ClientAsync("agency_staff")).PostAsJsonAsync("/api/v1/spot-checks", new { regionCode = "530102", from = today, to = today, sampleSize = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await department.PostAsJsonAsync("/api/v1/spot-checks", new { regionCode = "530102", from = today, to = today, sampleSize = 0 })).StatusCode);
    }
}
