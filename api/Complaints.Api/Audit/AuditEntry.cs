namespace Complaints.Api.Audit;

/// <summary>
/// One line of the append-only audit log: who (user, role, address) did what to which case, when.
/// Each line's hash covers the previous line's hash in its chain, so an edited or deleted line breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Unique across the log, from a database sequence drawn under the chain's lock; increasing within a chain, with gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>The hash chain of this line (<see cref="AuditTrail.ChainOf"/>); lines written before chains existed are in chain 0.</summary>
    public short Chain { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorRole { get; init; }
    public required string Action { get; init; }
    public Guid? CaseId { get; init; }
    public string? ClientAddress { get; init; }
    public string? Details { get; init; }

    /// <summary>Set by the database as the line is appended (<see cref="AuditTrail.AppendPending"/>), like <see cref="Sequence"/> and <see cref="Hash"/>.</summary>
    public string PreviousHash { get; init; } = null!;
    public string Hash { get; init; } = null!;
}
