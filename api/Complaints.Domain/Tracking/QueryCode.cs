using System.Security.Cryptography;
using System.Text;
using Complaints.Domain.Common;

namespace Complaints.Domain.Tracking;

/// <summary>
/// 查询码: the secret a complainant quotes with the <see cref="TrackingNumber"/> to follow a case
/// without logging in. 8 characters from a 32-symbol alphabet without 0/O and 1/I, so it survives
/// being read out over the phone: 2^40 possible codes.
/// <para>
/// Only <see cref="Hash(TrackingNumber, QueryCode)"/> is stored. The tracking number is part of the
/// hashed text, which acts as a per-case salt. A 40-bit secret behind a fast hash resists online
/// guessing (which the API must rate-limit) but not an offline search of a stolen table; the code
/// is shown to the complainant once and cannot be recovered.
/// </para>
/// </summary>
public sealed record QueryCode
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 8;

    private QueryCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>A fresh code: each character drawn uniformly with <see cref="RandomNumberGenerator.GetInt32(int)"/>.</summary>
    public static QueryCode Generate()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new QueryCode(new string(chars));
    }

    /// <summary>Reads a code as typed: case, spaces and hyphens (<c>ABCD-EFGH</c>) are ignored.</summary>
    public static Result<QueryCode> TryParse(string? input)
    {
        var text = Normalise(input);
        if (text.Length != Length || text.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return DomainError.Invalid(TrackingErrors.InvalidQueryCode, "查询码应为8位字母或数字(不含0、O、1、I)。");
        }

        return new QueryCode(text);
    }

    /// <summary>Lower-case hex SHA-256 of <c>"{trackingNumber}:{CODE}"</c>.</summary>
    public static string Hash(TrackingNumber trackingNumber, QueryCode code)
    {
        ArgumentNullException.ThrowIfNull(trackingNumber);
        ArgumentNullException.ThrowIfNull(code);
        return Hash(trackingNumber.Value, code.Value);
    }

    /// <summary>As the typed overload, normalising case and spacing of both parts first.</summary>
    public static string Hash(string trackingNumber, string code) => Convert.ToHexStringLower(HashBytes(trackingNumber, code));

    /// <summary>
    /// Whether <paramref name="code"/> is the one whose hash was stored, compared in constant time
    /// so that response timing reveals nothing about how much of a guess matched.
    /// </summary>
    public static bool Verify(string trackingNumber, string code, string storedHash)
    {
        if (string.IsNullOrEmpty(trackingNumber) || string.IsNullOrEmpty(code) || storedHash is not { Length: 64 })
        {
            return false;
        }

        byte[] stored;
        try
        {
            stored = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HashBytes(trackingNumber, code), stored);
    }

    public static bool Verify(TrackingNumber trackingNumber, string code, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(trackingNumber);
        return Verify(trackingNumber.Value, code, storedHash);
    }

    /// <summary>Masked, so that a code cannot reach a log by accident; show <see cref="Value"/> deliberately.</summary>
    public override string ToString() => new('*', Length);

    private static byte[] HashBytes(string trackingNumber, string code)
    {
        ArgumentNullException.ThrowIfNull(trackingNumber);
        ArgumentNullException.ThrowIfNull(code);
        var text = trackingNumber.Trim().ToUpperInvariant() + ":" + Normalise(code);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
    }

    private static string Normalise(string? code) =>
        (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
}
