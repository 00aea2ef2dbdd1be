using System.Security.Claims;
using Complaints.Api.Auth;
using Complaints.Api.Privacy;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Identity;

namespace Complaints.Api.Complaints;

/// <summary>
/// The complainant as stored: the domain snapshot with ID and phone numbers encrypted, plus the
/// masked forms and the blind index that lists and duplicate checks use without decrypting.
/// </summary>
public sealed record ProtectedComplainant(ComplainantSnapshot Snapshot, string? IdNumberMasked, string? PhoneMasked, string? IdNumberBlindIndex, string? PhoneBlindIndex = null);

/// <summary>The complainant's identity of 第七条, from the identity platform's token or from staff's registration.</summary>
public static class ComplainantIdentity
{
    /// <summary>Online: always real-name, taken from the verified token, never from the request (rules.md [decision]).</summary>
    /// <remarks>
    /// The document type is the token's <c>id_type</c> claim (wire names of <see cref="IdType"/>); without one, a citizen's
    /// number is a 居民身份证 and an enterprise's a 统一社会信用代码. The 联系地址 is contact data, not identity: the
    /// complainant gives it in the request (<paramref name="contactAddress"/>).
    /// </remarks>
    public static Result<ProtectedComplainant> FromToken(ClaimsPrincipal user, string? contactAddress, PersonalDataProtector protector, DateOnly today)
    {
        var role = user.FindFirstValue(ClaimNames.Role);
        var type = role == Roles.Enterprise ? ComplainantType.Organization : ComplainantType.Person;
        IdType? idType = null;
        if (user.FindFirstValue(ClaimNames.IdType) is { Length: > 0 } claimed)
        {
            if (!TryReadIdType(claimed, out var fromClaim))
            {
                return DomainError.Invalid("complaint.real_name_required", "实名认证令牌的证件类型无效(第七条)。", "第七条", "token");
            }

            idType = fromClaim;
        }

        if (contactAddress is not null && contactAddress.Trim().Length > ComplaintLimits.ShortTextMaxLength)
        {
            return DomainError.Invalid(ComplaintErrors.TooLong, $"联系地址不能超过{ComplaintLimits.ShortTextMaxLength}个字符。", "第七条", "contactAddress");
        }

        var input = new ComplainantInput(type, user.FindFirstValue(ClaimNames.Name), user.FindFirstValue(ClaimNames.IdNumber), user.FindFirstValue(ClaimNames.Phone), contactAddress, idType);
        var result = Protect(input, protector, today, "token");
        return result.IsSuccess && result.Value.Snapshot.RealNameVerified
            ? result
            : DomainError.Invalid("complaint.real_name_required", "实名认证令牌缺少有效的姓名或证件号码(第七条)。", "第七条", "token");
    }

    /// <summary>Offline channels: staff record what the complainant gives; an ID number may be missing (not real-name verified).</summary>
    public static Result<ProtectedComplainant> FromRegistration(ComplainantInput? input, PersonalDataProtector protector, DateOnly today) =>
        input is null
            ? DomainError.Invalid("complaint.complainant_required", "工作人员登记投诉时须填写投诉人信息(第七条)。", "第七条", "complainant")
            : Protect(input, protector, today, "complainant");

    private static Result<ProtectedComplainant> Protect(ComplainantInput input, PersonalDataProtector protector, DateOnly today, string prefix)
    {
        if (input.Type is not { } type)
        {
            return Missing($"{prefix}.type", "投诉人类型(person 或 organization)");
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return Missing($"{prefix}.name", "投诉人姓名或者单位名称");
        }

        string? idNumber = null, idMasked = null;
        IdType? idType = null;
        if (!string.IsNullOrWhiteSpace(input.IdNumber))
        {
            // 第七条: a person's document, or an organisation's credit code; each with its own format check and mask.
            var documentType = input.IdType ?? (type == ComplainantType.Person ? IdType.ResidentId : IdType.Uscc);
            if (!Enum.IsDefined(documentType) || IdentityDocument.IsPersonal(documentType) != (type == ComplainantType.Person))
            {
                return DomainError.Invalid(ComplaintErrors.IdTypeMismatch, "证件类型与投诉人类型不符:公民使用身份证件,法人或者其他组织使用统一社会信用代码(第七条)。", "第七条", $"{prefix}.idType");
            }

            var parsed = IdentityDocument.TryParse(documentType, input.IdNumber, today);
            if (!parsed.IsSuccess)
            {
                return parsed.Error! with { Field = $"{prefix}.idNumber" };
            }

            (idNumber, idMasked, idType) = (parsed.Value.Value, parsed.Value.Masked, documentType);
        }
        else if (input.IdType is not null)
        {
            return Missing($"{prefix}.idNumber", "证件号码");
        }

        string? phone = null, phoneMasked = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            var parsed = PhoneNumber.TryParse(input.Phone);
            if (!parsed.IsSuccess)
            {
                return parsed.Error! with { Field = $"{prefix}.phone" };
            }

            (phone, phoneMasked) = (parsed.Value.Value, parsed.Value.Masked);
        }
        else if (string.IsNullOrWhiteSpace(input.Address))
        {
            // Feedback must reach the complainant somehow (第十一、十三条).
            return Missing($"{prefix}.phone", "联系电话或联系地址");
        }

        var snapshot = new ComplainantSnapshot(
            type,
            input.Name.Trim(),
            idType,
            idNumber is null ? null : protector.Encrypt(idNumber),
            phone is null ? null : protector.Encrypt(phone),
            string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim(),
            RealNameVerified: idNumber is not null);
        return new ProtectedComplainant(snapshot, idMasked, phoneMasked, idNumber is null ? null : protector.BlindIndex(idNumber),
            phone is null ? null : protector.BlindIndex(phone));
    }

    private static bool TryReadIdType(string wire, out IdType type)
    {
        foreach (var candidate in Enum.GetValues<IdType>())
        {
            if (WireNames.Of(candidate) == wire)
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    private static DomainError Missing(string field, string what) =>
        DomainError.Invalid("complaint.required", $"缺少{what}(第七条)。", "第七条", field);
}
