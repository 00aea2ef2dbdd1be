using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Complaints.Api.Persistence;

public static class PersistenceSetup
{
    public const string ConnectionStringName = "Complaints";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = WithAutoPrepare(configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured."));
        // One data source (one connection pool) for EF Core and for the few hot reads that use Npgsql directly.
        services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        services.AddDbContextPool<ComplaintsDbContext>((sp, o) => Configure(o, sp.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        return services;
    }

    /// <summary>
    /// Npgsql prepares a statement on a connection once it has run twice there, and keeps up to 256: every
    /// query of this service is a fixed text (parameters, never literals), so after warm-up PostgreSQL
    /// skips parsing and planning. A connection string that sets Max Auto Prepare itself is left alone.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();

    internal static void Configure(DbContextOptionsBuilder options, Npgsql.NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}

/// <summary>Configuration section <c>Database</c>: what the process does to the schema and data at start.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations at start (EF takes a lock, so replicas may race safely).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Insert the demo divisions, departments, agencies and officers if missing.</summary>
    public bool SeedDemoData { get; set; }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the app's configuration.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ComplaintsDbContext>
{
    public ComplaintsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ComplaintsDbContext>();
        PersistenceSetup.Configure(builder, "Host=localhost;Database=complaints_design");
        return new ComplaintsDbContext(builder.Options);
    }
}
