using System.Collections.Concurrent;
using System.Globalization;
using Complaints.Api.Auth;

namespace Complaints.Api.Infrastructure;

/// <summary>Configuration section <c>RateLimits</c>: permits per minute for each policy.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Public status lookups, per client address: slows guessing of query codes.</summary>
    public int LookupPerMinute { get; set; } = 10;

    /// <summary>Complaint submissions, per user.</summary>
    public int SubmissionPerMinute { get; set; } = 10;

    /// <summary>Evidence uploads, per user.</summary>
    public int UploadPerMinute { get; set; } = 30;
}

/// <summary>Endpoint metadata: the endpoint draws on the named budget (<see cref="RateLimits"/>).</summary>
public sealed record RateLimited(string Policy);

/// <summary>
/// Per-minute budgets, partitioned by client address for anonymous endpoints and by user (<c>sub</c>) for authenticated
/// ones, in fixed windows aligned to the clock's minutes (<see cref="TimeProvider"/>, so tests can move time). Issue #10:
/// <list type="bullet">
/// <item>honest users are not punished: a request the endpoint refuses (400 validation, 409, 422…) gives its permit back,
/// and an idempotent replay never reaches the budget (IdempotencyMiddleware answers it first), for the policies that
/// say so (<see cref="Submission"/>, <see cref="Upload"/>); a lookup spends whatever it answers, since a wrong query code
/// is exactly what the budget slows;</item>
/// <item>every answer carries the IETF <c>RateLimit</c> (remaining <c>r</c>, seconds to reset <c>t</c>) and
/// <c>RateLimit-Policy</c> (quota <c>q</c>, window <c>w</c>) headers; a refusal is 429 problem+json with <c>Retry-After</c>.</item>
/// </list>
/// One process's counters: with several replicas each has its own (see the scale-out work for a shared store).
/// </summary>
public static class RateLimits
{
    public const string Lookup = "lookup";
    public const string Submission = "submission";
    public const string Upload = "upload";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddSingleton(sp => new RequestBudgets(sp.GetRequiredService<TimeProvider>(), new Dictionary<string, int>
        {
            [Lookup] = Math.Max(1, options.LookupPerMinute),
            [Submission] = Math.Max(1, options.SubmissionPerMinute),
            [Upload] = Math.Max(1, options.UploadPerMinute),
        }));
        return services;
    }

    /// <summary>The endpoint draws one permit of <paramref name="policy"/> per request.</summary>
    public static TBuilder RequireBudget<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RateLimited(policy));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var budgets = http.RequestServices.GetRequiredService<RequestBudgets>();
            var key = policy == Lookup ? $"ip:{ClientAddress(http)}" : $"user:{UserOrAddress(http)}";
            var taken = budgets.TryTake(policy, key);
            budgets.WriteHeaders(http.Response, policy, taken);
            if (!taken.Granted)
            {
                http.Response.Headers.RetryAfter = taken.ResetSeconds.ToString(CultureInfo.InvariantCulture);
                return ProblemHandling.Problem(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                    $"请求过于频繁,请在 {taken.ResetSeconds} 秒后再试。");
            }

            var result = await next(context);
            if (policy != Lookup && !IsSuccess(result))
            {
                // Refused by validation or a rule: the honest user fixing the form keeps the permit.
                budgets.GiveBack(policy, key, taken);
                budgets.WriteHeaders(http.Response, policy, taken with { Remaining = taken.Remaining + 1 });
            }

            return result;
        });
        return builder;
    }

    private static bool IsSuccess(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } or IStatusCodeHttpResult { StatusCode: null };
    }

    // Behind the gateway, ForwardedHeaders (KnownProxies/KnownNetworks) makes this the citizen, not the proxy.
    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string UserOrAddress(HttpContext http) =>
        http.User.FindFirst(ClaimNames.Subject)?.Value ?? ClientAddress(http);

    internal sealed record Taken(bool Granted, int Remaining, int ResetSeconds, long Window);

    /// <summary>Fixed one-minute windows per (policy, partition), counted in memory.</summary>
    internal sealed class RequestBudgets(TimeProvider clock, IReadOnlyDictionary<string, int> quotas)
    {
        private readonly ConcurrentDictionary<(string Policy, string Key), Counter> counters = new();

        public Taken TryTake(string policy, string key)
        {
            var quota = quotas[policy];
            var now = clock.GetUtcNow();
            var window = now.Ticks / Window.Ticks;
            var reset = (int)Math.Ceiling(((window + 1) * Window.Ticks - now.Ticks) / (double)TimeSpan.TicksPerSecond);
            reset = Math.Max(1, reset);
            if (counters.Count > 100_000)
            {
                Prune(window);
            }

            var counter = counters.GetOrAdd((policy, key), _ => new Counter());
            lock (counter)
            {
                if (counter.Window != window)
                {
                    counter.Window = window;
                    counter.Used = 0;
                }

                if (counter.Used >= quota)
                {
                    return new Taken(false, 0, reset, window);
                }

                counter.Used++;
                return new Taken(true, quota - counter.Used, reset, window);
            }
        }

        public void GiveBack(string policy, string key, Taken taken)
        {
            if (counters.TryGetValue((policy, key), out var counter))
            {
                lock (counter)
                {
                    if (counter.Window == taken.Window && counter.Used > 0)
                    {
                        counter.Used--;
                    }
                }
            }
        }

        public void WriteHeaders(HttpResponse response, string policy, Taken taken)
        {
            response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";q={quotas[policy]};w={(int)Window.TotalSeconds}");
            response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";r={Math.Max(0, taken.Remaining)};t={taken.ResetSeconds}");
        }

        private void Prune(long window)
        {
            foreach (var (key, counter) in counters)
            {
                if (counter.Window < window)
                {
                    counters.TryRemove(key, out _);
                }
            }
        }

        private sealed class Counter
        {
            public long Window { get; set; } = -1;

            public int Used { get; set; }
        }
    }
}
