using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Complaints.Api.Auth;
using Complaints.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Audit;

/// <summary>
/// Collects audit lines during a request and saves them in the same transaction as the change
/// they describe: both commit or neither does. Chaining takes a transaction-scoped advisory lock,
/// so concurrent writers append one after another and the chain never forks.
/// </summary>
public sealed class AuditTrail(ComplaintsDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private const long ChainLock = 0x5943_4155_4449_54; // "YCAUDIT": one lock for the one chain
    private readonly List<(Caller Caller, string Action, Guid? CaseId, string? Details)> _pending = [];

    public void Record(Caller caller, string action, Guid? caseId, string? details = null) => _pending.Add((caller, action, caseId, details));

    /// <summary>Saves the unit of work and its audit lines atomically.</summary>
    public async Task SaveChangesAsync(CancellationToken ct) => await TrySaveChangesAsync(null, ct);

    /// <summary>
    /// Like <see cref="SaveChangesAsync"/>, with one more step inside the transaction; when that step
    /// answers false, nothing is committed and false is returned.
    /// </summary>
    public async Task<bool> TrySaveChangesAsync(Func<CancellationToken, Task<bool>>? step, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (step is not null && !await step(ct))
        {
            await transaction.RollbackAsync(ct);
            return false;
        }

        if (_pending.Count > 0)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", ct);
            var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var (sequence, previous) = last is null ? (0L, Genesis) : (last.Sequence, last.Hash);
            var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
            foreach (var (caller, action, caseId, details) in _pending)
            {
                sequence++;
                var at = clock.GetUtcNow();
                var hash = HashOf(previous, sequence, at, caller.Subject, caller.Role, action, caseId, address, details);
                db.AuditEntries.Add(new AuditEntry
                {
                    Sequence = sequence, At = at, ActorUserId = caller.Subject, ActorRole = caller.Role, Action = action,
                    CaseId = caseId, ClientAddress = address, Details = details, PreviousHash = previous, Hash = hash,
                });
                previous = hash;
            }

            _pending.Clear();
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Walks the chain; returns the first sequence whose line was changed, removed or reordered, or null when intact.</summary>
    public static async Task<long?> FindFirstBreakAsync(ComplaintsDbContext db, CancellationToken ct)
    {
        var previous = Genesis;
        var expected = 1L;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Sequence != expected || e.PreviousHash != previous
                || e.Hash != HashOf(previous, e.Sequence, e.At, e.ActorUserId, e.ActorRole, e.Action, e.CaseId, e.ClientAddress, e.Details))
            {
                return expected;
            }

            previous = e.Hash;
            expected++;
        }

        return null;
    }

    private static string HashOf(string previous, long sequence, DateTimeOffset at, string actor, string role, string action, Guid? caseId, string? address, string? details)
    {
        // Microsecond precision: what PostgreSQL's timestamptz keeps, so a re-read line hashes the same.
        var micros = at.UtcTicks / 10;
        var canonical = string.Join('\u001f', previous, sequence.ToString(CultureInfo.InvariantCulture), micros.ToString(CultureInfo.InvariantCulture),
            actor, role, action, caseId?.ToString("N") ?? "", address ?? "", details ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

public static class AuditSetup
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        return services;
    }
}
