using Complaints.Api.Audit;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Audit;

/// <summary>
/// On an app and a database of their own (a class fixture, outside the shared collection): these tests verify,
/// tamper with and restore the whole log, which no other test may write to meanwhile.
/// </summary>
public sealed class AuditTrailTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly Guid GuanduCentre = global::Complaints.Api.Directory.DemoDirectory.AgencyId(12);

    [Fact]
    public async Task A_submission_is_audited_with_who_what_and_when_in_the_same_transaction()
    {
        var id = (await (await app.Host.ClientAsync("hotline_operator")).SubmitAsync(Registered("phone_12345", Person()))).GetProperty("id").GetGuid();
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var entry = await db.AuditEntries.SingleAsync(e => e.CaseId == id);
        Assert.Equal("case.received", entry.Action);
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

    [Fact]
    public async Task Concurrent_submissions_append_to_their_cases_chains_and_the_whole_log_verifies()
    {
        var citizen = await app.Host.ClientAsync("citizen");
        var ids = await Task.WhenAll(Enumerable.Range(0, 24).Select(async _ => (await citizen.SubmitAsync(Online(GuanduCentre))).GetProperty("id").GetGuid()));

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var lines = await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.CaseId!.Value)).ToListAsync();
        Assert.Equal(ids.Length, lines.Count);
        Assert.All(lines, e => Assert.Equal(AuditTrail.ChainOf(e.CaseId), e.Chain));
        Assert.True(lines.Select(e => e.Chain).Distinct().Count() > 1, "24 cases should spread over more than one chain");
        Assert.Equal(ids.Length, lines.Select(e => e.Sequence).Distinct().Count());
        Assert.Null(await AuditTrail.FindFirstBreakAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_audit_row_is_detected_at_the_next_line_of_its_chain()
    {
        var citizen = await app.Host.ClientAsync("citizen");
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => citizen.SubmitAsync(Online(GuanduCentre))));
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();

        // A line with a successor in its chain; its removal unlinks the successor.
        var lines = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Chain }).ToListAsync();
        var (victim, successor) = lines.GroupBy(e => e.Chain).Where(g => g.Count() >= 2)
            .Select(g => (g.First().Sequence, g.Skip(1).First().Sequence)).First();

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "CREATE TEMP TABLE removed AS SELECT * FROM audit_entries WHERE sequence = @s", victim);
        await Execute(connection, "DELETE FROM audit_entries WHERE sequence = @s", victim);
        try
        {
            Assert.Equal(successor, await AuditTrail.FindFirstBreakAsync(db, CancellationToken.None));
        }
        finally
        {
            await Execute(connection, "INSERT INTO audit_entries SELECT * FROM removed WHERE sequence = @s", victim);
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
