using Microsoft.EntityFrameworkCore.Migrations;

namespace Complaints.Api.Persistence.Migrations;

/// <summary>
/// The glossary's renames (#15 item 7, docs/glossary.md) convert what a database already holds: enum members stored by
/// name, wire names in timeline details and frozen reports. The SQL is embedded beside this file.
/// </summary>
public partial class Issue15Renames
{
    private static string Read(string file)
    {
        var name = $"Complaints.Api.Persistence.Migrations.Issue15Renames.{file}";
        using var stream = typeof(Issue15Renames).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing (Complaints.Api.csproj embeds Persistence/Migrations/Issue15Renames/*.sql).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
