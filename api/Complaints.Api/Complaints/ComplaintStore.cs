using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Complaints.Api.Complaints;

/// <summary>Loading and saving the aggregate, with the shadow state the domain does not know about.</summary>
public static class ComplaintStore
{
    /// <summary>The stored columns of a complaint just added (<c>DbSet.Add</c>), before anything else changes it.</summary>
    public static void SetShadowState(ComplaintsDbContext db, Complaint complaint, string regionCode, ProtectedComplainant identity, IWorkingDayCalendar calendar)
    {
        // Just added, so there is nothing to detect: each db.Entry below would otherwise compare the whole aggregate with
        // its snapshot again (a twentieth of a submission's CPU). The values set here go through the entry, tracked as set.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var entry = db.Entry(complaint);
            RefreshRunningDeadline(db, complaint, calendar);
            entry.Property(ComplaintConfiguration.RegionCode).CurrentValue = regionCode;
            entry.Property(ComplaintConfiguration.Version).CurrentValue = 1;
            var owned = entry.Reference(c => c.Complainant).TargetEntry!;
            owned.Property(ComplaintConfiguration.IdNumberMasked).CurrentValue = identity.IdNumberMasked;
            owned.Property(ComplaintConfiguration.PhoneMasked).CurrentValue = identity.PhoneMasked;
            owned.Property(ComplaintConfiguration.IdNumberBlindIndex).CurrentValue = identity.IdNumberBlindIndex;
            owned.Property(Insight.InsightConfiguration.PhoneBlindIndex).CurrentValue = identity.PhoneBlindIndex;
            Insight.CaseText.Refresh(db, complaint);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Deadlines are computed, not stored, in the domain; the queue needs the running one as a column to filter and sort on.</summary>
    public static void RefreshRunningDeadline(ComplaintsDbContext db, Complaint complaint, IWorkingDayCalendar calendar)
    {
        var entry = db.Entry(complaint);
        var running = complaint.RunningDeadline(calendar);
        entry.Property<DateTimeOffset?>(ComplaintConfiguration.RunningDueAt).CurrentValue = running?.DueAt.ToUniversalTime();
        entry.Property<DateOnly?>(ComplaintConfiguration.RunningDueDate).CurrentValue = running?.Due;
    }

    /// <summary>The supervising division (第五条): the respondent agency's, stored beside the case.</summary>
    public static string RegionOf(ComplaintsDbContext db, Complaint complaint) =>
        db.Entry(complaint).Property<string>(ComplaintConfiguration.RegionCode).CurrentValue;

    public static int VersionOf(ComplaintsDbContext db, Complaint complaint) =>
        db.Entry(complaint).Property<int>(ComplaintConfiguration.Version).CurrentValue;

    public enum SaveOutcome
    {
        Saved,

        /// <summary>Another writer changed the case first.</summary>
        Conflict,

        /// <summary>The extra step inside the transaction answered false: nothing was saved.</summary>
        StepRefused,
    }

    /// <summary><see cref="TrySaveStagedAsync"/> with one more step inside the transaction (e.g. attaching evidence files).</summary>
    public static async Task<SaveOutcome> TrySaveStagedWithAsync(UnitOfWork work, Func<CancellationToken, Task<bool>> step, CancellationToken ct)
    {
        try
        {
            return await work.TrySaveAsync(step, ct) ? SaveOutcome.Saved : SaveOutcome.StepRefused;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveOutcome.Conflict;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveOutcome.Conflict;
        }
    }

    /// <summary>The stored columns the domain does not keep (running deadline, search text) refreshed, and the version bumped.</summary>
    public static void Stage(ComplaintsDbContext db, Complaint complaint, IWorkingDayCalendar calendar)
    {
        RefreshRunningDeadline(db, complaint, calendar);
        Insight.CaseText.Refresh(db, complaint);
        var version = db.Entry(complaint).Property<int>(ComplaintConfiguration.Version);
        version.CurrentValue = version.OriginalValue + 1;
    }

    /// <summary>
    /// Saves a <see cref="Stage"/>d change (<see cref="ComplaintChange"/>) with every audit line recorded so far, in the request's transaction.
    /// The version bumped by <see cref="Stage"/> makes a concurrent change to the same case fail (optimistic concurrency: the
    /// UPDATE is conditioned on the version that was read): false then.
    /// </summary>
    public static async Task<bool> TrySaveStagedAsync(UnitOfWork work, CancellationToken ct)
    {
        try
        {
            await work.SaveAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The other writer appended the same timeline sequence first: the same lost race, seen from a child row.
            return false;
        }
    }
}
