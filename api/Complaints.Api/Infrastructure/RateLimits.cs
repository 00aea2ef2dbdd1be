using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Complaints.Api.Auth;
using Microsoft.AspNetCore.RateLimiting;
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

    /// <summary>A StackExchange.Redis configuration string: budgets shared by every replica. Unset: per process.</summary>
    public string? Redis { get; set; }

    /// <summary>Prefix of the budget keys in Redis, so that environments (or test runs) sharing one Redis keep apart.</summary>
    public string RedisPrefix { get; set; } = "complaints";

    /// <summary>How long a request waits for Redis before this replica counts on its own.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// The framework's limiter (AspNetCoreRateLimit is unmaintained), partitioned by client address
/// for anonymous endpoints and by user (<c>sub</c>) for authenticated ones.
/// </summary>
public static class RateLimits
{
    public const string Lookup = "lookup";
    public const string Submission = "submission";
    public const string Upload = "upload";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton(sp => new RateLimitBackend(sp.GetRequiredService<IOptions<RateLimitOptions>>().Value, sp.GetRequiredService<ILogger<RateLimitBackend>>()));
        services.AddRateLimiter(limiter =>
        {
            // The framework default is 503; a client that is too fast is told so (429) and when to come back.
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = ErrorCodes.TitleForStatus(429),
                        Detail = "请求过于频繁,请稍后再试。",
                        Extensions = { ["code"] = ErrorCodes.RateLimited },
                    },
                });
            };
            limiter.AddPolicy(Lookup, http => PerMinute(http, Lookup, $"ip:{ClientAddress(http)}", Options(http).LookupPerMinute));
            limiter.AddPolicy(Submission, http => PerMinute(http, Submission, $"user:{UserOrAddress(http)}", Options(http).SubmissionPerMinute));
            limiter.AddPolicy(Upload, http => PerMinute(http, Upload, $"user:{UserOrAddress(http)}", Options(http).UploadPerMinute));
        });
        return services;
    }

    private static RateLimitOptions Options(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    // The budget lives in Redis when RateLimits:Redis is set (shared by replicas), else in this process: see RateLimitBackend.
    private static RateLimitPartition<string> PerMinute(HttpContext http, string policy, string key, int permits) =>
        http.RequestServices.GetRequiredService<RateLimitBackend>().PerMinute(policy, key, permits);

    // Behind a reverse proxy, configure ForwardedHeaders so that this is the client, not the proxy.
    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string UserOrAddress(HttpContext http) =>
        http.User.FindFirst(ClaimNames.Subject)?.Value ?? ClientAddress(http);
}
