namespace Complaints.Domain.Cases;

/// <summary>The actions of api.md on one case; used to phrase refusals.</summary>
public enum ComplaintAction
{
    Refer,
    Accept,
    NotAccept,
    Extend,
    AddInvestigationRecord,
    Conclude,
    Merge,
    Coordinate,
    Withdraw,
    RateSatisfaction,
    RecordRevisit,
    OrderRectification,
    CompleteRectification,
    VerifyRectification,
    FlagMajor,
    FlagOverdue,
    AddMaterials,
    RecordNoticeDelivery,
}

internal static class ComplaintActionText
{
    public static string Verb(this ComplaintAction action) => action switch
    {
        ComplaintAction.Refer => "交办",
        ComplaintAction.Accept => "受理",
        ComplaintAction.NotAccept => "作出不予受理决定",
        ComplaintAction.Extend => "延期办理",
        ComplaintAction.AddInvestigationRecord => "记录调查核实情况",
        ComplaintAction.Conclude => "办结",
        ComplaintAction.Merge => "合并处理",
        ComplaintAction.Coordinate => "协调明确牵头部门",
        ComplaintAction.Withdraw => "撤回",
        ComplaintAction.RateSatisfaction => "评价",
        ComplaintAction.RecordRevisit => "登记回访",
        ComplaintAction.OrderRectification => "督促整改",
        ComplaintAction.CompleteRectification => "报送整改情况",
        ComplaintAction.VerifyRectification => "核验整改情况",
        ComplaintAction.FlagMajor => "报告重大投诉事项",
        ComplaintAction.FlagOverdue => "标记超期",
        ComplaintAction.AddMaterials => "补充材料",
        ComplaintAction.RecordNoticeDelivery => "登记通知书送达",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>The article that governs the action; withdrawal has none (it is the complainant's right, not a rule of the 办法).</summary>
    public static string? Article(this ComplaintAction action) => action switch
    {
        ComplaintAction.Refer => "第十条",
        ComplaintAction.Accept => "第十一条",
        ComplaintAction.NotAccept => "第八条",
        ComplaintAction.Extend => "第十三条",
        ComplaintAction.AddInvestigationRecord => "第十四条",
        ComplaintAction.Conclude => "第十三条",
        ComplaintAction.Merge => "第十三条",
        ComplaintAction.Coordinate => "第十五条",
        ComplaintAction.Withdraw => null,
        ComplaintAction.RateSatisfaction => "第十六条",
        ComplaintAction.RecordRevisit => "第十六条",
        ComplaintAction.OrderRectification => "第十六条",
        ComplaintAction.CompleteRectification => "第十六条",
        ComplaintAction.VerifyRectification => "第十六条",
        ComplaintAction.FlagMajor => "第四条",
        ComplaintAction.FlagOverdue => null,
        ComplaintAction.AddMaterials => "第七条",
        ComplaintAction.RecordNoticeDelivery => "第十一条",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
