using Complaints.Api.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Persistence;

public static class DatabaseStartup
{
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
            await db.Database.MigrateAsync();
        }

        if (options.SeedDemoData)
        {
            await DemoSeeder.SeedDemoAsync(db, CancellationToken.None);
        }
    }
}
