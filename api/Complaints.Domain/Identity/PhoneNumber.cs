using Complaints.Domain.Common;

namespace Complaints.Domain.Identity;

public enum PhoneKind
{
    /// <summary>11 digits starting 13–19.</summary>
    Mobile,

    /// <summary>Area code and local number, e.g. 0871-12345678.</summary>
    Landline,
}

/// <summary>
/// A mainland contact phone (第七条 联系电话): a mobile number (<c>1[3-9]</c> + 9 digits) or a
/// landline (area code + 7–8 digit local number). Input may carry a <c>+86</c>, <c>0086</c> or
/// <c>86</c> prefix, spaces, and hyphens between digit groups; the value is normalised to
/// <c>13800138000</c> or <c>0871-12345678</c>.
/// <para>
/// Area codes follow the national numbering plan rather than a bare "0 + 2–3 digits": 010 and
/// 020–029 have 3 digits, all others 4 (0871 Kunming). That lets a landline typed without a hyphen
/// be split, and an international form without the trunk 0 (+86 871 …) be read.
/// </para>
/// <para><see cref="ToString"/> returns <see cref="Masked"/>; store <see cref="Value"/>.</para>
/// </summary>
public sealed record PhoneNumber
{
    private PhoneNumber(PhoneKind kind, string? areaCode, string number)
    {
        Kind = kind;
        AreaCode = areaCode;
        Number = number;
    }

    public PhoneKind Kind { get; }

    /// <summary>With its leading 0 (<c>0871</c>); null for a mobile number.</summary>
    public string? AreaCode { get; }

    /// <summary>The mobile number, or the landline's local number.</summary>
    public string Number { get; }

    public string Value => AreaCode is null ? Number : $"{AreaCode}-{Number}";

    /// <summary>+86 and the number without the trunk 0, for SMS gateways.</summary>
    public string E164 => AreaCode is null ? "+86" + Number : string.Concat("+86", AreaCode.AsSpan(1), Number);

    /// <summary>Mobile <c>138****5678</c>; landline keeps the area code and the last 4 digits: <c>0871-****5678</c>.</summary>
    public string Masked => AreaCode is null
        ? string.Concat(Number.AsSpan(0, 3), "****", Number.AsSpan(7))
        : string.Concat(AreaCode, "-", new string('*', Number.Length - 4), Number.AsSpan(Number.Length - 4));

    public static Result<PhoneNumber> TryParse(string? input)
    {
        var text = (input ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (text.Length == 0)
        {
            return Error("联系电话不能为空。");
        }

        var international = false;
        foreach (var prefix in (ReadOnlySpan<string>)["+86", "0086", "86"])
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].TrimStart('-');
                international = true;
                break;
            }
        }

        if (text.Length == 0 || text.Any(c => !char.IsAsciiDigit(c) && c != '-') || text.EndsWith('-') || text.Contains("--", StringComparison.Ordinal))
        {
            return Error("联系电话只能包含数字,可带+86前缀和连字符。");
        }

        var digits = text.Replace("-", string.Empty, StringComparison.Ordinal);
        if (IsMobile(digits))
        {
            return new PhoneNumber(PhoneKind.Mobile, null, digits);
        }

        if (international && text[0] != '0')
        {
            text = "0" + text;
            digits = "0" + digits;
        }

        return digits[0] == '0' ? ParseLandline(text, digits) : Error("手机号码应为以13–19开头的11位数字。");
    }

    public override string ToString() => Masked;

    private static bool IsMobile(string digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit);

    private static Result<PhoneNumber> ParseLandline(string text, string digits)
    {
        if (digits.Length < 3 || digits[1] == '0' || (digits[1] == '1' && digits[2] != '0'))
        {
            return Error("固定电话区号无效,应为010、02X或0XXX。");
        }

        var areaLength = digits[1] is '1' or '2' ? 3 : 4;

        // A hyphen, when typed, must sit right after the area code; the local number has no other.
        var hyphen = text.IndexOf('-', StringComparison.Ordinal);
        if ((hyphen >= 0 && hyphen != areaLength) || text.Count(c => c == '-') > 1)
        {
            return Error("固定电话区号无效,应为010、02X或0XXX。");
        }

        var local = digits[areaLength..];
        if (local.Length is < 7 or > 8)
        {
            return Error("固定电话号码应为区号加7至8位号码,例如0871-12345678。");
        }

        return new PhoneNumber(PhoneKind.Landline, digits[..areaLength], local);
    }

    private static DomainError Error(string message) => DomainError.Invalid(IdentityErrors.InvalidPhone, message, IdentityErrors.Article);
}
