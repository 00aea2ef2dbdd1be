namespace Complaints.Api.Infrastructure;

/// <summary>
/// The loop of the background sweeps (deadlines, evidence, idempotency keys): run on every tick of the
/// injected clock until the host stops; a failed sweep is reported and the next tick tries again, so
/// one failure never stops the host.
/// </summary>
public static class PeriodicSweep
{
    public static async Task RunAsync(
        TimeSpan interval, TimeProvider clock, bool runAtStart, Func<CancellationToken, Task> sweep, Action<Exception> onFailure, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        if (!runAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        do
        {
            try
            {
                await sweep(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                onFailure(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
