using Microsoft.AspNetCore.HttpLogging;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// Structured JSON logs. Request logging records method, path, status and duration only:
/// no headers (tokens), no query strings, no bodies — personal data never reaches a log.
/// </summary>
public static class Logging
{
    public static WebApplicationBuilder AddApiLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            // Scopes carry the TraceId and SpanId of the request (and of background work that starts an activity).
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        return builder;
    }
}
