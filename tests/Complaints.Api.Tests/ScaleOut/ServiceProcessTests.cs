using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Complaints.Api.Tests.Evidence;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.ScaleOut;

/// <summary>The service as a process of its own: metrics on their own port, traces to a collector, trace ids in the log, SIGTERM.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ServiceProcessTests
{
    [Fact]
    public async Task Metrics_are_served_on_their_own_port_only_traces_reach_the_collector_and_log_lines_carry_trace_ids()
    {
        using var collector = new HttpListener();
        var collectorPort = PrivateRedis.FreePort();
        collector.Prefixes.Add($"http://127.0.0.1:{collectorPort}/");
        collector.Start();
        var traces = collector.GetContextAsync().ContinueWith(t =>
        {
            var path = t.Result.Request.Url!.AbsolutePath;
            t.Result.Response.StatusCode = 200;
            t.Result.Response.Close();
            return path;
        }, TaskScheduler.Default);

        await using var service = await ServiceProcess.StartAsync(await TestDatabase.CreateAsync("process"), new Dictionary<string, string>
        {
            ["Otel__Endpoint"] = $"http://127.0.0.1:{collectorPort}/v1/traces",
            ["Otel__Protocol"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["Metrics__SampleInterval"] = "00:00:01",
        });
        var citizen = await TokenAsync(service, "citizen");
        Assert.Equal(HttpStatusCode.Created, (await Send(service.Client, HttpMethod.Post, "/api/v1/complaints", citizen, ComplaintBodies.Online())).StatusCode);

        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{service.MetricsPort}") };
        var metrics = await scraper.GetStringAsync("/metrics");
        foreach (var name in new[]
        {
            "http_server_request_duration_seconds_bucket", "complaints_received_total", "complaints_overdue_backlog",
            "complaints_outbox_backlog", "complaints_outbox_oldest_age_seconds", "complaints_deadline_monitor_lag_seconds", "db_client_",
        })
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }

        Assert.Matches("complaints_received_total\\{[^}]*channel=\"online_app\"[^}]*\\} 1", metrics);
        Assert.Matches("(process_runtime_dotnet|dotnet_)", metrics);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Client.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/healthz/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/api/v1/calendar/working-days?from=2026-03-02&days=1")).StatusCode);

        Assert.Equal("/v1/traces", await traces.WaitAsync(TimeSpan.FromSeconds(20)));

        // The request log line of that submission names its trace.
        var line = service.Output.First(l => l.Contains("\"Path\":\"/api/v1/complaints\"", StringComparison.Ordinal) || l.Contains("/api/v1/complaints", StringComparison.Ordinal) && l.Contains("HttpLogging", StringComparison.Ordinal));
        Assert.Matches(TraceId(), line);
    }

    [Fact]
    public async Task On_SIGTERM_readiness_turns_503_first_and_a_request_in_flight_completes()
    {
        await using var service = await ServiceProcess.StartAsync(await TestDatabase.CreateAsync("sigterm"), new Dictionary<string, string>
        {
            ["Shutdown__DrainDelay"] = "00:00:02",
            ["Shutdown__Timeout"] = "00:00:20",
        });
        var token = await TokenAsync(service, "citizen");

        // An upload whose body arrives in two halves, with SIGTERM in between.
        var form = EvidenceUploads.Form(EvidenceSamples.Pdf(), "receipt.pdf");
        var bytes = await form.ReadAsByteArrayAsync();
        var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = new TwoHalves(bytes, halfSent, release.Task);
        body.Headers.ContentType = form.Headers.ContentType;
        using var uploader = new HttpClient { BaseAddress = service.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/evidence") { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var upload = uploader.SendAsync(request);
        await halfSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);

        service.Terminate();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode ready;
        do
        {
            using var probe = new HttpClient { BaseAddress = service.Client.BaseAddress };
            ready = (await probe.GetAsync("/healthz/ready")).StatusCode;
        }
        while (ready != HttpStatusCode.ServiceUnavailable && watch.Elapsed < TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.False(upload.IsCompleted);

        await Task.Delay(2500); // past the drain delay: the server no longer accepts, the upload is still in flight
        release.SetResult();
        var response = await upload;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(30)), "the process did not exit after SIGTERM");
        Assert.Equal(0, service.ExitCode);
        Assert.Contains(service.Output, l => l.Contains("readiness answers 503", StringComparison.Ordinal));
    }

    private static async Task<string> TokenAsync(ServiceProcess service, string persona)
    {
        var response = await service.Client.PostAsJsonAsync("/api/dev/tokens", new { persona });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string token, object body)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    [GeneratedRegex("\"TraceId\":\"[0-9a-f]{32}\"")]
    private static partial Regex TraceId();

    /// <summary>A request body sent in two halves: the second only when <paramref name="release"/> completes.</summary>
    private sealed class TwoHalves(byte[] bytes, TaskCompletionSource halfSent, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half));
            await stream.FlushAsync();
            halfSent.TrySetResult();
            await release;
            await stream.WriteAsync(bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
