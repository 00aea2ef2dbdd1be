using System.Text.RegularExpressions;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.UnitOfWork;

/// <summary>
/// #15 item 1: bulk statements (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, raw SQL) bypass SaveChanges and so the
/// runtime guard (<c>ComplaintWriteGuard</c>, <see cref="ComplaintWriteGuardTests"/>). The few that write a complaint's
/// tables without a domain event are listed here with the reason; any other fails this test.
/// </summary>
public sealed partial class ComplaintWritersTests
{
    /// <summary>The allowed bulk writers of a complaint's tables, and why none of them is a change of the complaint.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        // Recomputes the two stored columns of the running deadline after a holiday schedule is loaded: derived, no event, no version.
        ["Calendar/CalendarEndpoints.cs"] = "running deadline columns",

        // Fills the search columns (and the phone's blind index) of cases stored before they existed: derived, no event.
        ["Insight/InsightBackfill.cs"] = "search columns",

        // The submission's and 补充材料's step inside the one path's transaction (UnitOfWork.TrySaveAsync): attaches the files.
        ["Complaints/EvidenceAttachment.cs"] = "attaching evidence in the one path",

        // Deletes uploads never attached to a complaint (ComplaintId IS NULL): no complaint's.
        ["Evidence/EvidenceCleanup.cs"] = "unattached uploads",
    };

    [Fact]
    public void Only_the_listed_places_write_a_complaints_tables_in_bulk()
    {
        var writers = SourceFiles()
            .Where(f => BulkWrites(File.ReadAllText(f)).Any())
            .Select(f => Path.GetRelativePath(Path.Combine(RepoPaths.Root, "api/Complaints.Api"), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), writers);
    }

    [Theory]
    [InlineData("await db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ComplaintStatus.Concluded), ct);")]
    [InlineData("await db.Complaints\n    .Where(c => c.Id == id)\n    .ExecuteDeleteAsync(ct);")]
    [InlineData("await db.EvidenceFiles.Where(e => e.ComplaintId == id).ExecuteDeleteAsync(ct);")]
    [InlineData("await db.Database.ExecuteSqlAsync($\"UPDATE complaints SET status = 'Concluded' WHERE id = {id}\", ct);")]
    [InlineData("await db.Database.ExecuteSqlRawAsync(\"delete from complaint_timeline where complaint_id = @id\", p, ct);")]
    [InlineData("await db.Database.ExecuteSqlRawAsync(\"INSERT INTO complainant_identities (complaint_id) VALUES (@id)\", p, ct);")]
    public void The_scan_sees_a_bulk_write_of_a_complaint(string code) => Assert.NotEmpty(BulkWrites(code));

    [Theory]
    [InlineData("await db.NotificationOutbox.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, 0), ct);")]
    [InlineData("var rows = await db.Complaints.AsNoTracking().Where(c => c.Id == id).ToListAsync(ct);")]
    [InlineData("SELECT c.id FROM complaints c WHERE c.id = @id")]
    public void The_scan_leaves_other_statements_alone(string code) => Assert.Empty(BulkWrites(code));

    /// <summary>Each EF bulk statement on a complaint's set, and each SQL text that writes one of its tables.</summary>
    private static IEnumerable<string> BulkWrites(string code) =>
        EfStatement().Matches(code).Select(m => m.Value).Where(s => ComplaintSet().IsMatch(s))
            .Concat(SqlWrite().Matches(code).Select(m => m.Value));

    private static IEnumerable<string> SourceFiles() =>
        System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "api/Complaints.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>A statement (from the last <c>;</c>, <c>{</c> or <c>}</c>) that ends in ExecuteUpdate or ExecuteDelete.</summary>
    [GeneratedRegex(@"[^;{}]*\.Execute(Update|Delete)(Async)?\(")]
    private static partial Regex EfStatement();

    [GeneratedRegex(@"\.(Complaints|EvidenceFiles|AgencyQueue)\b")]
    private static partial Regex ComplaintSet();

    [GeneratedRegex(@"\b(UPDATE|DELETE\s+FROM|INSERT\s+INTO)\s+""?(complaints|complaint_\w+|complainant_identities|agency_queue|evidence_files)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SqlWrite();
}
