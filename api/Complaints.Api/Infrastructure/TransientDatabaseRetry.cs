using System.Net.Sockets;
using Npgsql;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// A database that is failing over (or down) must cost a client a retry, never a 500. When a request fails because
/// PostgreSQL cannot be reached, idle pooled connections are dropped (after a failover they all point at the dead
/// primary) and, where running the request again is safe, it runs again in a fresh scope after a short pause:
/// reads (GET, HEAD) and requests carrying an <c>Idempotency-Key</c> (the key's claim commits with the work, so a
/// second run replays instead of repeating it). Anything else, or a database still away after the pauses
/// (~3 s), surfaces as <see cref="DependencyUnavailableException"/> ("database"): 503 with Retry-After.
/// </summary>
public sealed class TransientDatabaseRetry(RequestDelegate next, NpgsqlDataSource dataSource, IServiceScopeFactory scopes, ILogger<TransientDatabaseRetry> logger)
{
    private const long MaxBufferedBody = 1024 * 1024;
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1500)];

    public async Task InvokeAsync(HttpContext http)
    {
        var retryable = IsSafeToRepeat(http.Request);
        if (retryable && http.Request.ContentLength > 0)
        {
            http.Request.EnableBuffering();
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (attempt == 0)
                {
                    await next(http);
                }
                else
                {
                    await RunInFreshScopeAsync(http);
                }

                return;
            }
            catch (Exception e) when (IsUnavailable(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                dataSource.Clear();
                if (!retryable || attempt == Pauses.Length)
                {
                    throw new DependencyUnavailableException("database", e);
                }

                logger.LogWarning("Database unavailable on {Method} {Path} ({ErrorType}); running it again in {Pause} ms",
                    http.Request.Method, http.Request.Path, e.GetType().Name, Pauses[attempt].TotalMilliseconds);
                await Task.Delay(Pauses[attempt], http.RequestAborted);
                http.Response.Clear();
                if (http.Request.Body.CanSeek)
                {
                    http.Request.Body.Position = 0;
                }
            }
        }
    }

    /// <summary>PostgreSQL cannot be reached (<see cref="DependencyFailures"/>) or answered as a read-only replica (not the primary yet).</summary>
    public static bool IsUnavailable(Exception? e)
    {
        if (e is null)
        {
            return false;
        }

        if (DependencyFailures.Find(e) == "database")
        {
            return true;
        }

        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: "25006" } or SocketException)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSafeToRepeat(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
        || (request.Headers.ContainsKey("Idempotency-Key") && (request.ContentLength ?? 0) <= MaxBufferedBody);

    private async Task RunInFreshScopeAsync(HttpContext http)
    {
        // The first run's DbContext may hold half-done changes: the second run gets its own services.
        var original = http.RequestServices;
        await using var scope = scopes.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try
        {
            await next(http);
        }
        finally
        {
            http.RequestServices = original;
        }
    }
}
