using Complaints.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Directory;

/// <summary>The names of the agencies a page of complaints mentions, in one query.</summary>
public static class AgencyNames
{
    public static async Task<Dictionary<Guid, string>> OfAsync(ComplaintsDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        return await db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }
}
