using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Complaints;

/// <summary>第十三条: the case a merged complaint finally went into (merges may chain: A into B, then B into C).</summary>
public static class MergedTarget
{
    private const int MaxHops = 5;

    /// <summary>Null unless <paramref name="complaint"/> is merged and its target can be found.</summary>
    public static async Task<Complaint?> FinalAsync(ComplaintsDbContext db, Complaint complaint, CancellationToken ct)
    {
        var current = complaint;
        for (var hop = 0; hop < MaxHops && current is { Status: ComplaintStatus.Merged, MergedIntoCaseId: { } into }; hop++)
        {
            current = await db.Complaints.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(c => c.Id == into, ct);
        }

        return current is null || ReferenceEquals(current, complaint) || current.Status == ComplaintStatus.Merged ? null : current;
    }
}
