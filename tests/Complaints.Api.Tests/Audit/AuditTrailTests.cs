using Complaints.Api.Audit;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Audit;

[Collection(ApiCollection.Name)]
public sealed class AuditTrailTests(AppFixture app)
{
    [Fact]
    public async Task A_submission_is_audited_with_who_what_and_when_in_the_same_transaction()
    {
        var id = (await (await app.Host.ClientAsync("hotline_operator")).SubmitAsync(Registered("phone_12345", Person()))).GetProperty("id").GetGuid();
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var entry = await db.AuditEntries.SingleAsync(e => e.CaseId == id);
        Assert.Equal("complaint.received", entry.Action);
        Assert.Equal("hotline-operator-zheng-hong", entry.ActorUserId);
        Assert.Equal("hotline_operator", entry.ActorRole);
        Assert.DoesNotContain("530103199205164324", entry.Details ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_audit_row_is_detected_by_verification_and_the_intact_chain_verifies()
    {
        await (await app.Host.ClientAsync("citizen")).SubmitAsync(Online());
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Null(await AuditTrail.FindFirstBreakAsync(db, CancellationToken.None));

        var victim = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).FirstAsync();
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "UPDATE audit_entries SET actor_user_id = 'someone-else' WHERE sequence = @s", victim.Sequence);
        try
        {
            Assert.Equal(victim.Sequence, await AuditTrail.FindFirstBreakAsync(db, CancellationToken.None));
        }
        finally
        {
            await using var restore = new NpgsqlCommand("UPDATE audit_entries SET actor_user_id = @a WHERE sequence = @s", connection);
            restore.Parameters.AddWithValue("a", victim.ActorUserId);
            restore.Parameters.AddWithValue("s", victim.Sequence);
            await restore.ExecuteNonQueryAsync();
        }

        Assert.Null(await AuditTrail.FindFirstBreakAsync(db, CancellationToken.None));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, long sequence)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("s", sequence);
        await command.ExecuteNonQueryAsync();
    }
}
