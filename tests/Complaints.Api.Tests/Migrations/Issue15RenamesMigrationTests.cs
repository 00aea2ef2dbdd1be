using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Migrations;

/// <summary>
/// #15 item 7: the glossary's renames change values a database holds (enum members stored by name, wire names in timeline
/// details). A database written before them is converted by the Issue15Renames migration, and reads again.
/// </summary>
public sealed class Issue15RenamesMigrationTests
{
    [Fact]
    public async Task Values_stored_under_the_old_names_are_converted_by_the_migration_and_read_again()
    {
        var connectionString = await TestDatabase.CreateAsync("renames");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await AppFixture.StartAsync("Development", connectionString, clock);
        var flow = new CaseFlow(host);
        var today = ChinaTime.DateOf(clock.GetUtcNow()).ToString("yyyy-MM-dd");

        // 现场投诉, 不予受理, 现场领取 on one case; 现场回访 on another.
        var notAccepted = (await (await flow.As("agency_officer")).SubmitAsync(Registered("in_person", Person()))).GetProperty("id").GetGuid();
        await flow.ActAsync("agency_officer", notAccepted, "acceptance", new { decision = "not_accept", reason = "other_legal_channel" });
        await flow.ActAsync("agency_officer", notAccepted, "notice-delivery", new { method = "in_person", deliveredOn = today });
        var revisited = await flow.AcceptedAsync("offsite");
        await flow.ActAsync("agency_staff", revisited, "conclusion", new { finding = "substantiated", result = "已办结。" });
        await flow.ActAsync("agency_staff", revisited, "revisit", new { method = "visit", rating = "satisfied" });
        var versionBefore = (await flow.GetAsync("agency_officer", notAccepted)).GetProperty("version").GetInt32();

        // As a database written before the renames holds them, and without the migration in its history.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE complaints SET channel = 'Onsite' WHERE channel = 'InPerson';
                UPDATE complaint_timeline SET kind = 'Rejected' WHERE kind = 'NotAccepted';
                UPDATE complaint_timeline SET details = jsonb_set(details, ARRAY['channel'], '"onsite"') WHERE details ->> 'channel' = 'in_person';
                UPDATE complaint_timeline SET details = jsonb_set(details, ARRAY['method'], '"on_site"') WHERE details ->> 'method' IN ('in_person', 'visit');
                UPDATE complaint_notice_deliveries SET method = 'OnSite';
                UPDATE complaint_revisits SET method = 'OnSite';
                DELETE FROM __ef_migrations_history WHERE migration_id LIKE '%\_Issue15Renames';
                """);
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            // Not readable under the new names: the migration is needed, not a nicety.
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Complaints.AsNoTracking().Where(c => c.Id == notAccepted).ToListAsync());
            Assert.EndsWith("_Issue15Renames", Assert.Single(await db.Database.GetPendingMigrationsAsync()));
            await db.Database.MigrateAsync();
        }

        var first = await flow.GetAsync("agency_officer", notAccepted);
        Assert.Equal("in_person", first.GetProperty("channel").GetString());
        Assert.Equal("not_accepted", first.GetProperty("status").GetString());
        Assert.Equal("in_person", Assert.Single(first.GetProperty("noticeDeliveries").EnumerateArray()).GetProperty("method").GetString());
        var events = first.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "not_accepted");
        Assert.Equal("in_person", events.Single(e => e.GetProperty("event").GetString() == "received").GetProperty("details").GetProperty("channel").GetString());
        Assert.Equal("in_person", events.Single(e => e.GetProperty("event").GetString() == "notice_delivered").GetProperty("details").GetProperty("method").GetString());
        Assert.True(first.GetProperty("version").GetInt32() > versionBefore, "a converted case gets a new version (ETag, change feed)");

        var second = await flow.GetAsync("agency_staff", revisited);
        Assert.Equal("visit", Assert.Single(second.GetProperty("revisits").EnumerateArray()).GetProperty("method").GetString());
        Assert.Equal("visit", second.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("event").GetString() == "revisited")
            .GetProperty("details").GetProperty("method").GetString());
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM agency_queue WHERE channel = 'Onsite'").SingleAsync());
        }
    }
}
