using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alba;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.Complaints;

/// <summary>Its own database and clock: Thursday 4 February 2027, a year the State Council has not published yet.</summary>
public sealed class StatutoryCalendarFixture : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 2, 4, 2, 0, 0, TimeSpan.Zero)); // 10:00 CST

    public IAlbaHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("statutory"), Clock, settings: new Dictionary<string, string?>
        {
            ["DeadlineMonitor:Interval"] = "20.00:00:00",
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class StatutoryCalendarTests(StatutoryCalendarFixture data) : IClassFixture<StatutoryCalendarFixture>
{
    [Fact]
    public async Task Statutory_holidays_count_until_the_notice_is_loaded_which_refreshes_stored_due_dates_at_once_全国年节及纪念日放假办法()
    {
        var citizen = await data.Host.ClientAsync("citizen");
        var id = (await citizen.SubmitAsync(ComplaintBodies.Online())).GetProperty("id").GetGuid();
        var staff = await data.Host.ClientAsync("management_staff");

        // 除夕 (Friday 5th), the weekend and 正月初三 (Monday 8th) are not working days: referral due Wednesday 10th, provisional.
        var deadlines = JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/cases/{id}")).RootElement.GetProperty("deadlines");
        Assert.Equal("2027-02-10", deadlines.GetProperty("referralDue").GetString());
        Assert.True(deadlines.GetProperty("provisional").GetBoolean());
        Assert.Equal(new DateOnly(2027, 2, 10), await StoredDueAsync(id));
        var year = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/calendar/2027")).RootElement;
        Assert.False(year.GetProperty("hasSchedule").GetBoolean());
        Assert.Contains(year.GetProperty("holidays").EnumerateArray(), h => h.GetProperty("name").GetString() == "中秋节" && h.GetProperty("from").GetString() == "2027-09-15");

        // The official notice replaces them: 5th is a working day, 6th–12th are off, Saturday 13th is worked.
        const string schedule = """
            {"year": 2027, "papers": ["test"], "days": [
              {"name": "春节", "date": "2027-02-06", "isOffDay": true}, {"name": "春节", "date": "2027-02-07", "isOffDay": true},
              {"name": "春节", "date": "2027-02-08", "isOffDay": true}, {"name": "春节", "date": "2027-02-09", "isOffDay": true},
              {"name": "春节", "date": "2027-02-10", "isOffDay": true}, {"name": "春节", "date": "2027-02-11", "isOffDay": true},
              {"name": "春节", "date": "2027-02-12", "isOffDay": true}, {"name": "春节", "date": "2027-02-13", "isOffDay": false}]}
            """;
        var admin = await data.Host.ClientAsync("admin");
        var put = await admin.PutAsync("/api/v1/admin/calendar/2027", new StringContent(schedule, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // The stored due date (queues, due-soon, overdue monitor) moved at once, without any save of the case.
        Assert.Equal(new DateOnly(2027, 2, 13), await StoredDueAsync(id));
        deadlines = JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/cases/{id}")).RootElement.GetProperty("deadlines");
        Assert.Equal("2027-02-13", deadlines.GetProperty("referralDue").GetString());
        Assert.False(deadlines.GetProperty("provisional").GetBoolean());
    }

    private async Task<DateOnly?> StoredDueAsync(Guid id)
    {
        await using var scope = data.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        return await db.Complaints.AsNoTracking().Where(c => c.Id == id)
            .Select(c => EF.Property<DateOnly?>(c, ComplaintConfiguration.RunningDueDate)).SingleAsync();
    }
}
