namespace Complaints.Domain.Cases;

// The vocabulary of rules.md. Names serialise as snake_case strings on the wire (api.md).

/// <summary>第六条: how the complaint arrived.</summary>
public enum Channel
{
    InPerson,
    Phone12345,
    PhoneHotline,
    OnlinePortal,
    OnlineApp,
    Email,
    Letter,
    SuggestionBox,
}

public enum ComplaintStatus
{
    PendingReferral,
    PendingAcceptance,
    InHandling,
    Concluded,
    NotAccepted,
    Merged,
    Withdrawn,
}

/// <summary>第十二条.</summary>
public enum Classification
{
    Onsite,
    Offsite,
}

/// <summary>第八条, in the article's order.</summary>
public enum NotAcceptedReason
{
    NoClearRespondentOrRequest,
    AlreadyAcceptedOrInProgress,
    OtherLegalChannel,
    RepeatWithoutNewEvidence,
}

/// <summary>第十四条. Unsubstantiated and unverifiable make an invalid complaint (无效投诉).</summary>
public enum Finding
{
    Substantiated,
    PartiallySubstantiated,
    Unsubstantiated,
    Unverifiable,
}

/// <summary>The national 政务服务"好差评" five-level scale; the last two are 差评.</summary>
public enum SatisfactionRating
{
    VerySatisfied,
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
    VeryDissatisfied,
}

/// <summary>How a staff revisit (回访, 第十六条) reached the complainant.</summary>
public enum RevisitMethod
{
    Phone,
    Sms,
    Visit,
    App,
}

public enum ComplainantType
{
    Person,
    Organization,
}

/// <summary>
/// 第七条 身份证件: the resident identity card, the documents of residents of Hong Kong, Macao and Taiwan and of foreigners,
/// and, for an organisation, the unified social credit code. Stored as text (≤ 16 characters).
/// </summary>
public enum IdType
{
    /// <summary>居民身份证.</summary>
    ResidentId,

    /// <summary>统一社会信用代码 (organisations).</summary>
    Uscc,

    /// <summary>港澳居民来往内地通行证.</summary>
    HkMacaoPermit,

    /// <summary>台湾居民来往大陆通行证.</summary>
    TaiwanPermit,

    /// <summary>港澳台居民居住证.</summary>
    ResidencePermit,

    /// <summary>外国人永久居留身份证.</summary>
    ForeignResident,

    /// <summary>护照.</summary>
    Passport,
}

public static class ChannelRules
{
    /// <summary>Online channels are submitted by the complainant with their own token (rules.md "Channels").</summary>
    public static bool IsOnline(this Channel channel) => channel is Channel.OnlinePortal or Channel.OnlineApp;

    public static bool IsHotline(this Channel channel) => channel is Channel.Phone12345;
}

public static class FindingRules
{
    /// <summary>第十四条: 无法调查核实 or 不属实 is an invalid complaint.</summary>
    public static bool IsInvalidComplaint(this Finding finding) => finding is Finding.Unsubstantiated or Finding.Unverifiable;
}

public static class SatisfactionRules
{
    /// <summary>差评: the two lowest levels of 好差评.</summary>
    public static bool IsNegative(this SatisfactionRating rating) => rating is SatisfactionRating.Dissatisfied or SatisfactionRating.VeryDissatisfied;
}
