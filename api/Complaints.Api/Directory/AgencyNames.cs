using System.Collections.Concurrent;
using Complaints.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Directory;

/// <summary>
/// The names of the agencies a page of complaints mentions. The service never renames an agency: the directory is
/// seeded or loaded by operators, changes seldom and is small. So each replica remembers a name it has read for
/// <see cref="Freshness"/> and a page asks the database only for names it has not seen lately: asking on every page
/// was a second round trip per list request and halved the lists' throughput (bench/README.md, #16). A name changed in
/// the database shows everywhere within <see cref="Freshness"/>.
/// </summary>
public sealed class AgencyNames(TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<Guid, (string Name, DateTimeOffset ReadAt)> _known = new();

    public async Task<IReadOnlyDictionary<Guid, string>> OfAsync(ComplaintsDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var names = new Dictionary<Guid, string>();
        List<Guid>? missing = null;
        foreach (var id in ids)
        {
            if (names.ContainsKey(id))
            {
                continue;
            }

            if (_known.TryGetValue(id, out var known) && now - known.ReadAt < Freshness)
            {
                names[id] = known.Name;
            }
            else if (missing is null || !missing.Contains(id))
            {
                (missing ??= []).Add(id);
            }
        }

        if (missing is null)
        {
            return names;
        }

        var wanted = missing.ToArray();
        foreach (var agency in await db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
        {
            names[agency.Id] = agency.Name;
            _known[agency.Id] = (agency.Name, now);
        }

        return names;
    }
}
