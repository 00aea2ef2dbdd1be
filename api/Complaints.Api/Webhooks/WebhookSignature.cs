using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Complaints.Api.Webhooks;

/// <summary>
/// The signature on every delivery to an agency system:
/// <c>X-Complaints-Signature: t=1764152400,v1=&lt;hex&gt;[,v1=&lt;hex&gt;]</c>, where each <c>v1</c> is the lowercase hex
/// HMAC-SHA256, keyed by the UTF-8 bytes of a valid secret, of <c>"{t}." + body</c> (the exact body bytes). During a
/// secret's grace period there are two <c>v1</c> values, one per valid secret. The timestamp is inside the signed
/// bytes, so a receiver that rejects a <c>t</c> older than 5 minutes rejects replays; the id rejects duplicates.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Complaints-Signature";
    public const string EventIdHeader = "X-Complaints-Event-Id";
    public static readonly TimeSpan ReplayTolerance = TimeSpan.FromMinutes(5);

    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static string HeaderValue(long timestamp, ReadOnlySpan<byte> body, IEnumerable<string> secrets)
    {
        var value = new StringBuilder("t=").Append(timestamp.ToString(CultureInfo.InvariantCulture));
        foreach (var secret in secrets)
        {
            value.Append(",v1=").Append(Compute(secret, timestamp, body));
        }

        return value.ToString();
    }

    /// <summary>What a receiver does: the timestamp within the tolerance of its clock, and one <c>v1</c> matching in constant time.</summary>
    public static bool Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(','))
        {
            var kv = part.Trim().Split('=', 2);
            if (kv.Length != 2)
            {
                continue;
            }

            if (kv[0] == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (kv[0] == "v1")
            {
                signatures.Add(kv[1]);
            }
        }

        if (timestamp is not { } ts || (now - DateTimeOffset.FromUnixTimeSeconds(ts)).Duration() > (tolerance ?? ReplayTolerance))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, ts, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
    }

    /// <summary>A new secret: 32 random bytes, base64url, prefixed so that it is recognisable in a configuration file.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
