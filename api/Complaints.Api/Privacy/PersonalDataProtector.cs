using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Complaints.Api.Infrastructure;

namespace Complaints.Api.Privacy;

/// <summary>Configuration section <c>Privacy</c>: encryption keys for personal data at rest.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Key id → base64 of a 256-bit AES key. Old keys stay listed so old values still decrypt.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>The key id new values are encrypted under.</summary>
    public string ActiveKeyId { get; set; } = "";

    /// <summary>Base64 of the HMAC-SHA256 key of the blind index (equality lookups without decrypting).</summary>
    public string BlindIndexKey { get; set; } = "";
}

/// <summary>
/// Encrypts ID numbers and phone numbers with AES-256-GCM. A stored value reads
/// <c>v1:{keyId}:{base64(nonce ‖ ciphertext ‖ tag)}</c>, so keys can rotate: new writes use the
/// active key, reads use whichever key the value names. The blind index is an HMAC of the
/// normalised value, for duplicate detection without decryption.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;
    private readonly byte[] _blindIndexKey;

    public PersonalDataProtector(IOptions<PrivacyOptions> options)
    {
        var o = options.Value;
        _keys = o.Keys.ToDictionary(k => k.Key, k => Decode(k.Value, $"Privacy:Keys:{k.Key}"));
        if (!_keys.ContainsKey(o.ActiveKeyId))
        {
            throw new InvalidOperationException("Privacy:ActiveKeyId must name a key under Privacy:Keys.");
        }

        _activeKeyId = o.ActiveKeyId;
        _blindIndexKey = Decode(o.BlindIndexKey, "Privacy:BlindIndexKey");
    }

    public string Encrypt(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(_activeKeyId));
        return $"v1:{_activeKeyId}:{Convert.ToBase64String(output)}";
    }

    public string Decrypt(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || parts[0] != "v1" || !_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException("Unknown personal-data envelope or key id.");
        }

        var input = Convert.FromBase64String(parts[2]);
        var length = input.Length - NonceSize - TagSize;
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plain, Encoding.UTF8.GetBytes(parts[1]));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The key id a stored value was encrypted under (for re-encryption after rotation).</summary>
    public static string KeyIdOf(string stored) => stored.Split(':', 3) is [_, var id, _] ? id : "";

    public string BlindIndex(string value)
    {
        var normalised = value.Trim().ToUpperInvariant();
        return Convert.ToHexStringLower(HMACSHA256.HashData(_blindIndexKey, Encoding.UTF8.GetBytes(normalised)));
    }

    private static byte[] Decode(string base64, string name)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not base64.");
        }

        return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{name} must be 32 bytes (256 bits).");
    }
}

public static class PrivacySetup
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PrivacyOptions>(PrivacyOptions.Section);
        services.AddSingleton<PersonalDataProtector>();
        return services;
    }
}
