using System.Collections.Frozen;
using System.Globalization;
using Complaints.Domain.Common;

namespace Complaints.Domain.Identity;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence and an
/// ISO 7064 MOD 11-2 check character (0–9 or X). Only the 18-character form is accepted.
/// <para>
/// <see cref="ToString"/> returns <see cref="Masked"/> so that the number cannot leak into logs or
/// messages by accident (第九条 confidentiality); store and compare <see cref="Value"/>.
/// </para>
/// </summary>
public sealed record ResidentIdNumber
{
    /// <summary>Birth dates before this are taken as typing errors.</summary>
    public static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Province-level codes of GB/T 2260, plus 81/82/83 used by residence permits of Hong Kong, Macao and Taiwan residents.
    private static readonly FrozenSet<int> ProvinceCodes = FrozenSet.ToFrozenSet(
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
    ]);

    private ResidentIdNumber(string value) => Value = value;

    /// <summary>The 18 characters, check character upper-case.</summary>
    public string Value { get; }

    /// <summary>The 6-digit administrative division code of first registration.</summary>
    public string RegionCode => Value[..6];

    public DateOnly BirthDate => ParseBirthDate(Value.AsSpan(6, 8))!.Value;

    /// <summary>First 6 and last 4 characters, 8 asterisks between: <c>530102********123X</c>.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 6), "********", Value.AsSpan(14, 4));

    /// <param name="input">The number as typed; surrounding white space is ignored and a lower-case x accepted.</param>
    /// <param name="today">Today's CST date: a birth date after it is refused. The domain never reads the clock.</param>
    public static Result<ResidentIdNumber> TryParse(string? input, DateOnly today)
    {
        var text = input?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return Error(IdentityErrors.InvalidResidentId, "身份证号码不能为空。");
        }

        if (text.Length == 15 && text.All(char.IsAsciiDigit))
        {
            return Error(IdentityErrors.ResidentId15Digit, "不支持15位旧版身份证号码,请填写18位公民身份号码。");
        }

        if (text.Length != 18)
        {
            return Error(IdentityErrors.InvalidResidentId, "身份证号码应为18位。");
        }

        text = text.ToUpperInvariant();
        if (text.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            return Error(IdentityErrors.InvalidResidentId, "身份证号码前17位应为数字,最后一位应为数字或X。");
        }

        if (!ProvinceCodes.Contains(int.Parse(text.AsSpan(0, 2), CultureInfo.InvariantCulture)))
        {
            return Error(IdentityErrors.ResidentIdRegion, "身份证号码的地区码无效。");
        }

        var birthDate = ParseBirthDate(text.AsSpan(6, 8));
        if (birthDate is null || birthDate < EarliestBirthDate || birthDate > today)
        {
            return Error(IdentityErrors.ResidentIdBirthDate, "身份证号码中的出生日期无效。");
        }

        if (CheckCharacter(text.AsSpan(0, 17)) != text[17])
        {
            return Error(IdentityErrors.ResidentIdCheckDigit, "身份证号码校验码不正确,请核对。");
        }

        return new ResidentIdNumber(text);
    }

    /// <summary>ISO 7064 MOD 11-2 over the first 17 digits.</summary>
    internal static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public override string ToString() => Masked;

    private static DateOnly? ParseBirthDate(ReadOnlySpan<char> yyyymmdd) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static DomainError Error(string code, string message) => DomainError.Invalid(code, message, IdentityErrors.Article);
}
