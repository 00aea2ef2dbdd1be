using System.Text.Json;
using Complaints.Api.Cases;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.Cases;

[Collection(ApiCollection.Name)]
public sealed class OverdueMonitoringTests(AppFixture app)
{
    [Fact]
    public async Task A_referral_not_made_within_2_working_days_is_due_soon_then_flagged_overdue_once_第十条()
    {
        // Monday 2 March 2026, 09:00 CST: no holiday near, so the referral is due at the end of Wednesday 4 March.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, clock, settings: new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Database:SeedDemoData"] = "false",
            ["DeadlineMonitor:Interval"] = "20.00:00:00",
        });
        // A county of its own: its department's filtered queues hold only this case.
        var remit = await TestRemit.CreateAsync(host);
        var flow = new CaseFlow(host, remit);
        var id = await flow.SubmitOnlineAsync();
        var staff = await flow.As("management_staff");
        Assert.Equal("2026-03-04", (await flow.GetAsync("management_staff", id)).GetProperty("deadlines").GetProperty("referralDue").GetString());

        Assert.DoesNotContain(id.ToString(), await staff.GetStringAsync("/api/v1/cases?dueSoon=true&limit=200"), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromDays(1)); // Tuesday: due by the end of the next working day
        Assert.Contains(id.ToString(), await staff.GetStringAsync("/api/v1/cases?dueSoon=true&limit=200"), StringComparison.Ordinal);
        Assert.Contains(id.ToString(), await staff.GetStringAsync("/api/v1/cases?dueBefore=2026-03-04&limit=200"), StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(), await staff.GetStringAsync("/api/v1/cases?overdue=true&limit=200"), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(2)); // Thursday 5 March: the deadline has passed
        var monitor = host.Services.GetRequiredService<DeadlineMonitor>();
        Assert.True(await monitor.SweepAsync(CancellationToken.None) >= 1);
        await monitor.SweepAsync(CancellationToken.None);

        Assert.Contains(id.ToString(), await staff.GetStringAsync("/api/v1/cases?overdue=true&limit=200"), StringComparison.Ordinal);
        var view = await flow.GetAsync("management_staff", id);
        Assert.True(view.GetProperty("deadlines").GetProperty("overdue").GetBoolean());
        var flags = view.GetProperty("timeline").EnumerateArray().Where(t => t.GetProperty("event").GetString() == "overdue_flagged").ToList();
        var flag = Assert.Single(flags);
        Assert.Equal("system", flag.GetProperty("actorRole").GetString());

        // The supervising department is alerted, once.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<global::Complaints.Api.Persistence.ComplaintsDbContext>();
            var alert = Assert.Single(db.NotificationOutbox.Where(m => m.CaseId == id && m.Kind == global::Complaints.Api.Notifications.NotificationKind.OverdueAlert).ToList());
            Assert.Equal(remit.RegionCode, alert.DepartmentRegionCode);
        }

        // The overdue flag stays off the public record (supervision inside government).
        var queue = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/cases?overdue=true&limit=200")).RootElement;
        Assert.True(queue.GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetGuid() == id).GetProperty("overdue").GetBoolean());
    }
}
