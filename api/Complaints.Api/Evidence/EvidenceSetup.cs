using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Complaints.Api.Evidence;

public static class EvidenceSetup
{
    /// <summary>The longest period a <see cref="PeriodicTimer"/> accepts (uint.MaxValue - 1 milliseconds).</summary>
    private static readonly TimeSpan MaxTimerPeriod = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceOptions>()
            .Bind(configuration.GetSection(EvidenceOptions.Section))
            .Validate(o => o.UnattachedMaxAge > TimeSpan.Zero && o.CleanupInterval > TimeSpan.Zero && o.CleanupInterval <= MaxTimerPeriod,
                "Evidence:UnattachedMaxAge must be positive and Evidence:CleanupInterval between 1 ms and 49 days.")
            .ValidateOnStart();
        services.TryAddSingleton<IEvidenceStorage, FileSystemEvidenceStorage>();
        services.AddSingleton<ImageSanitizer>();
        services.AddScoped<EvidenceAccess>();
        services.AddSingleton<EvidenceCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceCleanup>());
        return services;
    }
}
