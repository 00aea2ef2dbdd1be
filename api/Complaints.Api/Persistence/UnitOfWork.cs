using System.Data.Common;
using Complaints.Api.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Complaints.Api.Persistence;

/// <summary>
/// The one transaction of a request (scoped: one per request, or per step of a job). Whoever owns the request's
/// transaction opens it with <see cref="BeginAsync"/> and ends it with <see cref="CommitAsync"/> or
/// <see cref="RollbackAsync"/> (an <c>Idempotency-Key</c> request: <c>IdempotencyMiddleware</c>, so that the key's
/// record commits with the work). Every save of the request goes through <see cref="SaveAsync"/>: the tracked changes
/// (the complaint, its outbox messages and agency events) and the audit lines recorded so far, in that transaction;
/// without an owner, a save is a transaction of its own.
/// <para>
/// Whatever a request stores outside the database (evidence files) is registered with <see cref="OnRollback"/> and
/// taken back when the work does not commit, so a rolled-back request leaves no file behind.
/// </para>
/// </summary>
public sealed class UnitOfWork(ComplaintsDbContext db, AuditTrail audit, ILogger<UnitOfWork> logger) : IAsyncDisposable
{
    private const string BeforeStep = "before_step";
    private readonly List<Func<Task>> _undo = [];
    private IDbContextTransaction? _transaction;

    /// <summary>True between <see cref="BeginAsync"/> and the end of the transaction.</summary>
    public bool IsOpen => _transaction is not null;

    /// <summary>Opens the transaction every <see cref="SaveAsync"/> joins until <see cref="CommitAsync"/> or <see cref="RollbackAsync"/>.</summary>
    public async Task BeginAsync(CancellationToken ct)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("The unit of work already has its transaction open.");
        }

        _transaction = await db.Database.BeginTransactionAsync(ct);

        // The whole transaction is rolled back on failure, so EF's savepoint around each save is two round trips for nothing.
        db.Database.AutoSavepointsEnabled = false;
    }

    /// <summary>How to take back something stored outside the database, should this work not commit.</summary>
    public void OnRollback(Func<Task> undo) => _undo.Add(undo);

    /// <summary>
    /// Hands out a view, recording what it showed of a complainant in full as <c>personal_data.read</c> (第九条) in this
    /// work's next save: the view computes, the unit of work writes.
    /// </summary>
    public T Show<T>(Revealing<T> revealing)
    {
        if (revealing.Read is { } read)
        {
            audit.Record(read.Reader, "personal_data.read", read.CaseId, read.Purpose);
        }

        return revealing.View;
    }

    /// <summary>Saves the tracked changes and the audit lines recorded so far, atomically.</summary>
    public async Task SaveAsync(CancellationToken ct) => await TrySaveAsync(null, ct);

    /// <summary>
    /// Like <see cref="SaveAsync"/>, with one more step inside the transaction first; when that step answers false,
    /// nothing of the step or of this save is stored and false is returned.
    /// </summary>
    public async Task<bool> TrySaveAsync(Func<CancellationToken, Task<bool>>? step, CancellationToken ct)
    {
        if (_transaction is { } open)
        {
            // Inside the owner's transaction: a refused step is undone to here, and the owner commits.
            if (step is not null)
            {
                await open.CreateSavepointAsync(BeforeStep, ct);
                if (!await step(ct))
                {
                    await open.RollbackToSavepointAsync(BeforeStep, ct);
                    return false;
                }
            }

            await WriteAsync(ct);
            return true;
        }

        await BeginAsync(ct);
        try
        {
            if (step is not null && !await step(ct))
            {
                await RollbackAsync();
                return false;
            }

            await WriteAsync(ct);
            await CommitAsync(ct);
            return true;
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
    }

    /// <summary>Commits the transaction; what was registered with <see cref="OnRollback"/> is kept for good.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("The unit of work has no open transaction.");
        _transaction = null;

        // A commit that fails may still have committed (the connection broke after the server's answer): the files stay
        // rather than risk deleting what a stored row refers to.
        _undo.Clear();
        await using (transaction)
        {
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Rolls the transaction back (if one is open) and takes back what was stored outside the database.</summary>
    public async Task RollbackAsync()
    {
        if (_transaction is { } transaction)
        {
            _transaction = null;
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The connection is gone: the server has rolled the transaction back itself.
                logger.LogDebug(e, "Rolling back the unit of work failed; its connection is gone");
            }
            finally
            {
                await transaction.DisposeAsync();
            }
        }

        var undo = _undo.ToList();
        _undo.Clear();
        foreach (var step in undo)
        {
            try
            {
                await step();
            }
            catch (Exception e)
            {
                // Another undo may still succeed; an object left behind is wasted space, never a reachable file.
                logger.LogWarning(e, "Could not take back what a rolled-back unit of work stored");
            }
        }
    }

    /// <summary>A request that ends without committing (an exception, a forgotten owner) is rolled back here.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null || _undo.Count > 0)
        {
            await RollbackAsync();
        }
    }

    /// <summary>
    /// Instead of a save: the tracked changes and the audit lines recorded so far as rows, for <see cref="IntakeWriter"/>
    /// to commit in a group (a submission adds rows only), checked by <see cref="ComplaintWriteGuard"/> as a save would
    /// be. The context forgets them: from here they are the writer's.
    /// </summary>
    public IReadOnlyList<IntakeRow> TakeAddedRows()
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("A group-committed request has no transaction of its own.");
        }

        audit.AppendPending();
        using (DetectChangesOnce())
        {
            ComplaintWriteGuard.CheckGroupCommitted(db);
            var rows = IntakeRow.FromAdded(db);
            db.ChangeTracker.Clear();
            return rows;
        }
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        // The change and its audit lines in one batch; the database chains the lines as it inserts them.
        audit.AppendPending();

        using var detected = DetectChangesOnce();
        db.SavingThroughUnitOfWork = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SavingThroughUnitOfWork = false;
        }
    }

    /// <summary>
    /// Detects the changes once and turns automatic detection off until the result is disposed: ComplaintWriteGuard reads
    /// the entries and the save (or <see cref="IntakeRow.FromAdded"/>) reads them again, and each would otherwise detect
    /// them again over every tracked entity (full passes of the case's snapshot).
    /// </summary>
    private ChangesDetected DetectChangesOnce()
    {
        db.ChangeTracker.DetectChanges();
        var detected = new ChangesDetected(db.ChangeTracker, db.ChangeTracker.AutoDetectChangesEnabled);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return detected;
    }

    private readonly struct ChangesDetected(ChangeTracker tracker, bool autoDetect) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = autoDetect;
    }
}

/// <summary>A view and what it shows of a complainant in full, if anything (第九条): <see cref="UnitOfWork.Show"/> records that read.</summary>
public sealed record Revealing<T>(T View, PersonalDataRead? Read);

/// <summary>Who read a case's personal data in full, and through which view.</summary>
public sealed record PersonalDataRead(Auth.Caller Reader, Guid CaseId, string Purpose);
