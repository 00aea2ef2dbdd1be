using System.Security.Cryptography;
using System.Text.Json;
using Complaints.Api.Directory;
using Complaints.Api.Docs;
using Complaints.Api.Evidence;
using Complaints.Api.SpotChecks;
using Complaints.Domain.Cases;
using Complaints.Domain.Insight;
using Complaints.Domain.Jurisdiction;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Complaints.Api.Labels;

/// <summary>
/// The zh-CN display label of every enum value on the wire, in one table: published in the contract
/// (<c>x-enum-descriptions</c>) and served by <c>GET /api/v1/labels</c>, so front ends never hard-code them.
/// Wording follows the regulation (e.g. 第八条's reasons).
/// </summary>
public static class EnumLabels
{
    private static readonly Dictionary<Type, Dictionary<string, string>> Table = new()
    {
        [typeof(Channel)] = new()
        {
            ["InPerson"] = "现场投诉", ["Phone12345"] = "12345政务服务便民热线", ["PhoneHotline"] = "监督投诉电话", ["OnlinePortal"] = "云南政务服务网",
            ["OnlineApp"] = "“一部手机办事通”", ["Email"] = "电子邮箱", ["Letter"] = "信函", ["SuggestionBox"] = "投诉意见箱、意见簿",
        },
        [typeof(ComplaintStatus)] = new()
        {
            ["PendingReferral"] = "待交办", ["PendingAcceptance"] = "待受理", ["InHandling"] = "办理中", ["Concluded"] = "已办结",
            ["NotAccepted"] = "不予受理", ["Merged"] = "已合并", ["Withdrawn"] = "已撤回",
        },
        [typeof(Classification)] = new() { ["Onsite"] = "现场处理类", ["Offsite"] = "非现场处理类" },
        [typeof(NotAcceptedReason)] = new()
        {
            ["NoClearRespondentOrRequest"] = "没有明确被投诉人或者投诉请求", ["AlreadyAcceptedOrInProgress"] = "已经受理或者正在处理",
            ["OtherLegalChannel"] = "已经或者正在通过诉讼、仲裁、行政复议、调解等途径解决", ["RepeatWithoutNewEvidence"] = "已经办结,无新证明材料对同一事项重复投诉",
        },
        [typeof(Finding)] = new() { ["Substantiated"] = "属实", ["PartiallySubstantiated"] = "部分属实", ["Unsubstantiated"] = "不属实", ["Unverifiable"] = "无法核实" },
        [typeof(SatisfactionRating)] = new()
        {
            ["VerySatisfied"] = "非常满意", ["Satisfied"] = "满意", ["BasicallySatisfied"] = "基本满意", ["Dissatisfied"] = "不满意", ["VeryDissatisfied"] = "非常不满意",
        },
        [typeof(RevisitMethod)] = new() { ["Phone"] = "电话回访", ["Sms"] = "短信回访", ["Visit"] = "现场回访", ["App"] = "“一部手机办事通”回访" },
        [typeof(InvestigationMethod)] = new() { ["OnSiteInvestigation"] = "现场调查", ["Interview"] = "谈话核实", ["RecordsRetrieval"] = "调取资料", ["Other"] = "其他方式" },
        [typeof(DuplicateReason)] = new()
        {
            ["SameComplainant"] = "同一投诉人(证件号码相同)", ["SamePhone"] = "同一联系电话", ["ConfidentialComplainantMatch"] = "同一投诉人(保密,不披露匹配项)",
            ["SameAgencyAndServiceItem"] = "同一被投诉机构和服务事项", ["SimilarText"] = "投诉内容相似",
        },
        [typeof(ComplainantType)] = new() { ["Person"] = "公民", ["Organization"] = "法人或者其他组织" },
        [typeof(IdType)] = new()
        {
            ["ResidentId"] = "居民身份证", ["Uscc"] = "统一社会信用代码", ["HkMacaoPermit"] = "港澳居民来往内地通行证", ["TaiwanPermit"] = "台湾居民来往大陆通行证",
            ["ResidencePermit"] = "港澳台居民居住证", ["ForeignResident"] = "外国人永久居留身份证", ["Passport"] = "护照",
        },
        [typeof(TimelineEventKind)] = new()
        {
            ["Received"] = "已收到投诉", ["Referred"] = "已交办", ["Accepted"] = "已受理", ["NotAccepted"] = "不予受理", ["Extended"] = "已延期",
            ["InvestigationRecorded"] = "调查核实", ["Concluded"] = "已办结", ["Merged"] = "已并入其他投诉件合并办理", ["MergedInto"] = "其他投诉件并入本件合并办理",
            ["Coordinated"] = "联合办理", ["Withdrawn"] = "已撤回", ["Rated"] = "已评价", ["Revisited"] = "已回访", ["RectificationOrdered"] = "责令整改",
            ["RectificationCompleted"] = "整改完成", ["RectificationVerified"] = "整改验收通过", ["RectificationSentBack"] = "整改退回", ["MajorReported"] = "重大投诉已报告",
            ["OverdueFlagged"] = "已超期", ["MaterialsAdded"] = "已补充材料", ["NoticeDelivered"] = "通知书已送达",
        },
        [typeof(DecisionNotice)] = new() { ["Acceptance"] = "受理通知书", ["NonAcceptance"] = "不予受理通知书" },
        [typeof(DeliveryMethod)] = new()
        {
            ["InPerson"] = "现场领取", ["Post"] = "邮寄", ["Sms"] = "短信", ["AppMessage"] = "应用消息", ["Email"] = "电子邮件", ["Other"] = "其他有效方式",
        },
        [typeof(Cases.DeliveryNeed)] = new() { ["NoElectronicContact"] = "无手机号码或应用账号,无法自动发送", ["SendingFailed"] = "自动发送失败", ["PostRequested"] = "投诉人要求邮寄" },
        [typeof(RectificationStatus)] = new() { ["Ordered"] = "整改中", ["Completed"] = "待验收", ["Verified"] = "已验收", ["SentBack"] = "已退回" },
        [typeof(RegionLevel)] = new() { ["Province"] = "省", ["Prefecture"] = "州(市)", ["County"] = "县(市、区)" },
        [typeof(Domain.Cases.AcceptanceDecision)] = new() { ["Pending"] = "尚未决定", ["Accepted"] = "受理", ["NotAccepted"] = "不予受理" },
        [typeof(Cases.AcceptanceDecision)] = new() { ["Accept"] = "受理", ["NotAccept"] = "不予受理" },
        [typeof(AgencyKind)] = new() { ["ImplementingAgency"] = "政务服务实施机构", ["WindowServiceUnit"] = "窗口服务单位" },
        [typeof(EvidenceKind)] = new() { ["Image"] = "图片", ["Pdf"] = "PDF 文档" },
        [typeof(SpotCheckVerdict)] = new() { ["Proper"] = "处理规范", ["Improper"] = "处理不规范" },
        [typeof(Domain.Deadlines.DeadlineKind)] = new()
        {
            ["Referral"] = "交办期限(2个工作日)", ["Acceptance"] = "受理期限(3个工作日)", ["OnsiteHandling"] = "现场处理类办结期限(当日)",
            ["OffsiteHandling"] = "非现场处理类办结期限(10个工作日)", ["ExtendedHandling"] = "延期后的办结期限(20个工作日)", ["WorkingDayCount"] = "指定的工作日数",
        },
    };

    /// <summary>The label of each wire value of <paramref name="type"/>, or null when it is not a labelled enum.</summary>
    public static IReadOnlyDictionary<string, string>? For(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!Table.TryGetValue(type, out var labels))
        {
            return null;
        }

        return Enum.GetNames(type).ToDictionary(WireNames.OfName, name => labels.TryGetValue(name, out var label) ? label : name, StringComparer.Ordinal);
    }

    /// <summary>Every labelled enum by its schema name in the contract, e.g. <c>ComplaintStatus</c> → <c>pending_referral</c> → 待交办.</summary>
    public static SortedDictionary<string, IReadOnlyDictionary<string, string>> All() =>
        new(Table.Keys.ToDictionary(SchemaName, t => For(t)!), StringComparer.Ordinal);

    public static string SchemaName(Type type) => type == typeof(Domain.Cases.AcceptanceDecision) ? "AcceptanceOutcome" : type.Name;

    private static readonly Lazy<(byte[] Json, string ETag)> Served = new(() =>
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(All(), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return (json, $"\"{Convert.ToHexStringLower(SHA256.HashData(json))[..16]}\"");
    });

    public static IEndpointRouteBuilder MapLabels(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/labels", Get).WithTags("Labels").AllowAnonymous().WithStandardProblems()
            .WithMetadata(new SendsETag())
            .Produces<Dictionary<string, Dictionary<string, string>>>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .WithName("GetLabels")
            .WithSummary("zh-CN display labels of every enum value, by schema name then wire value; cacheable, with an ETag.");
        return app;
    }

    private static IResult Get(HttpContext http)
    {
        var (json, etag) = Served.Value;
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=3600";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v.Contains(etag, StringComparison.Ordinal) || v.Trim() == "*")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(json, "application/json; charset=utf-8");
    }
}
