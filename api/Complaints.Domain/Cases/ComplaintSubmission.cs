using Complaints.Domain.Common;

namespace Complaints.Domain.Cases;

/// <summary>
/// The materials of 第七条 as submitted. Everything a person types is nullable here so that a
/// missing value becomes a named error (<see cref="DomainError.Field"/> is the JSON path), not a crash.
/// </summary>
public sealed record ComplaintSubmission(
    Channel Channel,
    ComplainantSnapshot? Complainant,
    Respondent? Respondent,
    ServiceItem? ServiceItem,
    string? Request,
    string? Facts,
    IReadOnlyList<Guid>? EvidenceIds,
    bool Confidential,
    bool NoticeByPost = false)
{
    /// <summary>
    /// 第七条. A respondent agency is required at creation [decision]: 第八条(一) "没有明确被投诉人" is then
    /// only reachable as an explicit rejection reason, e.g. when the named agency turns out to be wrong,
    /// while the form itself never stores a complaint against nobody.
    /// </summary>
    internal DomainError? Validate()
    {
        if (!Enum.IsDefined(Channel))
        {
            return ComplaintErrors.Undefined("channel");
        }

        return ValidateComplainant()
            ?? ValidateRespondent()
            ?? ValidateServiceItem()
            ?? Text(Request, "request", "具体投诉请求", ComplaintLimits.RequestMaxLength, ComplaintErrors.RequestRequired)
            ?? Text(Facts, "facts", "投诉事实、理由", ComplaintLimits.FactsMaxLength, ComplaintErrors.FactsRequired)
            ?? ValidateEvidence();
    }

    private DomainError? ValidateComplainant()
    {
        if (Complainant is not { } c)
        {
            return ComplaintErrors.Missing(ComplaintErrors.ComplainantRequired, "complainant", "投诉人信息", "第七条");
        }

        if (!Enum.IsDefined(c.Type))
        {
            return ComplaintErrors.Undefined("complainant.type");
        }

        if (string.IsNullOrWhiteSpace(c.Name))
        {
            return ComplaintErrors.Missing(ComplaintErrors.NameRequired, "complainant.name", "投诉人姓名或者单位名称", "第七条");
        }

        if (c.IdType is { } idType)
        {
            // A person carries a personal document (居民身份证, 通行证, 居住证, 永久居留身份证, 护照), an organisation a
            // 统一社会信用代码 (第七条第(一)项).
            if (!Enum.IsDefined(idType))
            {
                return ComplaintErrors.Undefined("complainant.idType");
            }

            if (Identity.IdentityDocument.IsPersonal(idType) != (c.Type == ComplainantType.Person))
            {
                return DomainError.Invalid(ComplaintErrors.IdTypeMismatch, "证件类型与投诉人类型不符(第七条)。", "第七条", "complainant.idType");
            }
        }

        if (!string.IsNullOrWhiteSpace(c.IdNumber) && c.IdType is null)
        {
            return ComplaintErrors.Missing("complainant.idType", "证件类型", "第七条");
        }

        if (c.RealNameVerified && string.IsNullOrWhiteSpace(c.IdNumber))
        {
            return ComplaintErrors.Missing("complainant.idNumber", "实名核验的证件号码", "第七条");
        }

        // 第七条 联系地址 with 第十一条第二款: a notice asked for by post needs an address to go to.
        if (NoticeByPost && string.IsNullOrWhiteSpace(c.Address))
        {
            return ComplaintErrors.Missing(Channel.IsOnline() ? "contactAddress" : "complainant.address", "联系地址(要求邮寄通知书的)", "第七条");
        }

        return Opaque(c.Name, "complainant.name")
            ?? Opaque(c.IdNumber, "complainant.idNumber")
            ?? Opaque(c.Phone, "complainant.phone")
            ?? Opaque(c.Address, "complainant.address");
    }

    private DomainError? ValidateRespondent()
    {
        if (Respondent is not { } r || r.AgencyId == Guid.Empty)
        {
            return ComplaintErrors.Missing(ComplaintErrors.RespondentRequired, "respondent.agencyId", "被投诉的政务服务机构", "第七条");
        }

        return Optional(r.StaffName, "respondent.staffName", "被投诉工作人员姓名", ComplaintLimits.StaffNameMaxLength)
            ?? Optional(r.WindowNumber, "respondent.windowNumber", "工位编号或者窗口号", ComplaintLimits.WindowNumberMaxLength);
    }

    private DomainError? ValidateServiceItem()
    {
        if (ServiceItem is null || string.IsNullOrWhiteSpace(ServiceItem.Name))
        {
            return ComplaintErrors.Missing(ComplaintErrors.ServiceItemRequired, "serviceItem.name", "政务服务事项名称", "第二条");
        }

        return Optional(ServiceItem.Name, "serviceItem.name", "政务服务事项名称", ComplaintLimits.ServiceItemNameMaxLength)
            ?? Optional(ServiceItem.Code, "serviceItem.code", "政务服务事项编码", ComplaintLimits.ServiceItemCodeMaxLength);
    }

    private DomainError? ValidateEvidence() => CheckEvidence(EvidenceIds ?? []);

    /// <summary>第七条: at most <see cref="ComplaintLimits.MaxEvidence"/> files to a complaint, each once (also when materials are added later).</summary>
    internal static DomainError? CheckEvidence(IReadOnlyList<Guid> evidence)
    {
        if (evidence.Count > ComplaintLimits.MaxEvidence)
        {
            return DomainError.Invalid(ComplaintErrors.TooManyEvidence, $"证明材料最多{ComplaintLimits.MaxEvidence}份。", "第七条", "evidenceIds");
        }

        if (evidence.Contains(Guid.Empty))
        {
            return ComplaintErrors.Undefined("evidenceIds");
        }

        if (evidence.Distinct().Count() != evidence.Count)
        {
            return DomainError.Invalid(ComplaintErrors.DuplicateEvidence, "同一证明材料不能重复附加。", "第七条", "evidenceIds");
        }

        return null;
    }

    internal static DomainError? Text(string? value, string field, string what, int max, string requiredCode, string? article = "第七条")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return ComplaintErrors.Missing(requiredCode, field, what, article);
        }

        return value.Trim().Length > max ? ComplaintErrors.Long(field, what, max) : null;
    }

    internal static DomainError? Optional(string? value, string field, string what, int max) =>
        value is not null && value.Trim().Length > max ? ComplaintErrors.Long(field, what, max) : null;

    private static DomainError? Opaque(string? value, string field) =>
        value is not null && value.Length > ComplaintLimits.OpaqueMaxLength ? ComplaintErrors.Long(field, field, ComplaintLimits.OpaqueMaxLength) : null;
}
