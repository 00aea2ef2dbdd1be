using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Complaints.Api.Tests.Migrations;

/// <summary>
/// #15 item 8: the migrations start from one baseline. schema.txt is the schema the migrations build (SchemaDescription);
/// it was first written by the fifteen migrations the baseline replaced (commit "Migrations: schema.txt …"), so the
/// baseline is proven to build the same schema (docs/decisions/baseline-migration.md). A later migration changes the
/// schema on purpose: regenerate the file with COMPLAINTS_UPDATE_SCHEMA=1 and review its diff with the migration.
/// </summary>
public sealed class BaselineMigrationTests
{
    private static string SchemaFile => Path.Combine(RepoPaths.Root, "tests", "Complaints.Api.Tests", "Migrations", "schema.txt");

    [Fact]
    public async Task The_migrations_build_the_recorded_schema()
    {
        var connectionString = await TestDatabase.CreateAsync("schema");
        await using (var db = Context(connectionString))
        {
            await db.Database.MigrateAsync();
        }

        var actual = await SchemaDescription.DescribeAsync(connectionString);
        if (Environment.GetEnvironmentVariable("COMPLAINTS_UPDATE_SCHEMA") == "1")
        {
            await File.WriteAllLinesAsync(SchemaFile, actual);
            return;
        }

        var expected = await File.ReadAllLinesAsync(SchemaFile);
        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            "The migrations build a schema other than schema.txt (COMPLAINTS_UPDATE_SCHEMA=1 rewrites it after a deliberate change).\n"
            + $"Missing ({missing.Count}):\n  " + string.Join("\n  ", missing) + $"\nUnexpected ({unexpected.Count}):\n  " + string.Join("\n  ", unexpected));
    }

    [Fact]
    public void The_model_has_no_change_without_a_migration()
    {
        using var db = Context("Host=localhost;Database=unused");
        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the last migration's snapshot: add a migration (dotnet ef migrations add).");
    }

    [Fact]
    public void The_first_migration_is_the_baseline()
    {
        using var db = Context("Host=localhost;Database=unused");
        Assert.EndsWith("_Baseline", db.Database.GetMigrations().First());
    }

    [Fact]
    public async Task A_database_migrated_before_the_baseline_is_refused_with_what_to_do()
    {
        var connectionString = await TestDatabase.CreateAsync("prebaseline");
        await using var db = Context(connectionString);
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateScript());
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow("20261202041138_Issue15VisibilityDefinedOnce", "10.0.15")));

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseStartup.RefuseHistoryWithoutBaselineAsync(db));
        Assert.Contains("drop it and create it again", refusal.Message);
        Assert.Contains("20261202041138_Issue15VisibilityDefinedOnce", refusal.Message);
    }

    [Fact]
    public async Task A_fresh_or_baselined_database_is_migrated()
    {
        var connectionString = await TestDatabase.CreateAsync("baselined");
        await using var db = Context(connectionString);
        await DatabaseStartup.RefuseHistoryWithoutBaselineAsync(db);
        await db.Database.MigrateAsync();
        await DatabaseStartup.RefuseHistoryWithoutBaselineAsync(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static ComplaintsDbContext Context(string connectionString)
    {
        var options = new DbContextOptionsBuilder<ComplaintsDbContext>();
        PersistenceSetup.Configure(options, connectionString);
        return new ComplaintsDbContext(options.Options);
    }
}
