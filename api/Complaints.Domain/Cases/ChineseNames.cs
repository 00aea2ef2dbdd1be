namespace Complaints.Domain.Cases;

/// <summary>
/// The Chinese names of the regulation's terms, in the 办法's own words where it has them. Every
/// Chinese text (messages, notices, forms, report exports) uses these, never the wire names:
/// a message reads 「现场投诉」, not 「onsite」 (wire names stay in JSON values and codes).
/// </summary>
public static class ChineseNames
{
    public static string Name(this Channel channel) => channel switch
    {
        Channel.InPerson => "现场投诉",
        Channel.Phone12345 => "12345政务服务便民热线",
        Channel.PhoneHotline => "监督投诉电话",
        Channel.OnlinePortal => "云南政务服务网",
        Channel.OnlineApp => "“一部手机办事通”",
        Channel.Email => "电子邮箱",
        Channel.Letter => "信函",
        Channel.SuggestionBox => "投诉意见箱、意见簿",
        _ => channel.ToString(),
    };

    public static string Name(this Classification classification) => classification switch
    {
        Classification.Onsite => "现场处理类",
        Classification.Offsite => "非现场处理类",
        _ => classification.ToString(),
    };

    /// <summary>The item of 第八条 a reason is, e.g. 第八条第(二)项.</summary>
    public static string Article(this NotAcceptedReason reason) => reason switch
    {
        NotAcceptedReason.NoClearRespondentOrRequest => "第八条第(一)项",
        NotAcceptedReason.AlreadyAcceptedOrInProgress => "第八条第(二)项",
        NotAcceptedReason.OtherLegalChannel => "第八条第(三)项",
        NotAcceptedReason.RepeatWithoutNewEvidence => "第八条第(四)项",
        _ => "第八条",
    };

    /// <summary>The words of 第八条 for the reason.</summary>
    public static string Name(this NotAcceptedReason reason) => reason switch
    {
        NotAcceptedReason.NoClearRespondentOrRequest => "没有明确被投诉人或者投诉请求",
        NotAcceptedReason.AlreadyAcceptedOrInProgress => "已经受理或者正在处理",
        NotAcceptedReason.OtherLegalChannel => "已经或者正在通过诉讼、仲裁、行政复议、调解等途径解决",
        NotAcceptedReason.RepeatWithoutNewEvidence => "已经办结,无新证明材料对同一事项重复投诉",
        _ => reason.ToString(),
    };

    public static string Name(this Finding finding) => finding switch
    {
        Finding.Substantiated => "属实",
        Finding.PartiallySubstantiated => "部分属实",
        Finding.Unsubstantiated => "不属实",
        Finding.Unverifiable => "无法核实",
        _ => finding.ToString(),
    };

    public static string Name(this SatisfactionRating rating) => rating switch
    {
        SatisfactionRating.VerySatisfied => "非常满意",
        SatisfactionRating.Satisfied => "满意",
        SatisfactionRating.BasicallySatisfied => "基本满意",
        SatisfactionRating.Dissatisfied => "不满意",
        SatisfactionRating.VeryDissatisfied => "非常不满意",
        _ => rating.ToString(),
    };

    public static string Name(this RevisitMethod method) => method switch
    {
        RevisitMethod.Phone => "电话回访",
        RevisitMethod.Sms => "短信回访",
        RevisitMethod.Visit => "现场回访",
        RevisitMethod.App => "“一部手机办事通”回访",
        _ => method.ToString(),
    };

    public static string Name(this InvestigationMethod method) => method switch
    {
        InvestigationMethod.OnSiteInvestigation => "现场调查",
        InvestigationMethod.Interview => "谈话核实",
        InvestigationMethod.RecordsRetrieval => "调取资料",
        InvestigationMethod.Other => "其他方式",
        InvestigationMethod.RespondentStatement => "被投诉人陈述",
        _ => method.ToString(),
    };

    public static string Name(this AcceptanceDecision decision) => decision switch
    {
        AcceptanceDecision.Accepted => "受理",
        AcceptanceDecision.NotAccepted => "不予受理",
        _ => "尚未决定",
    };

    public static string Name(this ComplainantType type) => type switch
    {
        ComplainantType.Person => "公民",
        _ => "法人或者其他组织",
    };

    public static string Name(this IdType type) => type switch
    {
        IdType.ResidentId => "居民身份证",
        IdType.HkMacaoPermit => "港澳居民来往内地通行证",
        IdType.TaiwanPermit => "台湾居民来往大陆通行证",
        IdType.ResidencePermit => "港澳台居民居住证",
        IdType.ForeignResident => "外国人永久居留身份证",
        IdType.Passport => "护照",
        _ => "统一社会信用代码",
    };

    /// <summary>The notice's name as in 附件2's title: 受理通知书 or 不予受理通知书.</summary>
    public static string Name(this DecisionNotice notice) => notice switch
    {
        DecisionNotice.Acceptance => "受理通知书",
        _ => "不予受理通知书",
    };

    /// <summary>第十一条第二款: 现场领取 or another effective way.</summary>
    public static string Name(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.InPerson => "现场领取",
        DeliveryMethod.Post => "邮寄",
        DeliveryMethod.Sms => "短信",
        DeliveryMethod.AppMessage => "应用消息",
        DeliveryMethod.Email => "电子邮件",
        DeliveryMethod.Other => "其他有效方式",
        _ => method.ToString(),
    };

    /// <summary>"(一)没有明确被投诉人或者投诉请求;(二)…" — the four exceptions of 第八条 in the article's words.</summary>
    public static string AllNotAcceptedReasons() =>
        string.Join(";", Enum.GetValues<NotAcceptedReason>().Select((r, i) => $"({Ordinals[i]}){r.Name()}"));

    private static readonly string[] Ordinals = ["一", "二", "三", "四", "五", "六", "七", "八"];
}
