using Microsoft.OpenApi;

namespace Complaints.Api.Docs;

/// <summary>
/// The Chinese description of every operation, naming the article of 《云南省政务服务投诉处理办法(试行)》 it serves
/// (issue #10); an English description set on the endpoint follows it. Keyed by operation id (<c>WithName</c>).
/// </summary>
internal static class OperationDocs
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["GetCaller"] = "当前令牌代表的用户:角色、所属机构或辖区(第四、五条所称的投诉处理人员与管理部门)。",
        ["ListRegions"] = "云南省行政区划(GB/T 2260),用于按辖区选择被投诉机构与管理部门(第五条)。",
        ["ListAgencies"] = "政务服务机构目录,供投诉人选择被投诉机构(第七条:投诉应当写明被投诉机构)。游标分页。",
        ["GetAgency"] = "单个政务服务机构,前端据此显示投诉涉及的机构(第七条)。停用的机构仍可读取。",
        ["GetCalendarYear"] = "某年的工作日日历(法定节假日与调休),办理时限均按工作日计算(第十、十一、十三条)。",
        ["ComputeDeadline"] = "按工作日计算期限:与案件时限相同的算法(第十、十一、十三条)。",
        ["LoadCalendarYear"] = "管理员载入某年的节假日安排;之后的时限按其计算(第十、十一、十三条)。",
        ["SubmitComplaint"] = "提交投诉(第六、七条):公民、法人在网上以实名提交,身份取自令牌;工作人员登记电话、窗口、信件等线下渠道的投诉。"
            + "按第五条确定受理的管理部门或机构。返回受理编号和仅返回一次的查询码。支持 Idempotency-Key。",
        ["LookupComplaint"] = "凭受理编号和查询码查询投诉进度(第十六条:投诉人有权了解办理情况),不含个人信息;编号或查询码错误同样返回 404。",
        ["RateSatisfaction"] = "投诉人对已办结投诉的处理结果作出满意度评价(好差评,第十六条),仅一次。",
        ["WithdrawComplaint"] = "投诉人在办结前撤回自己的投诉(第十二条)。",
        ["ListMyComplaints"] = "本人提交的投诉,按受理时间倒序,游标分页(第十六条)。",
        ["GetMyComplaint"] = "本人的一件投诉:时限、办理过程与结果(第十六条)。",
        ["AddMaterials"] = "为本人尚未办结的投诉补充材料(第七条),材料须先经 POST /api/v1/evidence 上传;补充后记入办理过程并通知办理机构。",
        ["GetDuplicateSuggestions"] = "调用者辖区内 30 日内收到、可能属同一投诉事项的未办结案件(第十三条:同一投诉事项通过不同渠道分别投诉的可合并办理),按可能性排序,最多 10 件,附理由与合并调用;保密投诉人只匹配不披露(第九条)。",
        ["GetContentAnalysis"] = "投诉内容分析(第十六条:定期对投诉内容进行分析):某机构或辖区在一个报告期内反复出现的主题词、投诉最多及不满意评价最多的服务事项、与上一期相比的变化,并提供图表数据(第十八条)。",
        ["ListCaseChanges"] = "案件变更流:调用者辖区内每件案件的每次变更,按提交顺序排列,凭游标续读且不遗漏(第五、十、十一条),供无法接收 webhook 的机构系统同步。",
        ["RegisterWebhook"] = "管理员为某机构或管理部门登记 https 回调地址与签名密钥,案件交办、时限将至、补充材料等事件以 CloudEvents 推送(第十、十一、十六条)。",
        ["ListWebhooks"] = "已登记的回调订阅(不含密钥)。",
        ["RemoveWebhook"] = "停止向某订阅推送;其未送达的事件转入死信列表。",
        ["RotateWebhookSecret"] = "轮换订阅的签名密钥;宽限期内新旧密钥同时签名。",
        ["ListWebhookDeadLetters"] = "多次重试仍未送达的事件(死信),管理员可重新推送。",
        ["ReplayWebhookDelivery"] = "重新推送一条死信事件,事件 id 不变,接收方据此去重。",
        ["ListCases"] = "调用者的案件队列:本机构的案件,或本辖区及下级辖区的案件(第五、九条),可按状态、超期、到期日筛选,游标分页。",
        ["GetCase"] = "一件案件的详情、时限与办理过程;投诉人身份默认脱敏,仅投诉处理专员在非保密案件中可见全文(第九条)。带 ETag。",
        ["GetCaseComplainant"] = "投诉人的完整身份信息,仅限投诉处理专员(第四、九条),每次读取均记入审计。",
        ["GetCaseAudit"] = "该案件的审计记录:谁在何时读取或修改了什么(第九、十九条)。",
        ["ReferCase"] = "管理部门在 2 个工作日内将投诉交办责任机构,制发交办单(第十条)。",
        ["DecideAcceptance"] = "机构在 3 个工作日内决定受理并分为现场或非现场办理,或依第八条不予受理并说明理由(第十一、十二条)。",
        ["ExtendCase"] = "非现场办理的案件在期限届满前延期一次,说明理由(第十三条)。",
        ["RecordInvestigation"] = "记录调查核实:现场调查、询问、调阅资料等(第十四条)。",
        ["ConcludeCase"] = "作出办理结论并反馈投诉人(第十三、十四、十五条);联合办理时由牵头机构办结。",
        ["MergeCase"] = "将同一事项的投诉合并办理,每位投诉人仍获反馈(第十三条)。",
        ["CoordinateCase"] = "管理部门指定牵头机构和协办机构联合办理(第十五条)。",
        ["RevisitCase"] = "回访投诉人,记录回访方式与满意度(第十六条)。",
        ["RecordNoticeDelivery"] = "登记《政务服务投诉受理/不予受理通知书》的送达:现场领取、邮寄、短信、应用消息、电子邮件或者其他有效方式,送达日期及登记人(第十一条第二款)。作出决定后登记,每份通知书登记一次。",
        ["ListNoticesToDeliver"] = "待送达的受理/不予受理通知书:自动发送失败(无手机号码或应用账号、网关放弃发送)或者投诉人要求邮寄的,在登记送达之前列于此(第十一条第二款)。按决定时间从早到晚排列。",
        ["OrderRectification"] = "管理部门责令整改并规定期限(第十六条)。",
        ["CompleteRectification"] = "机构报告整改完成(第十六条)。",
        ["VerifyRectification"] = "管理部门验收整改,或退回重新整改(第十六条)。",
        ["ReportMajorComplaint"] = "重大投诉向本级人民政府报告(第四条)。",
        ["VerifyAuditTrail"] = "校验审计日志的哈希链,报告第一处被修改、删除或重排的记录(第十九条)。",
        ["GetStatistics"] = "某机构或辖区在一段时间内的投诉统计(第十八条)。",
        ["SubmitReport"] = "冻结并报送统计报告:机构按季度报本级,管理部门按半年和年度报上一级(第十八条)。",
        ["GetReportingStatus"] = "某报告期内辖区各单位是否已报送及应报日期(第十八条)。",
        ["GetReport"] = "一份已报送的报告:JSON,或以 format=csv|xlsx 导出(第十八条)。",
        ["DrawSpotCheck"] = "管理部门在辖区已办结案件中抽取可复现的随机样本进行抽查(第十六条)。",
        ["RecordSpotCheckFinding"] = "记录对抽查样本中一件案件的评查结论,可附整改要求(第十六条)。",
        ["GetSpotCheck"] = "抽查的样本与评查进度(第十六条)。",
        ["UploadEvidence"] = "上传一份证明材料(第七条):图片重新编码并去除 EXIF/GPS 等元数据,PDF 按文件签名检查并拒绝主动内容。24 小时内未附加到投诉的上传将被删除。",
        ["GetEvidence"] = "读取经处理的证明材料,限上传者本人及可查看该案件的工作人员(第九条)。",
        ["GetEvidenceThumbnail"] = "图片证明材料的小尺寸预览(第九条同样的查看权限)。",
        ["GetReferralForm"] = "交办单(附件):JSON、可打印 HTML 或 PDF(第十条)。",
        ["GetAcceptanceNotice"] = "受理/不予受理告知书(附件):JSON、可打印 HTML 或 PDF(第十一、十二条)。",
        ["GetRegistrationForm"] = "投诉登记表(附件):JSON、可打印 HTML 或 PDF(第六、七条)。",
        ["GetLabels"] = "所有枚举值的中文显示名称(状态、渠道、理由、结论、评价等),可缓存并带 ETag,前端无需硬编码。",
    };

    public static void Apply(OpenApiOperation operation)
    {
        if (operation.OperationId is { } id && Chinese.TryGetValue(id, out var chinese))
        {
            operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? chinese : chinese + "\n\n" + operation.Description;
        }
    }
}
