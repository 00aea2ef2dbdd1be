using System.Collections.Frozen;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;

namespace Complaints.Domain.Identity;

/// <summary>
/// A checked 身份证件号码 of 第七条第(一)项, of any document type: the normalised value (store it encrypted) and its masked
/// form (show it). <see cref="ToString"/> is the masked form, so a number cannot leak into a log line by accident.
/// </summary>
public sealed record IdentityDocument(IdType Type, string Value, string Masked)
{
    // Province-level codes of GB/T 2260 that accept 外国人永久居留身份证 applications (every mainland province).
    private static readonly FrozenSet<int> MainlandProvinces = FrozenSet.ToFrozenSet(
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65,
    ]);

    /// <summary>The documents a natural person (公民 or not) may complain with; an organisation uses its 统一社会信用代码.</summary>
    public static bool IsPersonal(IdType type) => type != IdType.Uscc;

    /// <summary>
    /// Checks <paramref name="input"/> as a number of the document <paramref name="type"/>. White space around it is ignored,
    /// letters are taken upper-case. <paramref name="today"/> (CST) bounds the birth dates the 18-digit numbers carry.
    /// </summary>
    public static Result<IdentityDocument> TryParse(IdType type, string? input, DateOnly today) => type switch
    {
        IdType.ResidentId => From(ResidentIdNumber.TryParse(input, today), type, id => id.Value, id => id.Masked),
        IdType.Uscc => From(UnifiedSocialCreditCode.TryParse(input), type, c => c.Value, c => c.Masked),
        IdType.HkMacaoPermit => HkMacaoPermit(Normalise(input)),
        IdType.TaiwanPermit => TaiwanPermit(Normalise(input)),
        IdType.ResidencePermit => ResidencePermit(input, today),
        IdType.ForeignResident => ForeignResident(Normalise(input), today),
        IdType.Passport => Passport(Normalise(input)),
        _ => DomainError.Invalid(IdentityErrors.InvalidIdType, "证件类型无效。", IdentityErrors.Article),
    };

    /// <summary>The middle hidden, the first character and the last three kept: <c>H*****678</c>, <c>E******678</c>.</summary>
    internal static string MaskShort(string value) =>
        string.Concat(value.AsSpan(0, 1), new string('*', value.Length - 4), value.AsSpan(value.Length - 3));

    public override string ToString() => Masked;

    /// <summary>
    /// 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao) and 8 digits; the older card adds 2 digits counting its
    /// re-issues, still printed on cards in use.
    /// </summary>
    private static Result<IdentityDocument> HkMacaoPermit(string text)
    {
        var ok = text.Length is 9 or 11 && text[0] is 'H' or 'M' && !text.AsSpan(1).ContainsAnyExceptInRange('0', '9');
        return ok
            ? new IdentityDocument(IdType.HkMacaoPermit, text, MaskShort(text))
            : Error(IdentityErrors.InvalidHkMacaoPermit, "港澳居民来往内地通行证号码应为H或M加8位数字(旧版加10位数字)。");
    }

    /// <summary>台湾居民来往大陆通行证 (台胞证), the card issued since 2015: 8 digits. [decision] The old 10-digit booklets have all expired.</summary>
    private static Result<IdentityDocument> TaiwanPermit(string text) =>
        text.Length == 8 && !text.AsSpan().ContainsAnyExceptInRange('0', '9')
            ? new IdentityDocument(IdType.TaiwanPermit, text, MaskShort(text))
            : Error(IdentityErrors.InvalidTaiwanPermit, "台湾居民来往大陆通行证号码应为8位数字。");

    /// <summary>
    /// 港澳台居民居住证: a 公民身份号码-shaped number (GB 11643, MOD 11-2 check) whose address code is 810000 (Hong Kong),
    /// 820000 (Macao) or 830000 (Taiwan).
    /// </summary>
    private static Result<IdentityDocument> ResidencePermit(string? input, DateOnly today)
    {
        var parsed = ResidentIdNumber.TryParse(input, today);
        if (!parsed.IsSuccess)
        {
            return parsed.Error! with { Code = IdentityErrors.InvalidResidencePermit, Message = "港澳台居民居住证号码:" + parsed.Error.Message.Replace("身份证号码", "号码", StringComparison.Ordinal) };
        }

        return parsed.Value.RegionCode is "810000" or "820000" or "830000"
            ? new IdentityDocument(IdType.ResidencePermit, parsed.Value.Value, parsed.Value.Masked)
            : Error(IdentityErrors.InvalidResidencePermit, "港澳台居民居住证号码应以810000(香港)、820000(澳门)或830000(台湾)开头。");
    }

    /// <summary>
    /// 外国人永久居留身份证. The 2023 card: 18 digits, 9 + the accepting province (2) + nationality (3) + birth date (8) +
    /// sequence (3) + a MOD 11-2 check, as GB 11643. The 2017 card, still valid: 3 letters of nationality (ISO 3166-1)
    /// and 12 digits.
    /// </summary>
    private static Result<IdentityDocument> ForeignResident(string text, DateOnly today)
    {
        if (text.Length == 15 && !text.AsSpan(0, 3).ContainsAnyExceptInRange('A', 'Z') && !text.AsSpan(3).ContainsAnyExceptInRange('0', '9'))
        {
            return new IdentityDocument(IdType.ForeignResident, text, string.Concat(text.AsSpan(0, 3), "********", text.AsSpan(11)));
        }

        if (text.Length != 18 || text[0] != '9' || text.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(text[17]) || text[17] == 'X'))
        {
            return Error(IdentityErrors.InvalidForeignResident, "外国人永久居留身份证号码应为以9开头的18位号码,或旧版3位字母加12位数字。");
        }

        if (!MainlandProvinces.Contains((text[1] - '0') * 10 + (text[2] - '0')))
        {
            return Error(IdentityErrors.InvalidForeignResident, "外国人永久居留身份证号码的受理地代码无效。");
        }

        if (!DateOnly.TryParseExact(text.AsSpan(6, 8), "yyyyMMdd", out var born) || born < ResidentIdNumber.EarliestBirthDate || born > today)
        {
            return Error(IdentityErrors.InvalidForeignResident, "外国人永久居留身份证号码中的出生日期无效。");
        }

        return ResidentIdNumber.CheckCharacter(text.AsSpan(0, 17)) == text[17]
            ? new IdentityDocument(IdType.ForeignResident, text, string.Concat(text.AsSpan(0, 6), "********", text.AsSpan(14, 4)))
            : Error(IdentityErrors.InvalidForeignResident, "外国人永久居留身份证号码校验码不正确,请核对。");
    }

    /// <summary>
    /// 护照 (a foreigner's without permanent residence, or a citizen's living abroad). [decision] Countries number them
    /// differently, so the check is the ICAO 9303 document-number field: 5 to 9 letters or digits, at least one digit.
    /// </summary>
    private static Result<IdentityDocument> Passport(string text)
    {
        var ok = text.Length is >= 5 and <= 9 && text.All(char.IsAsciiLetterOrDigit) && text.Any(char.IsAsciiDigit);
        return ok
            ? new IdentityDocument(IdType.Passport, text, MaskShort(text))
            : Error(IdentityErrors.InvalidPassport, "护照号码应为5至9位字母或数字。");
    }

    private static Result<IdentityDocument> From<T>(Result<T> parsed, IdType type, Func<T, string> value, Func<T, string> masked) =>
        parsed.IsSuccess ? new IdentityDocument(type, value(parsed.Value), masked(parsed.Value)) : parsed.Error!;

    /// <summary>Upper-case, without the spaces and hyphens people type into document numbers.</summary>
    private static string Normalise(string? input) =>
        new string((input ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();

    private static DomainError Error(string code, string message) => DomainError.Invalid(code, message, IdentityErrors.Article);
}
