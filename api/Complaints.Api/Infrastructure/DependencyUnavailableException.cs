namespace Complaints.Api.Infrastructure;

/// <summary>
/// A dependency the request needs (the database, object storage, Redis) cannot be reached right now.
/// It is not the caller's fault and not a bug: the API answers 503 with <c>Retry-After</c>.
/// </summary>
public sealed class DependencyUnavailableException(string dependency, Exception? inner = null)
    : Exception($"The dependency '{dependency}' is unavailable.", inner)
{
    /// <summary>Which dependency is down, as /healthz/ready names it: <c>database</c>, <c>storage</c> or <c>redis</c>.</summary>
    public string Dependency { get; } = dependency;
}
