using System.Collections.Concurrent;
using System.Text.Json;
using Complaints.Api.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Complaints.Api.Tests.Notifications;

/// <summary>What the gateway answers to one delivery.</summary>
public sealed record Reply(int Status, int? RetryAfterSeconds = null, TimeSpan Delay = default);

/// <summary>One POST the gateway received, byte for byte.</summary>
public sealed record Delivery(string? Signature, string? Timestamp, string? MessageId, string? ContentType, byte[] Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Id => Json.GetProperty("id").GetString()!;
}

/// <summary>A stand-in SMS / app-push gateway: Kestrel on a free loopback port, recording every delivery.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _deliveries = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public IReadOnlyCollection<Delivery> Deliveries => _deliveries;

    /// <summary>Decides the answer; by default 200 at once.</summary>
    public Func<Delivery, Reply> Respond { get; set; } = _ => new Reply(200);

    public void Reset()
    {
        _deliveries.Clear();
        Respond = _ => new Reply(200);
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Urls.Single() + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var headers = context.Request.Headers;
        var delivery = new Delivery(
            headers[WebhookNotificationSender.SignatureHeader],
            headers[WebhookNotificationSender.TimestampHeader],
            headers[WebhookNotificationSender.MessageIdHeader],
            context.Request.ContentType,
            body.ToArray());
        _deliveries.Enqueue(delivery);
        var reply = Respond(delivery);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the sender gave up waiting
            }
        }

        if (reply.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = reply.Status;
    }
}
