using System.Text.RegularExpressions;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.UnitOfWork;

/// <summary>
/// #15 item 1, "views compute, they never write": a view reports the personal data it shows in full
/// (<c>Revealing</c>), and the request's unit of work records that read (<c>UnitOfWork.Show</c>) in the same
/// transaction as the rest of the request. The stored lines themselves are checked by the privacy tests
/// (<c>CaseConcurrencyAndPrivacyTests</c>, <c>UnitOfWorkTests</c>, <c>IdentityDocumentTests</c>).
/// </summary>
public sealed partial class ViewsComputeTests
{
    [Fact]
    public void Only_the_unit_of_work_records_a_read_of_personal_data_第九条()
    {
        var recorders = SourceFiles().Where(f => File.ReadAllText(f).Contains("\"personal_data.read\"", StringComparison.Ordinal))
            .Select(Path.GetFileName).ToList();
        Assert.Equal(["UnitOfWork.cs"], recorders);
    }

    [Fact]
    public void No_view_records_an_audit_line()
    {
        // The files that build views: the case view and its complainant (CaseAccess), the mappings to wire records (*Views.cs).
        var views = SourceFiles().Where(f => Path.GetFileName(f) == "CaseAccess.cs" || f.EndsWith("Views.cs", StringComparison.Ordinal)).ToList();
        Assert.Contains(views, f => Path.GetFileName(f) == "CaseAccess.cs");
        Assert.Empty(views.Where(f => AuditWrite().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName));
    }

    private static IEnumerable<string> SourceFiles() =>
        System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "api/Complaints.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"\.Record\(|AuditEntries\.Add|SaveChangesAsync|SaveAsync\(")]
    private static partial Regex AuditWrite();
}
