namespace Complaints.Domain.Cases;

public static class ComplaintStatusText
{
    /// <summary>The Chinese name used in notices and error messages.</summary>
    public static string ChineseName(this ComplaintStatus status) => status switch
    {
        ComplaintStatus.PendingReferral => "待交办",
        ComplaintStatus.PendingAcceptance => "待受理",
        ComplaintStatus.InHandling => "处理中",
        ComplaintStatus.Concluded => "已办结",
        ComplaintStatus.NotAccepted => "不予受理",
        ComplaintStatus.Merged => "已合并",
        ComplaintStatus.Withdrawn => "已撤回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Terminal states (rules.md "States"): nothing moves a case out of them.</summary>
    public static bool IsTerminal(this ComplaintStatus status) =>
        status is ComplaintStatus.NotAccepted or ComplaintStatus.Concluded or ComplaintStatus.Merged or ComplaintStatus.Withdrawn;

    /// <summary>"当前状态为「已办结」": Chinese only; the wire name is the problem's business, not the sentence's.</summary>
    internal static string Describe(this ComplaintStatus status) => $"当前状态为「{status.ChineseName()}」";
}
