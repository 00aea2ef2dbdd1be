using Complaints.Domain.Common;

namespace Complaints.Domain.Identity;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015) of a legal person or other organisation: registration authority
/// (1 char), organisation type (1), region code (6 digits), organisation code (9, GB 11714 with its
/// own check character) and a MOD 31 check character, over the 31-character alphabet that leaves out
/// I, O, Z, S and V. Both check characters must verify.
/// </summary>
public sealed record UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private UnifiedSocialCreditCode(string value) => Value = value;

    /// <summary>The 18 characters, upper-case.</summary>
    public string Value { get; }

    /// <summary>登记管理部门代码, e.g. 9 for market regulation (工商).</summary>
    public char RegistrationAuthority => Value[0];

    /// <summary>机构类别代码, e.g. 1 for an enterprise when the authority is 9.</summary>
    public char OrganizationType => Value[1];

    /// <summary>The 6-digit administrative division code of the registering authority.</summary>
    public string RegionCode => Value[2..8];

    /// <summary>The 9-character organisation code (GB 11714) including its check character.</summary>
    public string OrganizationCode => Value[8..17];

    /// <summary>
    /// First 6 and last 4 characters, 8 asterisks between, like <see cref="ResidentIdNumber.Masked"/>:
    /// <c>915301********014A</c>. A credit code is public, but one mask shape for both id types keeps lists uniform.
    /// </summary>
    public string Masked => string.Concat(Value.AsSpan(0, 6), "********", Value.AsSpan(14, 4));

    /// <param name="input">The code as typed; surrounding white space is ignored and lower case accepted.</param>
    public static Result<UnifiedSocialCreditCode> TryParse(string? input)
    {
        var text = input?.Trim().ToUpperInvariant() ?? string.Empty;
        if (text.Length == 0)
        {
            return Error(IdentityErrors.InvalidUscc, "统一社会信用代码不能为空。");
        }

        if (text.Length != 18)
        {
            return Error(IdentityErrors.InvalidUscc, "统一社会信用代码应为18位。");
        }

        if (text.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return Error(IdentityErrors.InvalidUscc, "统一社会信用代码只能包含数字和除I、O、Z、S、V以外的大写字母。");
        }

        if (text.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            return Error(IdentityErrors.InvalidUscc, "统一社会信用代码第3至8位应为行政区划码(数字)。");
        }

        if (CheckCharacter(text.AsSpan(0, 17)) != text[17])
        {
            return Error(IdentityErrors.UsccCheckCharacter, "统一社会信用代码校验码不正确,请核对。");
        }

        if (OrganizationCodeCheckCharacter(text.AsSpan(8, 8)) != text[16])
        {
            return Error(IdentityErrors.UsccOrganizationCode, "统一社会信用代码中的组织机构代码校验不正确,请核对。");
        }

        return new UnifiedSocialCreditCode(text);
    }

    /// <summary>GB 32100: alphabet[(31 − Σ value·weight mod 31) mod 31] over the first 17 characters.</summary>
    internal static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>GB 11714: 11 − (Σ value·weight mod 11), digits 0–9 and letters A=10…Z=35; 10 is X and 11 is 0.</summary>
    internal static char OrganizationCodeCheckCharacter(ReadOnlySpan<char> body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            sum += (char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10) * OrganizationCodeWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }

    public override string ToString() => Value;

    private static DomainError Error(string code, string message) => DomainError.Invalid(code, message, IdentityErrors.Article);
}
