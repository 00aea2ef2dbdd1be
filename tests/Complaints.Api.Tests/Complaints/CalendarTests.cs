using System.Net;
using System.Text;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Complaints;

[Collection(ApiCollection.Name)]
public sealed class CalendarTests(AppFixture app)
{
    [Fact]
    public async Task The_deadline_endpoint_counts_working_days_across_the_spring_festival_第十一条()
    {
        var body = JsonDocument.Parse(await app.Host.Server.CreateClient().GetStringAsync("/api/v1/calendar/deadline?from=2026-02-13&workingDays=3")).RootElement;
        Assert.Equal("2026-02-25", body.GetProperty("due").GetString());
        Assert.False(body.GetProperty("provisional").GetBoolean());
        Assert.Equal(3, body.GetProperty("workingDays").GetInt32());
    }

    [Fact]
    public async Task The_calculators_explanation_names_the_period_asked_for_第十条_第十一条_第十三条()
    {
        var client = app.Host.Server.CreateClient();
        async Task<JsonElement> Ask(string query) => JsonDocument.Parse(await client.GetStringAsync($"/api/v1/calendar/deadline?from=2026-03-02&{query}")).RootElement;

        var plain = await Ask("workingDays=10");
        Assert.StartsWith("自2026年3月2日(星期一)起计算10个工作日", plain.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("决定是否受理", plain.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("working_day_count", plain.GetProperty("kind").GetString());

        var offsite = await Ask("kind=offsite_handling");
        Assert.StartsWith("依据第十三条第(二)项,非现场处理类投诉办结的期限为10个工作日", offsite.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, offsite.GetProperty("workingDays").GetInt32());
        Assert.Equal("2026-03-16", offsite.GetProperty("due").GetString());

        Assert.StartsWith("依据第十条,交办投诉的期限为2个工作日", (await Ask("kind=referral")).GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("依据第十一条,决定是否受理的期限为3个工作日", (await Ask("kind=acceptance&workingDays=3")).GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("依据第十三条第(二)项,延期后办结的期限为20个工作日", (await Ask("kind=extended_handling")).GetProperty("explanation").GetString(), StringComparison.Ordinal);

        await SubmissionTests.AssertProblemAsync(await client.GetAsync("/api/v1/calendar/deadline?from=2026-03-02&kind=acceptance&workingDays=10"), HttpStatusCode.BadRequest, "request.validation_failed", "workingDays");
        await SubmissionTests.AssertProblemAsync(await client.GetAsync("/api/v1/calendar/deadline?from=2026-03-02&kind=someday"), HttpStatusCode.BadRequest, "request.validation_failed", "kind");
    }

    [Fact]
    public async Task A_year_view_lists_holidays_and_makeup_days()
    {
        var body = JsonDocument.Parse(await app.Host.Server.CreateClient().GetStringAsync("/api/v1/calendar/2026")).RootElement;
        Assert.True(body.GetProperty("hasSchedule").GetBoolean());
        Assert.Contains(body.GetProperty("makeupWorkingDays").EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-02-14");
    }

    [Fact]
    public async Task Bad_calendar_queries_are_400_naming_the_parameter()
    {
        var client = app.Host.Server.CreateClient();
        var missing = await client.GetAsync("/api/v1/calendar/deadline?workingDays=3");
        await SubmissionTests.AssertProblemAsync(missing, HttpStatusCode.BadRequest, "request.validation_failed", "from");
        var negative = await client.GetAsync("/api/v1/calendar/deadline?from=2026-02-13&workingDays=-1");
        await SubmissionTests.AssertProblemAsync(negative, HttpStatusCode.BadRequest, "request.validation_failed", "workingDays");
        var malformed = await client.GetAsync("/api/v1/calendar/deadline?from=13-02-2026&workingDays=1");
        await SubmissionTests.AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "request.malformed", "from");
    }

    [Fact]
    public async Task Only_an_administrator_loads_a_years_schedule()
    {
        var staff = await app.Host.ClientAsync("management_staff");
        var response = await staff.PutAsync("/api/v1/admin/calendar/2027", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_loaded_schedule_makes_its_year_settled_and_survives_in_the_database()
    {
        var admin = await app.Host.ClientAsync("admin");
        var before = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/calendar/deadline?from=2027-02-05&workingDays=3")).RootElement;
        Assert.True(before.GetProperty("provisional").GetBoolean());

        const string schedule = """
            {"year": 2027, "papers": ["test"], "days": [
              {"name": "春节", "date": "2027-02-06", "isOffDay": true}, {"name": "春节", "date": "2027-02-07", "isOffDay": true},
              {"name": "春节", "date": "2027-02-08", "isOffDay": true}, {"name": "春节", "date": "2027-02-09", "isOffDay": true},
              {"name": "春节", "date": "2027-02-10", "isOffDay": true}, {"name": "春节", "date": "2027-02-11", "isOffDay": true},
              {"name": "春节", "date": "2027-02-12", "isOffDay": true}, {"name": "春节", "date": "2027-02-13", "isOffDay": false}]}
            """;
        var put = await admin.PutAsync("/api/v1/admin/calendar/2027", new StringContent(schedule, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var after = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/calendar/deadline?from=2027-02-05&workingDays=3")).RootElement;
        Assert.False(after.GetProperty("provisional").GetBoolean());
        // 02-06..02-12 off; 02-13 (Saturday) a makeup day → 1st; 02-15 → 2nd; 02-16 → 3rd.
        Assert.Equal("2027-02-16", after.GetProperty("due").GetString());

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Persistence.ComplaintsDbContext>();
        Assert.NotNull(await db.HolidaySchedules.FindAsync(2027));
    }

    [Fact]
    public async Task A_malformed_schedule_is_refused_and_changes_nothing()
    {
        var admin = await app.Host.ClientAsync("admin");
        var put = await admin.PutAsync("/api/v1/admin/calendar/2028", new StringContent("{\"year\": 2028, \"days\": [{\"date\": \"2028-13-40\"}]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var year = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/calendar/2028")).RootElement;
        Assert.False(year.GetProperty("hasSchedule").GetBoolean());
    }
}
