using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// Browsers on other origins (CORS) and the provincial gateway in front of the service (forwarded headers), issue #10.
/// </summary>
public static class BrowserAndProxies
{
    /// <summary>Request headers a browser client sends; every one of them is read by the service.</summary>
    public static readonly string[] RequestHeaders = ["Authorization", "Content-Type", "Idempotency-Key", "If-Match", "If-None-Match", "Accept", "Accept-Language"];

    /// <summary>Response headers a browser client may read besides the CORS-safelisted ones.</summary>
    public static readonly string[] ExposedHeaders = ["ETag", "Location", "Retry-After", "Idempotent-Replayed", "RateLimit", "RateLimit-Policy", "Content-Disposition"];

    /// <summary>
    /// <c>Cors:AllowedOrigins</c> (a list); in Development also the service's own addresses and the front-end dev server
    /// <c>http://localhost:5173</c>. Bearer tokens only: no credentials mode, so no cookies cross origins.
    /// </summary>
    public static IServiceCollection AddApiCors(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var origins = (configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).ToList();
        if (environment.IsDevelopment())
        {
            origins.Add("http://localhost:5173");
            origins.AddRange((configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var allowed = origins.Select(o => o.TrimEnd('/')).Where(o => o.Length > 0 && o != "*").Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(allowed)
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders(RequestHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }

    /// <summary>
    /// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR): only a request
    /// whose peer is one of them has its <c>X-Forwarded-For</c>/<c>-Proto</c> honoured, so that the per-address budgets
    /// see the citizen behind the gateway and nobody else can choose their own address. With none configured, the
    /// headers are ignored altogether (the framework would otherwise trust every peer).
    /// </summary>
    public static IServiceCollection AddApiForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }

            // Walk back through a chain of trusted proxies; stop at the first address that is not one.
            options.ForwardLimit = null;
        });
        services.AddSingleton(new TrustedProxies(proxies.Length + networks.Length > 0));
        return services;
    }

    public static WebApplication UseApiForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TrustedProxies>().Any)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private sealed record TrustedProxies(bool Any);
}
