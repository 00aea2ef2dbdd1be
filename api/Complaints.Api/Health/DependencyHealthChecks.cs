using Complaints.Api.Evidence;
using Complaints.Api.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Complaints.Api.Health;

/// <summary>
/// The evidence store answers: a read of a key that is never written (a missing object is an answer). Reported as
/// <c>degraded</c>, not unhealthy: without the store only evidence uploads and downloads fail (503), and taking every
/// replica out of the load balancer for it would stop lookups and casework as well. Bounded by <see cref="Timeout"/>, so a
/// probe never waits out the S3 client's retries.
/// </summary>
public sealed class StorageHealthCheck(IEvidenceStorage storage) : IHealthCheck
{
    public const string ProbeKey = "healthz-probe";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(Timeout);
        try
        {
            await using var probe = await storage.OpenReadAsync(ProbeKey, bounded.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store is down, slow or refuses us (a missing bucket): no exception text leaves the process.
            return HealthCheckResult.Degraded();
        }
    }
}

/// <summary>
/// Redis, when <c>RateLimits:Redis</c> is set: <c>degraded</c> while it cannot be reached, because the budgets (and the
/// lookup locks) are then counted per replica; the service itself goes on.
/// </summary>
public sealed class RedisHealthCheck(RateLimitBackend backend) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!backend.RedisConfigured || backend.UsesRedis ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded());
}
