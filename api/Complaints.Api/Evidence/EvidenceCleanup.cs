using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Evidence;

/// <summary>
/// api.md: "An upload not attached to a complaint within 24 h is deleted." Sweeps at start and then
/// every <see cref="EvidenceOptions.CleanupInterval"/> on the injected clock.
/// </summary>
public sealed class EvidenceCleanup(
    IServiceScopeFactory scopes,
    IEvidenceStorage storage,
    TimeProvider clock,
    IOptions<EvidenceOptions> options,
    ILogger<EvidenceCleanup> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicSweep.RunAsync(options.Value.CleanupInterval, clock, runAtStart: true, SweepAsync,
            e => logger.LogError(e, "Evidence cleanup failed"), stoppingToken);

    /// <summary>
    /// Deletes every upload older than <see cref="EvidenceOptions.UnattachedMaxAge"/> that no complaint
    /// has attached: the row first, and only if it is still unattached at that moment, then its files.
    /// Safe to run concurrently with itself and with attaching. Returns how many uploads were deleted.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.UnattachedMaxAge;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var deleted = 0;
        while (true)
        {
            var batch = await db.EvidenceFiles.AsNoTracking()
                .Where(e => e.ComplaintId == null && e.UploadedAt < cutoff)
                .OrderBy(e => e.UploadedAt)
                .Select(e => new { e.Id, e.StorageKey, e.ThumbnailKey })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);

            foreach (var item in batch)
            {
                var rows = await db.EvidenceFiles.Where(e => e.Id == item.Id && e.ComplaintId == null).ExecuteDeleteAsync(cancellationToken);
                if (rows == 0)
                {
                    continue; // attached meanwhile, or another sweep took it
                }

                await DeleteStoredAsync(item.Id, item.StorageKey, cancellationToken);
                if (item.ThumbnailKey is not null)
                {
                    await DeleteStoredAsync(item.Id, item.ThumbnailKey, cancellationToken);
                }

                deleted++;
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        if (deleted > 0)
        {
            logger.LogInformation("Evidence cleanup deleted {Count} unattached uploads older than {Cutoff:O}", deleted, cutoff);
        }

        return deleted;
    }

    private async Task DeleteStoredAsync(Guid id, string key, CancellationToken cancellationToken)
    {
        try
        {
            await storage.DeleteAsync(key, cancellationToken);
        }
        catch (Exception e) when (e is IOException or DependencyUnavailableException)
        {
            // The row is gone, so nothing can reach the file any more; it is only wasted space.
            logger.LogWarning(e, "Could not delete the stored file of evidence {EvidenceId}", id);
        }
    }
}
