using Complaints.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Complaints.Api.Evidence;

public static class EvidenceSetup
{
    /// <summary>The longest period a <see cref="PeriodicTimer"/> accepts (uint.MaxValue - 1 milliseconds).</summary>
    private static readonly TimeSpan MaxTimerPeriod = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EvidenceOptions>(EvidenceOptions.Section)
            .Validate(o => o.UnattachedMaxAge > TimeSpan.Zero && o.CleanupInterval > TimeSpan.Zero && o.CleanupInterval <= MaxTimerPeriod,
                "Evidence:UnattachedMaxAge must be positive and Evidence:CleanupInterval between 1 ms and 49 days.")
            .Validate(o => o.DecodeMemoryBudget >= ImageSanitizer.MinimumDecodeMemoryBudget && o.DecodeWaitTimeout > TimeSpan.Zero,
                "Evidence:DecodeMemoryBudget must be at least 16 MiB (in bytes) and Evidence:DecodeWaitTimeout positive.")
            .ValidateOnStart();
        // The store is chosen once, at start: S3 for replicas that share evidence, the filesystem for ./run.sh.
        var storage = configuration[$"{EvidenceOptions.Section}:{nameof(EvidenceOptions.Storage)}"];
        if (string.Equals(storage, EvidenceOptions.S3Storage, StringComparison.OrdinalIgnoreCase))
        {
            services.AddValidatedOptions<S3EvidenceOptions>($"{EvidenceOptions.Section}:S3")
                .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxErrorRetry >= 0, "Evidence:S3:Timeout must be positive and MaxErrorRetry at least 0.")
                .Validate(o => string.IsNullOrWhiteSpace(o.ServerSideEncryption) || o.ServerSideEncryption is "AES256" or "aws:kms",
                    "Evidence:S3:ServerSideEncryption must be empty, AES256 or aws:kms.")
                .Validate(o => o.ChecksumMode is "WHEN_REQUIRED" or "WHEN_SUPPORTED", "Evidence:S3:ChecksumMode must be WHEN_REQUIRED or WHEN_SUPPORTED.")
                .ValidateOnStart();
            services.TryAddSingleton<IEvidenceStorage, S3EvidenceStorage>();
        }
        else if (storage is null || string.Equals(storage, EvidenceOptions.FileSystemStorage, StringComparison.OrdinalIgnoreCase))
        {
            services.TryAddSingleton<IEvidenceStorage, FileSystemEvidenceStorage>();
        }
        else
        {
            throw new InvalidOperationException("Evidence:Storage must be 'filesystem' or 's3'.");
        }

        services.AddSingleton(sp => new DecodeMemoryBudget(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EvidenceOptions>>().Value.DecodeMemoryBudget, ImageSanitizer.TrimAfterQuiet));
        services.AddSingleton<ImageSanitizer>();
        services.AddScoped<EvidenceAccess>();
        services.AddSingleton<EvidenceCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceCleanup>());
        return services;
    }
}
