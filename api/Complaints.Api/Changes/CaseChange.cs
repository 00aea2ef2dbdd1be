namespace Complaints.Api.Changes;

/// <summary>
/// One committed change to a case, as the change feed serves it. Rows are written only by the trigger on
/// <c>complaints</c> (every insert, and every update that changes the row), inside the transaction that made the
/// change, so a change and its feed row commit or roll back together, whoever wrote it (an endpoint, the deadline
/// monitor, a calendar reload, raw SQL).
/// </summary>
public sealed class CaseChange
{
    /// <summary>Drawn from a sequence when the row is written: unique, but not in commit order.</summary>
    public long Position { get; init; }

    /// <summary>
    /// The writing transaction's id (<c>pg_current_xact_id()</c>, xid8 as bigint). The feed serves only rows of
    /// transactions older than the oldest one still running, in (transaction, position) order: no row can appear
    /// later before a position already served, so a reader never skips a change.
    /// </summary>
    public long TransactionId { get; init; }

    public Guid CaseId { get; init; }

    /// <summary>The case's version after the change (the ETag of the case view).</summary>
    public int Version { get; init; }

    /// <summary>The case's status after the change, as stored in <c>complaints.status</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The database's time of the writing transaction.</summary>
    public DateTimeOffset RecordedAt { get; init; }
}
