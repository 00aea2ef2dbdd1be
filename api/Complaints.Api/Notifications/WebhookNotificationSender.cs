using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Complaints.Domain.Cases;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Notifications;

/// <summary>
/// Posts each notice as JSON to an SMS / app-push gateway (docs/decisions/notifications.md "Webhook
/// contract"). The body is signed with HMAC-SHA256 over its exact bytes; it carries the decrypted
/// phone because delivering to it is the gateway's job, and nothing here logs the body. The response
/// body is never read, so a gateway that echoes the number cannot put it into <c>last_error</c>.
/// </summary>
public sealed class WebhookNotificationSender(HttpClient http, IOptions<NotificationOptions> options, TimeProvider clock) : INotificationSender
{
    public const string SignatureHeader = "X-Signature";
    public const string TimestampHeader = "X-Timestamp";
    public const string MessageIdHeader = "X-Message-Id";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese text stays readable on the wire; the signature covers whatever bytes are sent.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<SendResult> SendAsync(Notification n, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(n);
        var webhook = options.Value.Webhook;
        var sentAt = clock.GetUtcNow();
        var body = JsonSerializer.SerializeToUtf8Bytes(WebhookBody.From(n, sentAt), Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Sign(webhook.Secret!, body));
        request.Headers.Add(TimestampHeader, sentAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(MessageIdHeader, n.Id.ToString());
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return Classify(response);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Transient($"timeout after {webhook.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            return SendResult.Transient($"network error: {e.HttpRequestError}");
        }
    }

    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of <paramref name="body"/> under the secret's UTF-8 bytes.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static SendResult Classify(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        var described = $"HTTP {code.ToString(CultureInfo.InvariantCulture)}";
        return code switch
        {
            >= 200 and < 300 => SendResult.Sent(),
            (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests => SendResult.Transient(described, RetryAfter(response)),
            >= 400 and < 500 => SendResult.Permanent(described),
            >= 500 => SendResult.Transient(described, RetryAfter(response)),

            // Redirects are not followed (the body carries a phone number); a moved gateway is a configuration fix, so keep retrying meanwhile.
            _ => SendResult.Transient($"{described} (unexpected)"),
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : null;

    private sealed record WebhookBody(
        Guid Id,
        string Kind,
        Guid CaseId,
        string TrackingNumber,
        WebhookRecipient Recipient,
        string Text,
        IReadOnlyDictionary<string, string> Payload,
        int Attempt,
        DateTimeOffset CreatedAt,
        DateTimeOffset SentAt)
    {
        public static WebhookBody From(Notification n, DateTimeOffset sentAt) => new(
            n.Id,
            WireNames.Of(n.Kind),
            n.CaseId,
            n.TrackingNumber,
            new WebhookRecipient(
                WireNames.Of(n.Recipient.Type),
                n.Recipient.UserId,
                n.Recipient.Phone,
                n.Recipient.Channel is { } channel ? WireNames.Of(channel) : null,
                n.Recipient.ComplainantCaseId,
                n.Recipient.ComplainantTrackingNumber,
                n.Recipient.RegionCode),
            n.Text,
            n.Payload,
            n.Attempt,
            n.CreatedAt,
            sentAt);
    }

    private sealed record WebhookRecipient(string Type, string? UserId, string? Phone, string? Channel, Guid? CaseId, string? TrackingNumber, string? RegionCode);
}
