using Complaints.Domain.Calendar;
using Complaints.Domain.Common;
using Complaints.Domain.Identity;
using Complaints.Domain.Tracking;

namespace Complaints.Domain.Cases;

/// <summary>The complainant's particulars of 第七条第(一)项 as staff typed them (or as a token carried them), unchecked.</summary>
public sealed record ComplainantParticulars(ComplainantType? Type, string? Name, string? IdNumber, string? Phone, string? Address, IdType? IdType = null);

/// <summary>
/// What the identity platform's verified token says about an online complainant. <see cref="IdType"/> is the claim's wire
/// name (<c>resident_id</c>, …) or null; the 联系地址 is not identity and comes from the request.
/// </summary>
public sealed record RealNameClaims(ComplainantType Type, string? Name, string? IdNumber, string? Phone, string? IdType);

/// <summary>
/// A complainant identified under 第七条, in plain text: the caller encrypts <see cref="Document"/> and <see cref="Phone"/>
/// before they reach the aggregate (第九条), so these values never leave the request that read them.
/// </summary>
public sealed record IdentifiedComplainant(ComplainantType Type, string Name, IdentityDocument? Document, PhoneNumber? Phone, string? Address)
{
    /// <summary>Real-name verified: a document number was given and checked.</summary>
    public bool RealNameVerified => Document is not null;
}

/// <summary>
/// 第七条 投诉材料 as submitted: the complainant's particulars (given by staff registering an offline channel), the 联系地址
/// (given beside an online complainant's token), and the rest of <see cref="ComplaintSubmission"/>.
/// </summary>
public sealed record IntakeForm(
    Channel Channel,
    ComplainantParticulars? Complainant,
    string? ContactAddress,
    Respondent Respondent,
    ServiceItem? ServiceItem,
    string? Request,
    string? Facts,
    IReadOnlyList<Guid> EvidenceIds,
    bool Confidential,
    bool NoticeByPost);

/// <summary>
/// What the store found for a submission: the respondent agency's division (null: no active agency has that id), whether
/// every evidence id names the submitter's own upload not yet attached to a complaint, and the tracking number drawn for
/// that division and day (drawn only when both hold: a complaint that cannot be stored spends no number).
/// </summary>
public sealed record IntakeRecords(string? RespondentRegionCode, bool EvidenceUsable, TrackingNumber? TrackingNumber);

/// <summary>
/// A complaint received (第六条): the case, with the complainant sealed as stored (第九条), and the complainant as identified in
/// plain text, from which the caller derives masks and lookup indexes and which it never stores.
/// </summary>
public sealed record Registration(Complaint Complaint, IdentifiedComplainant Complainant);

/// <summary>
/// Intake (第四、五、六、七条): who may register a complaint, on which channel, with which identity, and who receives it.
/// <list type="bullet">
/// <item>an online complainant's identity is the real-name token's, never the request's (rules.md "Materials and real name");
/// only they add a 联系地址 beside it;</item>
/// <item>staff registering an offline channel record the complainant's particulars, an ID number being optional;</item>
/// <item>a document matches the complainant (a person's document, an organisation's 统一社会信用代码), and feedback must be
/// able to reach the complainant: a phone or an address (第十一、十三条);</item>
/// <item>a complaint an agency registers stays with it; everything else goes to the management department of the
/// respondent agency's division (第五条), which refers it (第十条); channel, registrar and receiver are then checked by
/// <see cref="Complaint.Receive"/> (第四、六条).</item>
/// </list>
/// </summary>
public static class Intake
{
    /// <summary>
    /// The submission of a complaint, decided in one step and in this order: whose identity counts and whether it holds
    /// (<see cref="Identify"/>, 第七条); the respondent is an agency on file (第七条 被投诉人); the evidence is the submitter's
    /// own (第七条 证明材料); then the complaint is received (<see cref="Register"/>, 第四、五、六条) with the complainant's
    /// document and phone numbers sealed by <paramref name="seal"/> (第九条: the case never holds them in plain text).
    /// </summary>
    public static Result<Registration> Submit(
        IntakeForm form, Actor actor, RealNameClaims? token, IntakeRecords found, Guid id, QueryCode queryCode, Func<string, string> seal, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(queryCode);
        ArgumentNullException.ThrowIfNull(seal);
        var identified = Identify(actor, token, form.Complainant, form.ContactAddress, ChinaTime.DateOf(at));
        if (!identified.IsSuccess)
        {
            return identified.Error!;
        }

        if (found.RespondentRegionCode is not { } region)
        {
            return FieldErrors.Invalid("respondent.agencyId", "被投诉的政务服务机构不存在。");
        }

        if (!found.EvidenceUsable)
        {
            return FieldErrors.Invalid("evidenceIds", "证明材料不存在、不是您上传的,或已附加到其他投诉。");
        }

        var tracking = found.TrackingNumber ?? throw new ArgumentException("A number is drawn for a respondent on file with usable evidence.", nameof(found));
        var submission = new ComplaintSubmission(form.Channel, Sealed(identified.Value, seal), form.Respondent, form.ServiceItem, form.Request, form.Facts,
            form.EvidenceIds, form.Confidential, form.NoticeByPost);
        var received = Register(id, tracking.Value, QueryCode.Hash(tracking, queryCode), submission, region, actor, at);
        return received.IsSuccess ? new Registration(received.Value, identified.Value) : received.Error!;
    }

    /// <summary>
    /// 第七条: the complainant's identity, by who submits. <paramref name="token"/> is read for an online complainant
    /// (<see cref="ActorRole.Complainant"/>) and <paramref name="registered"/> for staff; a body that tries to supply the
    /// other is refused, never stored.
    /// </summary>
    public static Result<IdentifiedComplainant> Identify(Actor actor, RealNameClaims? token, ComplainantParticulars? registered, string? contactAddress, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role == ActorRole.Complainant)
        {
            if (registered is not null)
            {
                return FieldErrors.Invalid("complainant", "网上投诉的投诉人身份来自实名认证,请勿在请求中提供投诉人信息。");
            }

            return FromToken(token ?? throw new ArgumentNullException(nameof(token), "An online complainant has a real-name token."), contactAddress, today);
        }

        if (contactAddress is not null)
        {
            return FieldErrors.Invalid("contactAddress", "工作人员登记的投诉,联系地址填写在投诉人信息中。");
        }

        return registered is null
            ? DomainError.Invalid(ComplaintErrors.ComplainantRequired, "工作人员登记投诉时须填写投诉人信息(第七条)。", "第七条", "complainant")
            : Check(registered, today, "complainant");
    }

    /// <summary>
    /// 第五条: a complaint an agency registers stays with that agency; everything else (online, the 12345 hotline, a
    /// management department's window) goes to the management department of the respondent agency's division.
    /// </summary>
    public static ReceivingParty ReceiverFor(Actor actor, string respondentRegionCode)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == ActorRole.AgencyStaff && actor.AgencyId is { } own
            ? ReceivingParty.Agency(own)
            : ReceivingParty.ManagementDepartment(respondentRegionCode);
    }

    /// <summary>Receives the complaint at <see cref="ReceiverFor"/>, with the channel and registrar rules of <see cref="Complaint.Receive"/>.</summary>
    public static Result<Complaint> Register(
        Guid id, string trackingNumber, string queryCodeHash, ComplaintSubmission submission, string respondentRegionCode, Actor actor, DateTimeOffset at) =>
        Complaint.Receive(id, trackingNumber, queryCodeHash, submission, ReceiverFor(actor, respondentRegionCode), actor, at);

    /// <summary>第九条: what the case records of the complainant, the document and phone numbers only sealed.</summary>
    private static ComplainantSnapshot Sealed(IdentifiedComplainant c, Func<string, string> seal) => new(
        c.Type,
        c.Name,
        c.Document?.Type,
        c.Document is null ? null : seal(c.Document.Value),
        c.Phone is null ? null : seal(c.Phone.Value),
        c.Address,
        c.RealNameVerified);

    /// <summary>Online: always real-name, from the verified token (rules.md [decision]).</summary>
    private static Result<IdentifiedComplainant> FromToken(RealNameClaims token, string? contactAddress, DateOnly today)
    {
        IdType? idType = null;
        if (token.IdType is { Length: > 0 } claimed)
        {
            if (!TryReadIdType(claimed, out var fromClaim))
            {
                return DomainError.Invalid(ComplaintErrors.RealNameRequired, "实名认证令牌的证件类型无效(第七条)。", "第七条", "token");
            }

            idType = fromClaim;
        }

        if (contactAddress is not null && contactAddress.Trim().Length > ComplaintLimits.ShortTextMaxLength)
        {
            return DomainError.Invalid(ComplaintErrors.TooLong, $"联系地址不能超过{ComplaintLimits.ShortTextMaxLength}个字符。", "第七条", "contactAddress");
        }

        var result = Check(new ComplainantParticulars(token.Type, token.Name, token.IdNumber, token.Phone, contactAddress, idType), today, "token");
        return result.IsSuccess && result.Value.RealNameVerified
            ? result
            : DomainError.Invalid(ComplaintErrors.RealNameRequired, "实名认证令牌缺少有效的姓名或证件号码(第七条)。", "第七条", "token");
    }

    private static Result<IdentifiedComplainant> Check(ComplainantParticulars input, DateOnly today, string prefix)
    {
        if (input.Type is not { } type)
        {
            return Missing($"{prefix}.type", "投诉人类型(person 或 organization)");
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return Missing($"{prefix}.name", "投诉人姓名或者单位名称");
        }

        IdentityDocument? document = null;
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

            document = parsed.Value;
        }
        else if (input.IdType is not null)
        {
            return Missing($"{prefix}.idNumber", "证件号码");
        }

        PhoneNumber? phone = null;
        if (!string.IsNullOrWhiteSpace(input.Phone))
        {
            var parsed = PhoneNumber.TryParse(input.Phone);
            if (!parsed.IsSuccess)
            {
                return parsed.Error! with { Field = $"{prefix}.phone" };
            }

            phone = parsed.Value;
        }
        else if (string.IsNullOrWhiteSpace(input.Address))
        {
            // Feedback must reach the complainant somehow (第十一、十三条).
            return Missing($"{prefix}.phone", "联系电话或联系地址");
        }

        return new IdentifiedComplainant(type, input.Name.Trim(), document, phone, string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim());
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
        DomainError.Invalid(ComplaintErrors.Required, $"缺少{what}(第七条)。", "第七条", field);
}
