using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Infrastructure;

/// <summary>Configuration section <c>Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>After SIGTERM, how long readiness answers 503 while requests are still served, so load balancers stop sending.</summary>
    public TimeSpan DrainDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Then how long requests in flight may take to finish.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}

/// <summary>
/// SIGTERM, in order: readiness turns 503 (<see cref="DrainingHealthCheck"/>) while the server keeps serving for
/// <see cref="ShutdownOptions.DrainDelay"/>; then Kestrel stops accepting and lets requests in flight finish for up
/// to <see cref="ShutdownOptions.Timeout"/>; then the background services stop (the outbox dispatcher hands back
/// the messages it claimed but did not start). The pod's termination grace period covers the sum (k8s/).
/// </summary>
public static class GracefulShutdown
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ShutdownOptions>(ShutdownOptions.Section);
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((h, shutdown) =>
            h.ShutdownTimeout = shutdown.Value.DrainDelay + shutdown.Value.Timeout + TimeSpan.FromSeconds(5));
        services.AddSingleton<DrainState>();
        services.AddHostedService<DrainOnStop>();
        return services;
    }
}

public sealed class DrainState
{
    private volatile bool _draining;

    public bool IsDraining => _draining;

    public void Begin() => _draining = true;
}

/// <summary>Unhealthy once the process is shutting down: readiness (not liveness) carries it.</summary>
public sealed class DrainingHealthCheck(DrainState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsDraining ? HealthCheckResult.Unhealthy("shutting down") : HealthCheckResult.Healthy());
}

/// <summary>Runs first when the host stops (before Kestrel stops listening): mark draining, then wait.</summary>
internal sealed class DrainOnStop(DrainState state, IOptions<ShutdownOptions> options, ILogger<DrainOnStop> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        state.Begin();
        logger.LogInformation("Shutting down: readiness answers 503; serving for {DrainDelay} more, then finishing requests in flight", options.Value.DrainDelay);
        try
        {
            await Task.Delay(options.Value.DrainDelay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out: carry on stopping.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
