using Complaints.Api.Audit;
using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Complaints.Api.Complaints;

/// <summary>Loading and saving the aggregate, with the shadow state the domain does not know about.</summary>
public static class ComplaintStore
{
    public static void SetShadowState(ComplaintsDbContext db, Complaint complaint, string regionCode, ProtectedComplainant identity)
    {
        var entry = db.Entry(complaint);
        entry.Property(ComplaintConfiguration.RegionCode).CurrentValue = regionCode;
        entry.Property(ComplaintConfiguration.Version).CurrentValue = 1;
        var owned = entry.Reference(c => c.Complainant).TargetEntry!;
        owned.Property(ComplaintConfiguration.IdNumberMasked).CurrentValue = identity.IdNumberMasked;
        owned.Property(ComplaintConfiguration.PhoneMasked).CurrentValue = identity.PhoneMasked;
        owned.Property(ComplaintConfiguration.IdNumberBlindIndex).CurrentValue = identity.IdNumberBlindIndex;
    }

    public static int VersionOf(ComplaintsDbContext db, Complaint complaint) =>
        db.Entry(complaint).Property<int>(ComplaintConfiguration.Version).CurrentValue;

    /// <summary>
    /// Saves a changed aggregate, bumping its version so that a concurrent change to the same case fails
    /// (optimistic concurrency: the UPDATE is conditioned on the version that was read).
    /// </summary>
    public static async Task<bool> TrySaveAsync(ComplaintsDbContext db, AuditTrail audit, Complaint complaint, CancellationToken ct)
    {
        var version = db.Entry(complaint).Property<int>(ComplaintConfiguration.Version);
        version.CurrentValue = version.OriginalValue + 1;
        try
        {
            await audit.SaveChangesAsync(ct);
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
