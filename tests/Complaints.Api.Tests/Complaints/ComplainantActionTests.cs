using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Complaints;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Complaints;

[Collection(ApiCollection.Name)]
public sealed class ComplainantActionTests(AppFixture app)
{
    [Fact]
    public async Task Satisfaction_before_conclusion_is_refused_naming_the_current_state_第十六条()
    {
        var client = await app.Host.ClientAsync("citizen");
        var id = (await client.SubmitAsync(Online())).GetProperty("id").GetGuid();
        var response = await client.PostAsJsonAsync($"/api/v1/complaints/{id}/satisfaction", new { rating = "satisfied" });
        await SubmissionTests.AssertProblemAsync(response, HttpStatusCode.Conflict, ComplaintErrors.InvalidTransition);
        Assert.Contains("「待交办」", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_complainant_rates_a_concluded_complaint_once_第十六条()
    {
        var client = await app.Host.ClientAsync("citizen");
        var id = (await client.SubmitAsync(Online())).GetProperty("id").GetGuid();
        await ConcludeAsync(id);

        var first = await client.PostAsJsonAsync($"/api/v1/complaints/{id}/satisfaction", new { rating = "dissatisfied", comment = "处理太慢" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PostAsJsonAsync($"/api/v1/complaints/{id}/satisfaction", new { rating = "very_satisfied" });
        await SubmissionTests.AssertProblemAsync(second, HttpStatusCode.Conflict, ComplaintErrors.AlreadyRated);

        var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/me/complaints/{id}")).RootElement;
        Assert.Equal("dissatisfied", detail.GetProperty("rating").GetString());
        Assert.Equal("substantiated", detail.GetProperty("result").GetProperty("finding").GetString());
    }

    [Fact]
    public async Task A_rating_outside_the_five_levels_is_a_400_naming_the_field()
    {
        var client = await app.Host.ClientAsync("citizen");
        var id = (await client.SubmitAsync(Online())).GetProperty("id").GetGuid();
        var response = await client.PostAsJsonAsync($"/api/v1/complaints/{id}/satisfaction", new { rating = "ecstatic" });
        await SubmissionTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed", "rating");
    }

    [Fact]
    public async Task The_complainant_withdraws_before_conclusion_and_not_after()
    {
        var client = await app.Host.ClientAsync("citizen");
        var open = (await client.SubmitAsync(Online())).GetProperty("id").GetGuid();
        var withdrawn = await client.PostAsJsonAsync($"/api/v1/complaints/{open}/withdrawal", new { reason = "已自行解决" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal("withdrawn", JsonDocument.Parse(await withdrawn.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        var again = await client.PostAsJsonAsync($"/api/v1/complaints/{open}/withdrawal", new { reason = "再次撤回" });
        await SubmissionTests.AssertProblemAsync(again, HttpStatusCode.Conflict, ComplaintErrors.InvalidTransition);

        var concluded = (await client.SubmitAsync(Online())).GetProperty("id").GetGuid();
        await ConcludeAsync(concluded);
        var late = await client.PostAsJsonAsync($"/api/v1/complaints/{concluded}/withdrawal", new { });
        await SubmissionTests.AssertProblemAsync(late, HttpStatusCode.Conflict, ComplaintErrors.InvalidTransition);
    }

    [Fact]
    public async Task Two_concurrent_changes_to_one_complaint_never_both_succeed()
    {
        var client = await app.Host.ClientAsync("citizen");
        var id = (await client.SubmitAsync(Online())).GetProperty("id").GetGuid();
        await ConcludeAsync(id);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.PostAsJsonAsync($"/api/v1/complaints/{id}/satisfaction", new { rating = i % 2 == 0 ? "satisfied" : "dissatisfied" })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    /// <summary>Casework happens through the domain here: its endpoints are the casework feature's.</summary>
    private async Task ConcludeAsync(Guid id)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
        var complaint = await db.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id);
        var now = app.Clock.GetUtcNow();
        var change = ComplaintChange.Begin(complaint);
        Assert.True(complaint.Refer(calendar, WuhuaMarket, null, Actor.ForManagement("management-staff-zhou-tao", "530102"), now).IsSuccess);
        var agency = Actor.ForAgency("agency-staff-zhao-qiang", WuhuaMarket);
        Assert.True(complaint.Accept(calendar, Classification.Onsite, agency, now).IsSuccess);
        Assert.True(complaint.Conclude(calendar, Finding.Substantiated, "已当场协调解决并向投诉人致歉。", null, agency, now).IsSuccess);
        Assert.True(await OnePath.SaveAsync(scope.ServiceProvider, change, now));
    }
}
