using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Complaints.Api.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<ComplaintsDbContext>("database", tags: [ReadyTag])
            .AddCheck<DrainingHealthCheck>("draining", tags: [ReadyTag]);
        return services;
    }

    /// <summary>live: the process answers; ready: the database answers too and the process is not shutting down (503 otherwise).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) }).AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
