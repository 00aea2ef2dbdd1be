using System.Collections.Concurrent;
using System.Text.Json;
using Complaints.Api.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Complaints.Api.Tests.AgencySystems;

/// <summary>One POST as it arrived, byte for byte, and whether this receiver accepted it.</summary>
public sealed record AgencyDelivery(string? Signature, string? EventId, string? ContentType, byte[] Body, bool SignatureValid, bool Duplicate)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Id => Json.GetProperty("id").GetString()!;

    public string Type => Json.GetProperty("type").GetString()!;

    public JsonElement Data => Json.GetProperty("data");

    public long Sequence => long.Parse(Json.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// An agency's system as the README tells it to be written: Kestrel on a loopback port that verifies every delivery's
/// signature with its secret before parsing (401 for a tampered body or a stale timestamp), drops an id it has already
/// processed (answering 200), and otherwise answers what <see cref="Respond"/> says.
/// </summary>
public sealed class AgencyReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<AgencyDelivery> _all = new();
    private readonly ConcurrentDictionary<string, AgencyDelivery> _processed = new(StringComparer.Ordinal);

    private AgencyReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    /// <summary>The secrets this receiver accepts (after a rotation, the new one).</summary>
    public List<string> Secrets { get; } = [];

    /// <summary>Every POST, accepted or not, in arrival order.</summary>
    public IReadOnlyCollection<AgencyDelivery> All => _all;

    /// <summary>Events processed (signature valid, first time for the id, answered 2xx), in arrival order.</summary>
    public List<AgencyDelivery> Processed => [.. _all.Where(d => d.SignatureValid && !d.Duplicate && _processed.TryGetValue(d.Id, out var p) && ReferenceEquals(p, d))];

    public Func<AgencyDelivery, int> Respond { get; set; } = _ => 200;

    public TimeSpan Delay { get; set; }

    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    public void Reset(params string[] secrets)
    {
        _all.Clear();
        _processed.Clear();
        Secrets.Clear();
        Secrets.AddRange(secrets);
        Respond = _ => 200;
        Delay = TimeSpan.Zero;
    }

    public static async Task<AgencyReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new AgencyReceiver(app);
        app.MapPost("/events", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Urls.Single() + "/events";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var signature = context.Request.Headers[WebhookSignature.Header].ToString();

        // A timestamp more than 5 minutes from this receiver's clock is a replay (the tests' clock is the app's fake one).
        var valid = Secrets.Any(s => WebhookSignature.Verify(signature, body, s, Clock()));
        var id = valid ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()! : "";
        var duplicate = valid && _processed.ContainsKey(id);
        var delivery = new AgencyDelivery(signature, context.Request.Headers[WebhookSignature.EventIdHeader], context.Request.ContentType, body, valid, duplicate);
        _all.Enqueue(delivery);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (!valid)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (duplicate)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var status = Respond(delivery);
        if (status is >= 200 and < 300)
        {
            _processed.TryAdd(id, delivery);
        }

        context.Response.StatusCode = status;
    }

    public static DateTimeOffset SignedAt(string? header)
    {
        var t = header?.Split(',').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("t=", StringComparison.Ordinal));
        return t is null ? DateTimeOffset.MinValue : DateTimeOffset.FromUnixTimeSeconds(long.Parse(t[2..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
