using System.Runtime.CompilerServices;
using Complaints.Api.Evidence;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Complaints.Api.Persistence;

/// <summary>
/// Refuses a save that adds, changes or deletes anything of a complaint (the case, its identity, timeline, investigation
/// records, revisits, rectifications, merged complainants, notice deliveries, its attached evidence) unless it comes the
/// one way (docs/architecture.md): through <see cref="UnitOfWork"/>, with every changed complaint staged by
/// <c>Complaints/ComplaintChange.StageAsync</c> after its last event, so that each event has its audit line and its
/// notices. A handler that calls <c>SaveChangesAsync</c> itself, saves a complaint it did not stage, or makes a domain call
/// after staging gets an exception, not a silent write. The agency queue is derived by a trigger and never written by EF.
/// Bulk statements (<c>ExecuteUpdate</c>, raw SQL) do not pass here: <c>ComplaintWritersTests</c> scans the source for them.
/// </summary>
public sealed class ComplaintWriteGuard : SaveChangesInterceptor
{
    public static readonly ComplaintWriteGuard Instance = new();

    /// <summary>Which complaints were staged, and up to which event: tied to the tracked instance, so it ends with it.</summary>
    private static readonly ConditionalWeakTable<Complaint, StrongBox<int>> Staged = [];

    private ComplaintWriteGuard()
    {
    }

    /// <summary>Called by <c>ComplaintChange.StageAsync</c> once its audit lines and notices are derived from every event so far.</summary>
    public static void MarkStaged(Complaint complaint) => Staged.AddOrUpdate(complaint, new StrongBox<int>(LastEvent(complaint)));

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>The same check for rows that <see cref="UnitOfWork.TakeAddedRows"/> hands to the intake writer instead of saving.</summary>
    public static void CheckGroupCommitted(ComplaintsDbContext db) => Check(db, throughUnitOfWork: true);

    private static void Check(DbContext? context) => Check(context, throughUnitOfWork: (context as ComplaintsDbContext)?.SavingThroughUnitOfWork ?? false);

    private static void Check(DbContext? context, bool throughUnitOfWork)
    {
        if (context is not ComplaintsDbContext db)
        {
            return;
        }

        // One pass over the tracked entries (Entries() detects changes, unless UnitOfWork has just done so for the save).
        var tracked = db.ChangeTracker.Entries().ToList();
        var changed = tracked.Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var complaints = tracked.Select(e => e.Entity).OfType<Complaint>().ToDictionary(c => c.Id);
        foreach (var entry in changed)
        {
            if (entry.Entity is AgencyQueueRow)
            {
                throw new ComplaintSavedAnotherWayException("the agency queue is derived from complaints by their trigger (agency-queue.sql); EF never writes it");
            }

            if (AggregateOf(entry) is not { } id)
            {
                continue;
            }

            if (!throughUnitOfWork)
            {
                throw new ComplaintSavedAnotherWayException($"complaint {id} ({entry.Metadata.DisplayName()}) was saved by SaveChanges, not by the request's UnitOfWork");
            }

            if (!complaints.TryGetValue(id, out var complaint) || !Staged.TryGetValue(complaint, out var mark))
            {
                throw new ComplaintSavedAnotherWayException($"complaint {id} ({entry.Metadata.DisplayName()}) changed without ComplaintChange.StageAsync: its events have no audit lines or notices");
            }

            if (mark.Value != LastEvent(complaint))
            {
                throw new ComplaintSavedAnotherWayException($"complaint {id} has events appended after ComplaintChange.StageAsync: they have no audit lines or notices");
            }
        }
    }

    /// <summary>The complaint a changed row belongs to, or null when it belongs to none.</summary>
    private static Guid? AggregateOf(EntityEntry entry)
    {
        switch (entry.Entity)
        {
            case Complaint c:
                return c.Id;
            case EvidenceFile file:
                // An upload (not yet attached) is the uploader's; once attached, the file is part of the case.
                return file.ComplaintId ?? entry.Property(nameof(EvidenceFile.ComplaintId)).OriginalValue as Guid?;
        }

        var type = entry.Metadata;
        while (type.FindOwnership() is { } ownership)
        {
            type = ownership.PrincipalEntityType;
        }

        // Every table of the aggregate is keyed first by its complaint's id (Persistence/ComplaintConfiguration).
        if (type.ClrType != typeof(Complaint) || type == entry.Metadata)
        {
            return null;
        }

        var key = entry.Property(entry.Metadata.FindPrimaryKey()!.Properties[0].Name);
        return (Guid)(key.CurrentValue ?? key.OriginalValue)!;
    }

    private static int LastEvent(Complaint complaint) => complaint.Timeline.Count == 0 ? 0 : complaint.Timeline[^1].Sequence;
}

/// <summary>A complaint was about to be saved another way than the one unit of work (a bug in the caller, never the user's fault).</summary>
public sealed class ComplaintSavedAnotherWayException(string message)
    : InvalidOperationException($"Refused: {message}. Every change to a complaint goes through ComplaintChange and UnitOfWork (docs/architecture.md).");
