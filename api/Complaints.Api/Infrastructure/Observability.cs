using System.Diagnostics.Metrics;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Complaints.Api.Infrastructure;

/// <summary>Configuration sections <c>Metrics</c> and <c>Otel</c>.</summary>
public sealed class ObservabilityOptions
{
    /// <summary>The port that serves <c>/metrics</c> (Prometheus) and nothing else; unset: no metrics endpoint.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>How often the backlog gauges are read from the database.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An OTLP collector, e.g. <c>http://otel-collector:4317</c>; unset: no traces are exported.</summary>
    public string? OtelEndpoint { get; set; }

    /// <summary><c>grpc</c> (default, port 4317) or <c>http/protobuf</c> (the endpoint is then the full <c>/v1/traces</c> URL).</summary>
    public string OtelProtocol { get; set; } = "grpc";

    public static ObservabilityOptions From(IConfiguration configuration) => new()
    {
        MetricsPort = configuration.GetValue<int?>("Metrics:Port"),
        SampleInterval = configuration.GetValue<TimeSpan?>("Metrics:SampleInterval") ?? TimeSpan.FromSeconds(30),
        OtelEndpoint = configuration["Otel:Endpoint"],
        OtelProtocol = configuration["Otel:Protocol"] ?? "grpc",
    };
}

/// <summary>
/// OpenTelemetry: ASP.NET Core, runtime and Npgsql metrics plus the service's own (<see cref="ComplaintsMetrics"/>),
/// for Prometheus on a port of their own that the ingress does not route; traces over OTLP when a collector is
/// configured. Log lines carry the trace and span ids (JSON console scopes), so a log line leads to its trace.
/// </summary>
public static class Observability
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var options = ObservabilityOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        if (options.MetricsPort is null && string.IsNullOrWhiteSpace(options.OtelEndpoint))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("complaints-api"));
        if (options.MetricsPort is not null)
        {
            telemetry.WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter(ComplaintsMetrics.MeterName)
                .AddPrometheusExporter());
            builder.Services.AddHostedService<BacklogSampler>();
        }

        if (!string.IsNullOrWhiteSpace(options.OtelEndpoint))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/healthz"))
                .AddNpgsql()
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = new Uri(options.OtelEndpoint);
                    o.Protocol = options.OtelProtocol == "http/protobuf" ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
                }));
        }

        return builder;
    }

    /// <summary>The metrics port answers <c>/metrics</c> only, and the API port never does.</summary>
    public static WebApplication UseMetricsPort(this WebApplication app)
    {
        var port = app.Services.GetRequiredService<ObservabilityOptions>().MetricsPort;
        if (port is null)
        {
            return app;
        }

        app.Use((http, next) =>
        {
            var onMetricsPort = http.Connection.LocalPort == port;
            if (onMetricsPort != http.Request.Path.StartsWithSegments("/metrics"))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(http);
        });
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous().DisableRateLimiting();
        return app;
    }
}

/// <summary>The service's own instruments (meter <c>Complaints</c>).</summary>
public static class ComplaintsMetrics
{
    public const string MeterName = "Complaints";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>complaints_received_total{channel}: every complaint stored, by the channel it came through.</summary>
    public static readonly Counter<long> Received = Meter.CreateCounter<long>("complaints.received", "{complaint}", "Complaints received, by channel");

    /// <summary>complaints_decisions_total{action}: every case action taken (accepted, not accepted, concluded, ...).</summary>
    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>("complaints.decisions", "{decision}", "Case decisions and actions, by action");

    internal static readonly BacklogSample Backlog = new();

    static ComplaintsMetrics()
    {
        Meter.CreateObservableGauge("complaints.overdue_backlog", () => Backlog.Overdue, "{case}", "Cases whose running deadline has passed");
        Meter.CreateObservableGauge("complaints.outbox_backlog", () => Backlog.Outbox, "{message}", "Notices waiting to be delivered");
        Meter.CreateObservableGauge("complaints.outbox.oldest_age", () => Backlog.OutboxOldestAgeSeconds, "s", "Age of the oldest undelivered notice");
        Meter.CreateObservableGauge("complaints.deadline_monitor.lag", () => Backlog.DeadlineMonitorLagSeconds, "s",
            "How long the oldest passed deadline has waited to be flagged by the deadline monitor");
    }

    internal sealed class BacklogSample
    {
        public long Overdue { get; set; }

        public long Outbox { get; set; }

        public double OutboxOldestAgeSeconds { get; set; }

        public double DeadlineMonitorLagSeconds { get; set; }
    }
}

/// <summary>Reads the backlog gauges from the database every <see cref="ObservabilityOptions.SampleInterval"/> (indexed counts).</summary>
internal sealed class BacklogSampler(NpgsqlDataSource dataSource, TimeProvider clock, ObservabilityOptions options, ILogger<BacklogSampler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicSweep.RunAsync(options.SampleInterval, clock, runAtStart: true, SampleAsync,
            e => logger.LogWarning("Could not sample the backlog gauges ({ErrorType})", e.GetType().Name), stoppingToken);

    private async Task SampleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM complaints WHERE running_due_at <= $1),
                   (SELECT min(running_due_at) FROM complaints WHERE running_due_at <= $1 AND overdue_flagged_due_at IS DISTINCT FROM running_due_at),
                   (SELECT count(*) FROM notification_outbox WHERE status IN ('pending', 'sending')),
                   (SELECT min(created_at) FROM notification_outbox WHERE status IN ('pending', 'sending'))
            """);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var sample = ComplaintsMetrics.Backlog;
        sample.Overdue = reader.GetInt64(0);
        sample.DeadlineMonitorLagSeconds = reader.IsDBNull(1) ? 0 : Math.Max(0, (now - reader.GetFieldValue<DateTimeOffset>(1)).TotalSeconds);
        sample.Outbox = reader.GetInt64(2);
        sample.OutboxOldestAgeSeconds = reader.IsDBNull(3) ? 0 : Math.Max(0, (now - reader.GetFieldValue<DateTimeOffset>(3)).TotalSeconds);
    }
}
