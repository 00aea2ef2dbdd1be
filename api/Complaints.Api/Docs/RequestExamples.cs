using System.Text.Json.Nodes;
using Complaints.Api.Directory;
using Microsoft.OpenApi;

namespace Complaints.Api.Docs;

/// <summary>
/// An example of every JSON request body, and of the main answers, keyed by operation id (issue #10 item 4).
/// Ids name the demo directory's agencies (五华区市场监督管理局, 盘龙区人力资源和社会保障局); ids of cases, uploads and
/// subscriptions, the tracking number and the query code are placeholders a client replaces with its own.
/// <c>RequestExampleTests</c> sends every one of them (with those placeholders replaced) and expects success.
/// </summary>
internal static class RequestExamples
{
    private const string SomeCase = "0193a5b2-7c4e-7d21-9f3a-2b6c8d0e4f51";
    private const string SomeOtherCase = "0193a5b2-7c4e-7d21-9f3a-2b6c8d0e4f52";
    private const string SomeUpload = "0193a5b2-7c4e-7d21-9f3a-2b6c8d0e4f60";
    private const string DeliveredOn = "2026-11-21"; // the day a notice reached the complainant: on or after the decision

    private static readonly Dictionary<string, Func<JsonNode>> Requests = new(StringComparer.Ordinal)
    {
        ["SubmitComplaint"] = () => new JsonObject
        {
            ["channel"] = "online_app",
            ["respondent"] = new JsonObject { ["agencyId"] = DemoDirectory.WuhuaMarketRegulation.ToString(), ["windowNumber"] = "A12" },
            ["serviceItem"] = new JsonObject { ["code"] = "530102-SCJG-001", ["name"] = "个体工商户设立登记" },
            ["request"] = "请求责令窗口工作人员改正服务态度并给出书面答复。",
            ["facts"] = "2026年11月20日上午在A12窗口办理个体工商户设立登记时,工作人员拒绝解释材料要求,并态度恶劣。",
            ["evidenceIds"] = new JsonArray(),
            ["confidential"] = false,
        },
        ["LookupComplaint"] = () => new JsonObject { ["trackingNumber"] = "TS530102-20261120-00001", ["queryCode"] = "7K3M9QX2" },
        ["RateSatisfaction"] = () => new JsonObject { ["rating"] = "satisfied", ["comment"] = "处理及时,窗口已书面致歉。" },
        ["WithdrawComplaint"] = () => new JsonObject { ["reason"] = "问题已当场解决。" },
        ["AddMaterials"] = () => new JsonObject { ["evidenceIds"] = new JsonArray(SomeUpload) },
        ["ReferCase"] = () => new JsonObject { ["agencyId"] = DemoDirectory.WuhuaMarketRegulation.ToString(), ["note"] = "请依法处理并按期反馈。" },
        ["DecideAcceptance"] = () => new JsonObject { ["decision"] = "accept", ["classification"] = "offsite" },
        ["RecordNoticeDelivery"] = () => new JsonObject { ["method"] = "post", ["deliveredOn"] = DeliveredOn, ["note"] = "挂号信寄送,投诉人已签收。" },
        ["ExtendCase"] = () => new JsonObject { ["reason"] = "需调取窗口监控录像并询问多名工作人员,情况复杂。" },
        ["RecordInvestigation"] = () => new JsonObject { ["method"] = "interview", ["summary"] = "询问了A12窗口工作人员及当班负责人,核实了办理经过。" },
        ["ConcludeCase"] = () => new JsonObject
        {
            ["finding"] = "substantiated",
            ["result"] = "经调查,投诉属实。已对窗口工作人员批评教育,并向投诉人书面致歉。",
            ["measures"] = "加强窗口服务规范培训,实行一次性告知。",
        },
        ["MergeCase"] = () => new JsonObject { ["intoCaseId"] = SomeOtherCase },
        ["CoordinateCase"] = () => new JsonObject
        {
            ["leadAgencyId"] = DemoDirectory.WuhuaMarketRegulation.ToString(),
            ["cooperatingAgencyIds"] = new JsonArray(DemoDirectory.AgencyId(8).ToString()), // 五华区人力资源和社会保障局
        },
        ["RevisitCase"] = () => new JsonObject { ["method"] = "phone", ["rating"] = "satisfied", ["note"] = "投诉人对处理结果表示认可。" },
        ["OrderRectification"] = () => new JsonObject { ["requirement"] = "对窗口一次性告知制度的落实情况进行整改。", ["dueDate"] = "2030-12-31" },
        ["CompleteRectification"] = () => new JsonObject { ["report"] = "已修订窗口服务规范,完成全员培训。" },
        ["VerifyRectification"] = () => new JsonObject { ["accepted"] = true, ["note"] = "整改到位。" },
        ["ReportMajorComplaint"] = () => new JsonObject { ["summary"] = "同一事项短期内多人投诉,社会关注度高,现报告本级人民政府。" },
        ["SubmitReport"] = () => new JsonObject { ["period"] = "2025Q4", ["scope"] = $"agency:{DemoDirectory.WuhuaMarketRegulation}" },
        ["DrawSpotCheck"] = () => new JsonObject { ["regionCode"] = "530102", ["from"] = "2026-01-01", ["to"] = "2026-12-31", ["sampleSize"] = 20 },
        ["RecordSpotCheckFinding"] = () => new JsonObject { ["caseId"] = SomeCase, ["verdict"] = "proper", ["note"] = "受理、办理、反馈均符合规定。" },
        ["RegisterWebhook"] = () => new JsonObject
        {
            ["agencyId"] = DemoDirectory.WuhuaMarketRegulation.ToString(),
            ["url"] = "https://wuhua-scjg.example.gov.cn/complaints/events",
        },
        ["RotateWebhookSecret"] = () => new JsonObject { ["gracePeriod"] = "1.00:00:00" },
        ["LoadCalendarYear"] = () => new JsonObject
        {
            ["year"] = 2098,
            ["papers"] = new JsonArray("国务院办公厅关于2098年部分节假日安排的通知"),
            ["days"] = new JsonArray(
                new JsonObject { ["name"] = "元旦", ["date"] = "2098-01-01", ["isOffDay"] = true },
                new JsonObject { ["name"] = "国庆节", ["date"] = "2098-10-01", ["isOffDay"] = true },
                new JsonObject { ["name"] = "国庆节", ["date"] = "2098-10-11", ["isOffDay"] = false }),
        },
    };

    /// <summary>
    /// The calendar upload is read as text (so that every malformed document gets a precise message) and so is
    /// declared <c>string</c> by the framework; what a client sends is a holiday-cn document, described here.
    /// </summary>
    private static OpenApiSchema HolidayCn() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "国务院节假日安排(holiday-cn 格式)。A holiday-cn document.",
        Required = new HashSet<string> { "year", "days" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["year"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "年份,须与地址中的年份相同。" },
            ["papers"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "依据的国务院办公厅通知。" },
            ["days"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "放假日(isOffDay 为 true)与调休上班日(false)。",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "name", "date", "isOffDay" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["name"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "节日名称。" },
                        ["date"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "日期(yyyy-MM-dd)。" },
                        ["isOffDay"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "是否放假;false 为调休上班日。" },
                    },
                },
            },
        },
    };

    private static readonly Dictionary<(string Operation, string Status), Func<JsonNode>> Responses = new()
    {
        [("SubmitComplaint", "201")] = () => new JsonObject
        {
            ["id"] = SomeCase,
            ["trackingNumber"] = "TS530102-20261120-00001",
            ["queryCode"] = "7K3M9QX2",
            ["status"] = "pending_referral",
            ["receivedAt"] = "2026-11-20T10:15:00+08:00",
            ["deadlines"] = new JsonObject { ["referralDue"] = "2026-11-24", ["extended"] = false, ["provisional"] = false, ["overdue"] = false },
        },
        [("LookupComplaint", "200")] = () => new JsonObject
        {
            ["trackingNumber"] = "TS530102-20261120-00001",
            ["status"] = "in_handling",
            ["classification"] = "offsite",
            ["deadlines"] = new JsonObject { ["handlingDue"] = "2026-12-08", ["extended"] = false, ["provisional"] = false, ["overdue"] = false },
            ["timeline"] = new JsonArray(
                new JsonObject { ["at"] = "2026-11-20T10:15:00+08:00", ["event"] = "received" },
                new JsonObject { ["at"] = "2026-11-23T09:00:00+08:00", ["event"] = "referred" },
                new JsonObject { ["at"] = "2026-11-24T14:30:00+08:00", ["event"] = "accepted" }),
        },
        [("ListMyComplaints", "200")] = () => new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = SomeCase,
                ["trackingNumber"] = "TS530102-20261120-00001",
                ["status"] = "in_handling",
                ["channel"] = "online_app",
                ["receivedAt"] = "2026-11-20T10:15:00+08:00",
                ["respondentAgencyId"] = DemoDirectory.WuhuaMarketRegulation.ToString(),
                ["respondentAgencyName"] = "五华区市场监督管理局",
                ["serviceItem"] = "个体工商户设立登记",
            }),
            ["nextCursor"] = "c638672121000000000_0193a5b27c4e7d219f3a2b6c8d0e4f51",
        },
        [("ListCases", "200")] = () => new JsonObject
        {
            ["items"] = new JsonArray(new JsonObject
            {
                ["id"] = SomeCase,
                ["trackingNumber"] = "TS530102-20261120-00001",
                ["status"] = "in_handling",
                ["channel"] = "online_app",
                ["receivedAt"] = "2026-11-20T10:15:00+08:00",
                ["respondentAgencyId"] = DemoDirectory.WuhuaMarketRegulation.ToString(),
                ["respondentAgencyName"] = "五华区市场监督管理局",
                ["handlingAgencyId"] = DemoDirectory.WuhuaMarketRegulation.ToString(),
                ["handlingAgencyName"] = "五华区市场监督管理局",
                ["serviceItem"] = "个体工商户设立登记",
                ["classification"] = "offsite",
                ["confidential"] = false,
                ["dueDate"] = "2026-12-08",
                ["overdue"] = false,
            }),
        },
        [("GetAgency", "200")] = () => new JsonObject
        {
            ["id"] = DemoDirectory.WuhuaMarketRegulation.ToString(),
            ["name"] = "五华区市场监督管理局",
            ["kind"] = "implementing_agency",
            ["regionCode"] = "530102",
            ["complaintPhone"] = "0871-12345",
        },
    };

    /// <summary>The operations whose JSON request body has an example here.</summary>
    public static IReadOnlyCollection<string> Operations => Requests.Keys;

    public static void Apply(OpenApiOperation operation)
    {
        if (operation.OperationId is not { } id)
        {
            return;
        }

        if (Requests.TryGetValue(id, out var request) && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = request();
            if (id == "LoadCalendarYear")
            {
                body.Schema = HolidayCn();
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (Responses.TryGetValue((id, status), out var example) && response.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = example();
            }
        }
    }
}
