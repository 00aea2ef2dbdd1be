using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Complaints.Api.Evidence;

public static class EvidenceSetup
{
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EvidenceOptions>()
            .Bind(configuration.GetSection(EvidenceOptions.Section))
            .Validate(o => o.UnattachedMaxAge > TimeSpan.Zero && o.CleanupInterval > TimeSpan.Zero,
                "Evidence:UnattachedMaxAge and Evidence:CleanupInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IEvidenceStorage, FileSystemEvidenceStorage>();
        services.AddSingleton<ImageSanitizer>();
        services.AddScoped<EvidenceAccess>();
        services.AddSingleton<EvidenceCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<EvidenceCleanup>());
        return services;
    }
}
