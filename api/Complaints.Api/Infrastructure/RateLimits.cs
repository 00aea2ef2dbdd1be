using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Complaints.Api.Auth;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Infrastructure;

/// <summary>Configuration section <c>RateLimits</c>: permits per minute for each policy.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Public status lookups, per client address: slows guessing of query codes.</summary>
    [Range(1, int.MaxValue)]
    public int LookupPerMinute { get; set; } = 10;

    /// <summary>Complaint submissions, per user.</summary>
    [Range(1, int.MaxValue)]
    public int SubmissionPerMinute { get; set; } = 10;

    /// <summary>Evidence uploads, per user.</summary>
    [Range(1, int.MaxValue)]
    public int UploadPerMinute { get; set; } = 30;

    /// <summary>The permits per minute of <paramref name="policy"/> when nothing is configured (the contract's examples).</summary>
    public static int DefaultPermits(string policy)
    {
        var defaults = new RateLimitOptions();
        return policy switch
        {
            RateLimits.Lookup => defaults.LookupPerMinute,
            RateLimits.Upload => defaults.UploadPerMinute,
            _ => defaults.SubmissionPerMinute,
        };
    }

    /// <summary>A StackExchange.Redis configuration string: budgets shared by every replica. Unset: per process.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of the budget keys in Redis, so that environments (or test runs) sharing one Redis keep apart.</summary>
    public string RedisPrefix { get; set; } = "complaints";

    /// <summary>How long a request waits for Redis before this replica counts on its own.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// Per-minute budgets (the framework's System.Threading.RateLimiting limiters; AspNetCoreRateLimit is unmaintained),
/// partitioned by client address for anonymous operations and by user (<c>sub</c>) for authenticated ones.
/// An operation spends from its budget through an endpoint filter (<see cref="SpendsBudget"/>) rather than the
/// rate-limiting middleware, so that the spending happens after what comes before it: an idempotent replay is
/// answered by IdempotencyMiddleware and a body refused by the declared request rules by the validation filter,
/// and neither spends anything (issue #10). Every answer of such an operation carries the IETF
/// <c>RateLimit-Policy</c> and <c>RateLimit</c> headers (draft-ietf-httpapi-ratelimit-headers).
/// </summary>
public static class RateLimits
{
    public const string Lookup = "lookup";
    public const string Submission = "submission";
    public const string Upload = "upload";

    public const string PolicyHeader = "RateLimit-Policy";
    public const string StateHeader = "RateLimit";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton(sp => new RateLimitBackend(sp.GetRequiredService<IOptions<RateLimitOptions>>().Value, sp.GetRequiredService<ILogger<RateLimitBackend>>()));
        services.AddSingleton(sp => new Budgets(
            sp.GetRequiredService<RateLimitBackend>(), sp.GetRequiredService<IOptions<RateLimitOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The operation spends one permit of <paramref name="policy"/>'s budget once its request passed validation.</summary>
    public static TBuilder SpendsBudget<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new SpendsBudgetAttribute(policy));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var budgets = http.RequestServices.GetRequiredService<Budgets>();
            using var lease = await budgets.AcquireAsync(policy, http, http.RequestAborted);
            if (lease.IsAcquired)
            {
                return await next(context);
            }

            http.Response.Headers.RetryAfter = Math.Max(1, budgets.SecondsToReset(lease)).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = ErrorCodes.TypeForStatus(StatusCodes.Status429TooManyRequests),
                Title = ErrorCodes.TitleForStatus(StatusCodes.Status429TooManyRequests),
                Detail = "请求过于频繁,请稍后再试。",
                Extensions = { ["code"] = ErrorCodes.RateLimited },
            });
        });
        return builder;
    }

    // Behind a reverse proxy, configure ForwardedHeaders so that this is the client, not the proxy.
    internal static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal static string UserOrAddress(HttpContext http) =>
        http.User.FindFirst(ClaimNames.Subject)?.Value ?? ClientAddress(http);
}

/// <summary>Endpoint metadata: the operation spends from <paramref name="Policy"/>'s budget (declared as 429 and the RateLimit headers).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SpendsBudgetAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>The three budgets, each a partitioned limiter whose partitions live in this process or in Redis (<see cref="RateLimitBackend"/>).</summary>
public sealed class Budgets(RateLimitBackend backend, RateLimitOptions options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (int Permits, string PolicyHeader, PartitionedRateLimiter<HttpContext> Limiter)> _budgets = new(StringComparer.Ordinal)
    {
        [RateLimits.Lookup] = Create(backend, RateLimits.Lookup, options.LookupPerMinute, http => $"ip:{RateLimits.ClientAddress(http)}"),
        [RateLimits.Submission] = Create(backend, RateLimits.Submission, options.SubmissionPerMinute, http => $"user:{RateLimits.UserOrAddress(http)}"),
        [RateLimits.Upload] = Create(backend, RateLimits.Upload, options.UploadPerMinute, http => $"user:{RateLimits.UserOrAddress(http)}"),
    };

    /// <summary>Spends one permit and writes the RateLimit headers of the budget as it is after this request.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string policy, HttpContext http, CancellationToken ct)
    {
        var (permits, policyHeader, limiter) = _budgets[policy];
        var lease = await limiter.AcquireAsync(http, 1, ct);
        var remaining = Remaining(lease) ?? limiter.GetStatistics(http)?.CurrentAvailablePermits ?? 0;
        var headers = http.Response.Headers;
        headers[RateLimits.PolicyHeader] = policyHeader;
        headers[RateLimits.StateHeader] = $"\"{policy}\";r={Math.Clamp(remaining, 0, permits)};t={SecondsToReset(lease)}";
        return lease;
    }

    /// <summary>Seconds until the budget's window ends, as the limiter says; the window's length when it does not say.</summary>
    public int SecondsToReset(RateLimitLease lease)
    {
        if (lease.TryGetMetadata(WindowedLimiter.ResetSeconds, out var reset) && reset is int seconds)
        {
            return seconds;
        }

        if (lease.TryGetMetadata("RATELIMIT_RESET", out var redisReset) && redisReset is long unixSeconds)
        {
            // RedisRateLimiting: the Unix time at which the window's key expires.
            return (int)Math.Clamp(unixSeconds - clock.GetUtcNow().ToUnixTimeSeconds(), 0, (long)Window.TotalSeconds);
        }

        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
        {
            return (int)Math.Ceiling(wait.TotalSeconds);
        }

        return (int)Window.TotalSeconds;
    }

    private static long? Remaining(RateLimitLease lease) =>
        lease.TryGetMetadata("RATELIMIT_REMAINING", out var value) && value is long remaining ? remaining : null;

    // The policy header never changes for a budget: written once, not formatted again for every request.
    private static (int, string, PartitionedRateLimiter<HttpContext>) Create(RateLimitBackend backend, string policy, int permits, Func<HttpContext, string> key)
    {
        var quota = Math.Max(1, permits);
        return (quota, $"\"{policy}\";q={quota};w={(int)Window.TotalSeconds}",
            PartitionedRateLimiter.Create<HttpContext, string>(http => backend.PerMinute(policy, key(http), permits)));
    }
}

/// <summary>
/// This process's fixed window (the framework's <see cref="FixedWindowRateLimiter"/>), telling each lease how many
/// permits are left and in how many seconds the window ends: the limiter's windows start when it is created and
/// follow each other every <c>Window</c>, which is what its automatic replenishment does.
/// </summary>
internal sealed class WindowedLimiter(FixedWindowRateLimiterOptions options) : RateLimiter
{
    public const string ResetSeconds = "RESET_SECONDS";
    public const string RemainingPermits = "RATELIMIT_REMAINING";

    private readonly FixedWindowRateLimiter _inner = new(options);
    private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();

    public override TimeSpan? IdleDuration => _inner.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => _inner.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Describe(_inner.AttemptAcquire(permitCount));

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        Describe(await _inner.AcquireAsync(permitCount, cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private DescribedLease Describe(RateLimitLease lease)
    {
        var window = options.Window;
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(_start);
        var left = window - TimeSpan.FromTicks(elapsed.Ticks % window.Ticks);
        return new DescribedLease(lease, _inner.GetStatistics()?.CurrentAvailablePermits ?? 0, (int)Math.Ceiling(left.TotalSeconds));
    }

    private sealed class DescribedLease(RateLimitLease inner, long remaining, int resetSeconds) : RateLimitLease
    {
        public override bool IsAcquired => inner.IsAcquired;

        public override IEnumerable<string> MetadataNames => [.. inner.MetadataNames, ResetSeconds, RemainingPermits];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            switch (metadataName)
            {
                case ResetSeconds:
                    metadata = resetSeconds;
                    return true;
                case RemainingPermits:
                    metadata = remaining;
                    return true;
                default:
                    return inner.TryGetMetadata(metadataName, out metadata);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
