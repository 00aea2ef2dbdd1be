using Npgsql;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// The one place that decides whether a failure means a dependency is down (answered 503 with <c>Retry-After</c>) rather
/// than a bug: <see cref="DependencyUnavailableException"/> from any component, and PostgreSQL that cannot be reached or is
/// shutting down, however deep EF Core wrapped it.
/// </summary>
public static class DependencyFailures
{
    /// <summary>Seconds a client should wait before retrying while a dependency is down.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>The dependency that is down (<c>database</c>, <c>storage</c>, <c>redis</c>), or null when the failure is something else.</summary>
    public static string? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case DependencyUnavailableException down:
                    return down.Dependency;
                case PostgresException postgres when IsUnavailable(postgres.SqlState):
                    return "database";
                case PostgresException:
                    // The server answered: a statement failed, which is not an outage.
                    return null;
                case NpgsqlException:
                    // Npgsql's own failures: connection refused or reset, I/O, timeouts, pool exhausted.
                    return "database";
            }
        }

        return null;
    }

    // 08: connection exception; 57P01–57P03: admin shutdown, crash shutdown, cannot connect now; 53: insufficient resources.
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03" || sqlState.StartsWith("53", StringComparison.Ordinal);
}
