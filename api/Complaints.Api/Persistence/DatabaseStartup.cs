using Complaints.Api.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Persistence;

public static class DatabaseStartup
{
    /// <summary>
    /// <c>Database:Command</c>, for deployments where replicas never migrate (k8s/): <c>migrate</c> applies the
    /// migrations of this build and exits (the migration Job); <c>wait-for-schema</c> exits once the database has
    /// every migration of this build, polling until <c>Database:WaitTimeout</c> (a pod's init container: the rollout
    /// waits for the Job). Returns false when no command is given: the process serves.
    /// </summary>
    public static async Task<bool> RunDatabaseCommandAsync(this WebApplication app)
    {
        var command = app.Configuration["Database:Command"];
        if (string.IsNullOrEmpty(command))
        {
            return false;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Complaints.Api.Persistence.DatabaseCommand");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        switch (command)
        {
            case "migrate":
                await RefuseHistoryWithoutBaselineAsync(db);
                await db.Database.MigrateAsync();
                logger.LogInformation("Migrations applied; the schema is at {Migration}", db.Database.GetMigrations().LastOrDefault());
                return true;
            case "wait-for-schema":
                var timeout = app.Configuration.GetValue<TimeSpan?>("Database:WaitTimeout") ?? TimeSpan.FromMinutes(30);
                var clock = app.Services.GetRequiredService<TimeProvider>();
                var until = clock.GetUtcNow() + timeout;
                while (true)
                {
                    try
                    {
                        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                        if (pending.Count == 0)
                        {
                            logger.LogInformation("The schema has every migration of this build");
                            return true;
                        }

                        logger.LogInformation("Waiting for the migration Job: {Count} migration(s) pending, the last {Migration}", pending.Count, pending[^1]);
                    }
                    catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
                    {
                        logger.LogInformation("Waiting for the database ({ErrorType})", e.GetType().Name);
                    }

                    if (clock.GetUtcNow() >= until)
                    {
                        logger.LogError("The schema did not reach this build's migrations within {Timeout}", timeout);
                        Environment.ExitCode = 1;
                        return true;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(3), clock);
                }

            default:
                logger.LogError("Unknown Database:Command {Command}: use migrate or wait-for-schema", command);
                Environment.ExitCode = 2;
                return true;
        }
    }

    /// <summary>Migrates and seeds as <see cref="DatabaseOptions"/> asks; production runs neither by default.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (!options.MigrateOnStartup && !options.SeedDemoData)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        if (options.MigrateOnStartup)
        {
            await RefuseHistoryWithoutBaselineAsync(db);
            await db.Database.MigrateAsync();
        }

        if (options.SeedDemoData)
        {
            await DemoSeeder.SeedDemoAsync(db, CancellationToken.None);
        }
    }

    /// <summary>
    /// A database migrated by the migrations the baseline replaced lacks this build's first migration in its history, and
    /// EF would try to create its tables again; it is refused with what to do instead (docs/decisions/baseline-migration.md).
    /// </summary>
    internal static async Task RefuseHistoryWithoutBaselineAsync(ComplaintsDbContext db)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var first = db.Database.GetMigrations().First();
        if (applied.Count > 0 && !applied.Contains(first))
        {
            throw new InvalidOperationException(
                $"This database was migrated by migrations this build does not have (the last: {applied[^1]}) and lacks its first, {first}. "
                + "It was made before the baseline migration: drop it and create it again (docs/decisions/baseline-migration.md).");
        }
    }
}
