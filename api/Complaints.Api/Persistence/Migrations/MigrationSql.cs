namespace Complaints.Api.Persistence.Migrations;

/// <summary>
/// The hand-written SQL a migration keeps beside it, one file per concern in <c>Persistence/Migrations/&lt;folder&gt;/</c>,
/// embedded by Complaints.Api.csproj (docs/decisions/baseline-migration.md).
/// </summary>
internal static class MigrationSql
{
    public static string Read(string folder, string file)
    {
        var name = $"Complaints.Api.Persistence.Migrations.{folder}.{file}";
        using var stream = typeof(MigrationSql).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing (Complaints.Api.csproj embeds Persistence/Migrations/{folder}/*.sql).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
