using Complaints.Api.Notifications;

namespace Complaints.Api.Webhooks;

/// <summary>
/// The CloudEvents <c>type</c> of each agency-system event, and the keys of its <c>data</c> besides
/// <c>caseId</c> and <c>trackingNumber</c> (all strings). The contract's <c>webhooks</c> section is generated from this
/// table, so a new event is one line here, its raising code, and a regenerated openapi/v1.json.
/// </summary>
public static class AgencyEventTypes
{
    public const string Prefix = "cn.yn.complaints.";
    public const string Source = "urn:cn:yn:complaints";

    public sealed record EventType(NotificationKind Kind, string Type, string Summary, bool AboutCase, IReadOnlyDictionary<string, string> Data);

    public static readonly IReadOnlyList<EventType> All =
    [
        new(NotificationKind.CaseReferred, Prefix + "case.referred", "A case was referred to your agency (第十条), with the 交办单.", true, new Dictionary<string, string>
        {
            ["status"] = "The case's status (pending_acceptance).",
            ["acceptanceDue"] = "Decide on acceptance by this date, yyyy-MM-dd (第十一条).",
            ["referralForm"] = "Link to the 《政务服务投诉交办单》 (JSON, HTML or PDF by Accept).",
        }),
        new(NotificationKind.CaseReceived, Prefix + "case.received", "A complaint was received directly by your agency, or by your department for referral.", true, new Dictionary<string, string>
        {
            ["status"] = "pending_acceptance (an agency) or pending_referral (a department).",
            ["channel"] = "How it came in (第六条).",
            ["dueDate"] = "The running deadline, yyyy-MM-dd.",
        }),
        new(NotificationKind.DeadlineDueSoon, Prefix + "deadline.due_soon", "A running deadline ends by the end of the next working day (by the working-day calendar).", true, new Dictionary<string, string>
        {
            ["deadline"] = "referral, acceptance, onsite_handling, offsite_handling or extended_handling.",
            ["dueDate"] = "Its last day, yyyy-MM-dd (ends 24:00 CST).",
        }),
        new(NotificationKind.DeadlinePassed, Prefix + "deadline.passed", "A running deadline passed.", true, new Dictionary<string, string>
        {
            ["deadline"] = "Which deadline.",
            ["dueDate"] = "Its last day, yyyy-MM-dd.",
        }),
        new(NotificationKind.CaseMerged, Prefix + "case.merged", "A case was merged into another (第十三条).", true, new Dictionary<string, string>
        {
            ["intoCaseId"] = "The case it was merged into.",
            ["intoTrackingNumber"] = "Its tracking number.",
        }),
        new(NotificationKind.MaterialsAdded, Prefix + "case.materials_added", "The complainant added materials (补充材料).", true, new Dictionary<string, string>
        {
            ["evidenceCount"] = "How many files were added.",
        }),
        new(NotificationKind.RatedDissatisfied, Prefix + "case.rated_dissatisfied", "The result was rated 不满意 or 非常不满意: a revisit is due (第十六条).", true, new Dictionary<string, string>
        {
            ["rating"] = "dissatisfied or very_dissatisfied.",
            ["ratedBy"] = "complainant, or revisit (recorded by staff).",
        }),
        new(NotificationKind.RectificationOrdered, Prefix + "case.rectification_ordered", "The management department ordered rectification (整改, 第十六条).", true, new Dictionary<string, string>
        {
            ["dueDate"] = "Rectify by this date, yyyy-MM-dd.",
        }),
        new(NotificationKind.SpotCheckDrawn, Prefix + "case.spot_check_drawn", "A spot check (抽查, 第十六条) drew one of your cases.", true, new Dictionary<string, string>
        {
            ["spotCheckId"] = "The spot check.",
        }),
        new(NotificationKind.ReportDue, Prefix + "report.due", "Your report (第十八条) is due within five working days and not yet submitted.", false, new Dictionary<string, string>
        {
            ["period"] = "2026Q3, 2026H1 or 2026.",
            ["scope"] = "agency:{id} or region:{code}.",
            ["dueDate"] = "The last day, yyyy-MM-dd.",
        }),
    ];

    public static EventType Of(NotificationKind kind) => All.Single(t => t.Kind == kind);

    public static bool IsAgencyEvent(NotificationKind kind) => All.Any(t => t.Kind == kind);
}
