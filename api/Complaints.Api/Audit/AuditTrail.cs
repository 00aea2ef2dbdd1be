using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Complaints.Api.Auth;
using Complaints.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Audit;

/// <summary>
/// Collects audit lines during a request; the request's <see cref="Persistence.UnitOfWork"/> saves them in the
/// same transaction as the change they describe: both commit or neither does.
/// <para>
/// The log is <see cref="Chains"/> hash chains rather than one: a line belongs to the chain of its
/// case (<see cref="ChainOf"/>; lines without a case to chain 0), so all of a case's history is in one
/// chain, in order. Appending takes a transaction-scoped advisory lock on that chain only (in the database,
/// as the line is inserted: <see cref="AppendPending"/>), so concurrent writers to different chains never wait
/// for each other and writers to the same chain wait only for the rest of one insert batch and a commit. Within each chain the
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

    /// <summary>"YCAUDIT" and the chain number in the low byte: the advisory lock audit-chain.sql takes (written there as a decimal).</summary>
    public const long ChainLockBase = 0x5943_4155_4449_5400;

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
    /// Adds the lines recorded so far to the change tracker: the caller (<see cref="Persistence.UnitOfWork"/>) saves them
    /// with the change they describe, in the same batch. The database numbers and chains each line as it is inserted
    /// (trigger <c>audit_entries_chain</c>, Persistence/Migrations/Issue16/audit-chain.sql: the chain's lock, its head,
    /// the sequence and the hash), so appending costs no round trip of its own and the chain's lock is held only from
    /// that batch to the commit. Chains in ascending order, so that two units of work touching the same chains take
    /// their locks in the same order and cannot deadlock.
    /// </summary>
    public void AppendPending()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var address = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        foreach (var (caller, action, caseId, details) in _pending.OrderBy(p => ChainOf(p.CaseId)))
        {
            db.AuditEntries.Add(new AuditEntry
            {
                Chain = ChainOf(caseId), At = clock.GetUtcNow(), ActorUserId = caller.Subject, ActorRole = caller.Role, Action = action,
                CaseId = caseId, ClientAddress = address, Details = details,
            });
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

    /// <summary>The line's hash; the database computes the same when it appends a line (audit-chain.sql), and verification recomputes it here.</summary>
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
