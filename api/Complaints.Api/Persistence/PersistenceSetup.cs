using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Complaints.Api.Infrastructure;

namespace Complaints.Api.Persistence;

public static class PersistenceSetup
{
    public const string ConnectionStringName = "Complaints";

    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = WithPoolSettings(configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured."));
        // One data source (one connection pool) for EF Core and for the few hot reads that use Npgsql directly.
        services.AddSingleton(_ => Npgsql.NpgsqlDataSource.Create(connectionString));
        services.AddDbContextPool<ComplaintsDbContext>((sp, o) => Configure(o, sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.ThreadSafetyChecks));
        services.AddScoped<UnitOfWork>();
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        return services;
    }

    /// <summary>
    /// Connection settings for throughput, unless the connection string sets them itself:
    /// <list type="bullet">
    /// <item>Npgsql prepares a statement on a connection once it has run twice there, and keeps up to 256:
    /// every query of this service is a fixed text (parameters, never literals), so after warm-up
    /// PostgreSQL skips parsing and planning.</item>
    /// <item>No reset on close: by default a connection returned to the pool is reset with seven statements
    /// (RESET ALL, CLOSE ALL, UNLISTEN *, pg_advisory_unlock_all() …) sent before its next command, which
    /// costs PostgreSQL more than a lookup itself. The service leaves no session state behind: no SET, no
    /// LISTEN, no temporary tables; its only session-level advisory lock (the deadline sweep) is released
    /// in a finally block, and an open transaction is still rolled back when a connection returns.</item>
    /// <item>No client-side command timeout: PostgreSQL's <c>statement_timeout</c> (see below) ends a runaway
    /// statement instead.</item>
    /// </list>
    /// </summary>
    /// <summary>Long enough for the migrations' index builds on a million cases.</summary>
    public const int StatementTimeoutSeconds = 300;

    internal static string WithPoolSettings(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "Auto Prepare", "AutoPrepare"))
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Mentions(connectionString, "Command Timeout", "CommandTimeout"))
        {
            // A runaway statement is ended by PostgreSQL (statement_timeout) instead of Npgsql's timer, which is armed and
            // disarmed around every read: under load its timer-queue lock took 12 % of the service's CPU samples.
            builder.CommandTimeout = 0;
            builder.Options = $"{builder.Options} -c statement_timeout={StatementTimeoutSeconds}s".Trim();
        }

        return builder.ConnectionString;

        static bool Mentions(string s, params string[] keys) => keys.Any(k => s.Contains(k, StringComparison.OrdinalIgnoreCase));
    }

    internal static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(ComplaintWriteGuard.Instance);

    internal static void Configure(DbContextOptionsBuilder options, Npgsql.NpgsqlDataSource dataSource, bool threadSafetyChecks) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .EnableThreadSafetyChecks(threadSafetyChecks)
            .AddInterceptors(StorableTextInterceptor.Instance, ComplaintWriteGuard.Instance);
}

/// <summary>Configuration section <c>Database</c>: what the process does to the schema and data at start.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply pending EF Core migrations at start (EF takes a lock, so replicas may race safely).</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Insert the demo divisions, departments, agencies and officers if missing.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// EF Core's check that no context is used by two flows at once. It is a debugging aid with a price on every row read
    /// (an <c>AsyncLocal</c> write, so a new execution context, per row: a fifth of an agency queue page's allocation), so
    /// the service runs without it and the test suite, which drives every endpoint, runs with it on
    /// (docs/decisions/performance.md).
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }
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
