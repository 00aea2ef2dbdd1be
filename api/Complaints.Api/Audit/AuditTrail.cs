using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Complaints.Api.Auth;
using Complaints.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Complaints.Api.Audit;

/// <summary>
/// Collects audit lines during a request; the request's <see cref="Persistence.UnitOfWork"/> saves them in the
/// same transaction as the change they describe: both commit or neither does.
/// <para>
/// The log is <see cref="Chains"/> hash chains rather than one: a line belongs to the chain of its
/// case (<see cref="ChainOf"/>; lines without a case to chain 0), so all of a case's history is in one
/// chain, in order. Appending takes a transaction-scoped advisory lock on that chain only (with the
/// chain's head, in one round trip), so concurrent writers to different chains never wait for each
/// other and writers to the same chain wait only for one insert batch and a commit. Within each chain the
/// guarantee is the single chain's: an edited, removed or reordered line breaks it; only the newest
/// lines of a chain could be cut off unnoticed, as the newest lines of one chain could.
/// </para>
/// </summary>
public sealed class AuditTrail(ComplaintsDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>How many chains the log is split into. Changing it needs no migration: verification follows the stored chain of each line.</summary>
    public const int Chains = 16;

    /// <summary>The database sequence that numbers lines across all chains.</summary>
    public const string SequenceName = "audit_entries_sequence";

    private const long ChainLockBase = 0x5943_4155_4449_5400; // "YCAUDIT" + the chain number in the low byte
    private readonly List<(Caller Caller, string Action, Guid? CaseId, string? Details)> _pending = [];

    public void Record(Caller caller, string action, Guid? caseId, string? details = null) => _pending.Add((caller, action, caseId, details));

    /// <summary>The chain a case's lines belong to: a stable function of the case id (the random tail of a version-7 Guid).</summary>
    public static short ChainOf(Guid? caseId)
    {
        if (caseId is not { } id)
        {
            return 0;
        }

        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        return (short)(BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]) % Chains);
    }

    /// <summary>
    /// Adds the lines recorded so far to the change tracker, chained under their chains' locks taken in
    /// <paramref name="transaction"/>: the caller (<see cref="Persistence.UnitOfWork"/>) saves them with the change they describe.
    /// </summary>
    public async Task AppendPendingAsync(IDbContextTransaction transaction, CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();

        // Chains in ascending order, so that two units of work touching the same chains cannot deadlock.
        foreach (var chain in _pending.Select(p => ChainOf(p.CaseId)).Distinct().Order())
        {
            var lines = _pending.Where(p => ChainOf(p.CaseId) == chain).ToList();

            // One round trip. The lock is its own statement, so the head is read with a snapshot taken
            // after the lock was granted (READ COMMITTED): it sees every line committed before.
            await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)transaction.GetDbTransaction())
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = ChainLockBase + chain } } },
                    new NpgsqlBatchCommand(
                        $"SELECT (SELECT hash FROM audit_entries WHERE chain = $1 ORDER BY sequence DESC LIMIT 1), nextval('{SequenceName}') FROM generate_series(1, $2)")
                    {
                        Parameters = { new() { Value = chain }, new() { Value = lines.Count } },
                    },
                },
            };
            var previous = Genesis;
            var sequences = new List<long>(lines.Count);
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                await reader.NextResultAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    previous = reader.IsDBNull(0) ? Genesis : reader.GetString(0);
                    sequences.Add(reader.GetInt64(1));
                }
            }

            sequences.Sort();
            for (var i = 0; i < lines.Count; i++)
            {
                var (caller, action, caseId, details) = lines[i];
                var at = clock.GetUtcNow();
                var hash = HashOf(previous, sequences[i], at, caller.Subject, caller.Role, action, caseId, address, details);
                db.AuditEntries.Add(new AuditEntry
                {
                    Sequence = sequences[i], Chain = chain, At = at, ActorUserId = caller.Subject, ActorRole = caller.Role, Action = action,
                    CaseId = caseId, ClientAddress = address, Details = details, PreviousHash = previous, Hash = hash,
                });
                previous = hash;
            }
        }

        _pending.Clear();
    }

    /// <summary>
    /// Walks every chain; returns the lowest sequence of a line that was changed, removed (its successor
    /// no longer links) or reordered, or null when the whole log is intact.
    /// </summary>
    public static async Task<long?> FindFirstBreakAsync(ComplaintsDbContext db, CancellationToken ct)
    {
        long? first = null;
        var chain = -1;
        var previous = Genesis;
        var broken = false;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(e => e.Chain).ThenBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (e.Chain != chain)
            {
                (chain, previous, broken) = (e.Chain, Genesis, false);
            }

            if (broken)
            {
                continue; // the first break of each chain is the one reported
            }

            if (e.PreviousHash != previous
                || e.Hash != HashOf(previous, e.Sequence, e.At, e.ActorUserId, e.ActorRole, e.Action, e.CaseId, e.ClientAddress, e.Details))
            {
                broken = true;
                first = first is { } f ? Math.Min(f, e.Sequence) : e.Sequence;
                continue;
            }

            previous = e.Hash;
        }

        return first;
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
