namespace Complaints.Api.Infrastructure;

/// <summary>
/// Headers on every response: <c>X-Content-Type-Options: nosniff</c>, and <c>Cache-Control: no-store</c> on every API
/// response whose endpoint did not choose its own caching (identity, cases and complaints carry personal data; the
/// cacheable directory, calendar and labels set theirs). Kestrel's <c>Server</c> header is off (<see cref="RemoveServerHeader"/>).
/// </summary>
public static class SecurityHeaders
{
    public static WebApplicationBuilder RemoveServerHeader(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        return builder;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.Remove("Server");
            if (!headers.ContainsKey("Cache-Control") && (http.Request.Path.StartsWithSegments("/api") || http.Request.Headers.ContainsKey("Authorization")))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(http);
    });
}
