using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Complaints.Api.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Webhooks;

/// <summary>
/// Delivers one agency-system event: a CloudEvents 1.0 JSON (structured mode) POST to the subscription's URL, signed
/// under every currently valid secret (<see cref="WebhookSignature"/>). The event id is the outbox id, the same on every
/// retry. Redirects are not followed; the response body is never read. 2xx delivered; 408, 429, 5xx, timeouts and
/// network errors retried with backoff; other 4xx, an inactive subscription or an undecryptable secret dead-lettered.
/// </summary>
public sealed class AgencyWebhookSender(
    IHttpClientFactory httpFactory, ComplaintsDbContext db, PersonalDataProtector protector, IOptions<AgencyWebhookOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "agency-webhooks";
    public const string ContentType = "application/cloudevents+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task<SendResult> SendAsync(OutboxMessage m, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == m.SubscriptionId, cancellationToken);
        if (subscription is not { Active: true })
        {
            return SendResult.Permanent("subscription removed");
        }

        var now = clock.GetUtcNow();
        List<string> secrets;
        try
        {
            secrets = [protector.Decrypt(subscription.SecretEncrypted)];
            if (subscription.PreviousSecretEncrypted is { } previous && subscription.PreviousSecretValidUntil > now)
            {
                secrets.Add(protector.Decrypt(previous));
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return SendResult.Permanent("secret could not be decrypted (is its key still listed under Privacy:Keys?)");
        }

        var body = Body(m, options.Value.PublicBaseUrl);
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new(ContentType) { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.HeaderValue(timestamp, body, secrets));
        request.Headers.Add(WebhookSignature.EventIdHeader, m.Id.ToString());
        var http = httpFactory.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return Classify(response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Transient($"timeout after {options.Value.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return SendResult.Transient($"network error: {e.HttpRequestError}");
        }
    }

    /// <summary>The CloudEvent of an outbox row, as bytes (what is signed is exactly what is sent).</summary>
    public static byte[] Body(OutboxMessage m, string? publicBaseUrl = null)
    {
        var type = AgencyEventTypes.Of(m.Kind);
        var data = new JsonObject();
        if (m.CaseId is { } caseId)
        {
            data["caseId"] = caseId.ToString();
            data["trackingNumber"] = m.TrackingNumber;
        }

        foreach (var (key, value) in m.Payload.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data[key] = key == "referralForm" && publicBaseUrl is not null ? publicBaseUrl.TrimEnd('/') + value : value;
        }

        var cloudEvent = new JsonObject
        {
            ["specversion"] = "1.0",
            ["id"] = m.Id.ToString(),
            ["source"] = AgencyEventTypes.Source,
            ["type"] = type.Type,
            ["time"] = m.CreatedAt.Cst().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["datacontenttype"] = "application/json",

            // CloudEvents "sequence" extension: increases with every event of one case to one subscription.
            ["sequence"] = m.Sequence.ToString("D20", CultureInfo.InvariantCulture),
            ["data"] = data,
        };
        if (m.CaseId is { } subject)
        {
            cloudEvent["subject"] = subject.ToString();
        }

        return JsonSerializer.SerializeToUtf8Bytes(cloudEvent, Json);
    }

    private static SendResult Classify(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        var described = $"HTTP {code.ToString(CultureInfo.InvariantCulture)}";
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : (TimeSpan?)null;
        return code switch
        {
            >= 200 and < 300 => SendResult.Sent(),
            (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests => SendResult.Transient(described, retryAfter),
            >= 400 and < 500 => SendResult.Permanent(described),
            >= 500 => SendResult.Transient(described, retryAfter),
            _ => SendResult.Transient($"{described} (unexpected)"),
        };
    }
}
