namespace Complaints.Domain.Cases;

public static class CaseStatusText
{
    /// <summary>The Chinese name used in notices and error messages.</summary>
    public static string ChineseName(this CaseStatus status) => status switch
    {
        CaseStatus.PendingReferral => "待交办",
        CaseStatus.PendingAcceptance => "待受理",
        CaseStatus.InHandling => "处理中",
        CaseStatus.Concluded => "已办结",
        CaseStatus.NotAccepted => "不予受理",
        CaseStatus.Merged => "已合并",
        CaseStatus.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Terminal states (rules.md "States"): nothing moves a case out of them.</summary>
    public static bool IsTerminal(this CaseStatus status) =>
        status is CaseStatus.NotAccepted or CaseStatus.Concluded or CaseStatus.Merged or CaseStatus.Withdrawn;

    /// <summary>"当前状态为「已办结」": Chinese only; the wire name is the problem's business, not the sentence's.</summary>
    internal static string Describe(this CaseStatus status) => $"当前状态为「{status.ChineseName()}」";
}
