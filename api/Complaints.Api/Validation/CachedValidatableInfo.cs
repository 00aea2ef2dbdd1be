using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace Complaints.Api.Validation;

/// <summary>
/// The generated validation resolver builds a request type's validation description anew each time it is asked, and
/// the endpoint filter asks on every request: this keeps the first answer for each type and parameter (a fixed set:
/// the declared request records), so a validated request allocates only what validating it takes.
/// </summary>
internal sealed class CachedValidatableInfoResolver(IReadOnlyList<IValidatableInfoResolver> resolvers) : IValidatableInfoResolver
{
    private readonly ConcurrentDictionary<Type, IValidatableInfo?> _types = new();
    private readonly ConcurrentDictionary<ParameterInfo, IValidatableInfo?> _parameters = new();

    // The factories are static and take the resolver as their argument, so a cached answer costs no closure.
    public bool TryGetValidatableTypeInfo(Type type, [NotNullWhen(true)] out IValidatableInfo? validatableInfo) =>
        (validatableInfo = _types.GetOrAdd(type, static (t, self) => self.FirstAnswer(r => r.TryGetValidatableTypeInfo(t, out var info) ? info : null), this)) is not null;

    public bool TryGetValidatableParameterInfo(ParameterInfo parameterInfo, [NotNullWhen(true)] out IValidatableInfo? validatableInfo) =>
        (validatableInfo = _parameters.GetOrAdd(parameterInfo, static (p, self) => self.FirstAnswer(r => r.TryGetValidatableParameterInfo(p, out var info) ? info : null), this)) is not null;

    private IValidatableInfo? FirstAnswer(Func<IValidatableInfoResolver, IValidatableInfo?> ask)
    {
        foreach (var resolver in resolvers)
        {
            if (ask(resolver) is { } info)
            {
                return info;
            }
        }

        return null;
    }
}

internal static class CachedValidatableInfo
{
    /// <summary>After <c>AddValidation()</c>: the registered resolvers, asked once per type and parameter.</summary>
    public static IServiceCollection CacheValidatableInfo(this IServiceCollection services) =>
        services.AddSingleton<IPostConfigureOptions<ValidationOptions>>(new PostConfigureOptions<ValidationOptions>(Options.DefaultName, options =>
        {
            var resolvers = options.Resolvers.ToList();
            options.Resolvers.Clear();
            options.Resolvers.Add(new CachedValidatableInfoResolver(resolvers));
        }));
}
