using System.Net;
using System.Text;
using Complaints.Api.Tests.Infrastructure;
using Npgsql;

namespace Complaints.Api.Tests.Hardening;

/// <summary>Issue #14, finding 6: a calendar upload that failed to save still changed the running calendar of that replica.</summary>
public sealed class CalendarUploadAtomicityTests
{
    [Fact]
    public async Task A_calendar_upload_that_cannot_be_stored_leaves_the_running_calendar_unchanged()
    {
        var database = await TestDatabase.CreateAsync("calendar");
        var direct = new NpgsqlConnectionStringBuilder(database);
        await using var proxy = TcpProxy.Start(direct.Host!, direct.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var host = await AppFixture.StartAsync("Development", viaProxy);
        var admin = await host.ClientAsync("admin");
        var anonymous = host.Server.CreateClient();
        var before = await anonymous.GetStringAsync("/api/v1/calendar/2031");
        const string upload = """{"year":2031,"papers":[],"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true},{"name":"元旦","date":"2031-01-02","isOffDay":true}]}""";

        proxy.Cut();
        var failed = await admin.PutAsync("/api/v1/admin/calendar/2031", new StringContent(upload, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(before, await anonymous.GetStringAsync("/api/v1/calendar/2031"));

        // Stored, then applied.
        proxy.Resume();
        var stored = await admin.PutAsync("/api/v1/admin/calendar/2031", new StringContent(upload, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.NotEqual(before, await anonymous.GetStringAsync("/api/v1/calendar/2031"));
    }
}
