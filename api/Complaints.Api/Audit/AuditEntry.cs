namespace Complaints.Api.Audit;

/// <summary>
/// One line of the append-only audit log: who (user, role, address) did what to which case, when.
/// Each line's hash covers the previous line's hash, so an edited or deleted line breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public required string ActorUserId { get; init; }
    public required string ActorRole { get; init; }
    public required string Action { get; init; }
    public Guid? CaseId { get; init; }
    public string? ClientAddress { get; init; }
    public string? Details { get; init; }
    public required string PreviousHash { get; init; }
    public required string Hash { get; init; }
}
