using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Complaints.Api.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddDbContextCheck<ComplaintsDbContext>("database", tags: [ReadyTag])
            .AddCheck<DrainingHealthCheck>("draining", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag]);
        if (!string.IsNullOrWhiteSpace(configuration[$"{RateLimitOptions.Section}:{nameof(RateLimitOptions.Redis)}"]))
        {
            checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        }

        return services;
    }

    /// <summary>
    /// live: the process answers; ready: the database answers too and the process is not shutting down (503 otherwise).
    /// The evidence store and Redis are reported too, as <c>degraded</c> when down, which stays 200: the service still
    /// serves everything but evidence (503 there) and counts rate limits per replica.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteReadinessAsync })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }

    /// <summary>
    /// Which dependency is down, by the name its check is registered under (<c>database</c>, <c>storage</c>, <c>redis</c>):
    /// <c>{"status":"unhealthy","dependencies":{"database":"unhealthy","storage":"healthy"}}</c>. No exception text.
    /// </summary>
    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        if (report.Status == HealthStatus.Unhealthy)
        {
            http.Response.Headers.RetryAfter = Infrastructure.DependencyFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsJsonAsync(new Readiness(
            Lower(report.Status),
            report.Entries.ToDictionary(e => e.Key, e => Lower(e.Value.Status))));
    }

    private static string Lower(HealthStatus status) => status.ToString().ToLowerInvariant();

    private sealed record Readiness(string Status, Dictionary<string, string> Dependencies);
}
