using System.Text;

namespace Complaints.Api.Notifications;

/// <summary>
/// The Chinese text of each kind, rendered at dispatch from the stored payload, so that wording can
/// improve without rewriting queued rows. A missing payload value drops its clause rather than
/// printing a placeholder; an unknown wire name is printed as it is.
/// </summary>
public static class NotificationText
{
    public const string Signature = "【云南政务服务】";

    public static string Render(OutboxMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var p = m.Payload;
        var text = new StringBuilder(Signature);
        if (m.RecipientType == RecipientType.Department)
        {
            RenderForDepartment(text, m, p);
            return text.ToString();
        }

        // A merged complainant knows their own number (第十三条): name it, and the case it joined.
        var own = m.ComplainantTrackingNumber ?? m.TrackingNumber;
        var yours = $"您的投诉(编号{own})";
        if (!string.Equals(own, m.TrackingNumber, StringComparison.Ordinal))
        {
            text.Append(yours).Append("已并入投诉件").Append(m.TrackingNumber).Append("合并处理。");
            yours = "该投诉";
        }

        switch (m.Kind)
        {
            case NotificationKind.AcceptanceNotice:
                text.Append(yours).Append("已受理");
                Clause(text, p, PayloadKeys.Classification, v => $",按{ClassificationName(v)}办理");
                Clause(text, p, PayloadKeys.DueDate, v => $",办理期限至{v}");
                text.Append("。可凭投诉编号和查询码查询办理进度。");
                break;
            case NotificationKind.NonAcceptanceNotice:
                text.Append(yours).Append("不予受理");
                Clause(text, p, PayloadKeys.Reason, v => $",理由:{NotAcceptedReasonText(v)}");
                Clause(text, p, PayloadKeys.RelatedTrackingNumber, v => $"(相关投诉件{v})");
                Clause(text, p, PayloadKeys.Explanation, v => $"。说明:{v}");
                text.Append("。(第八条、第十一条)");
                break;
            case NotificationKind.ExtensionNotice:
                text.Append(yours).Append("需延期办理");
                Clause(text, p, PayloadKeys.Reason, v => $",理由:{v}");
                Clause(text, p, PayloadKeys.DueDate, v => $",办理期限延长至{v}");
                text.Append("。(第十三条)");
                break;
            case NotificationKind.ConclusionFeedback:
                text.Append(yours).Append("已办结");
                Clause(text, p, PayloadKeys.Finding, v => $"。调查结论:{FindingName(v)}");
                Clause(text, p, PayloadKeys.Result, v => $"。处理结果:{v}");
                Clause(text, p, PayloadKeys.Measures, v => $"。整改措施:{v}");
                text.Append("。欢迎对处理结果进行评价。");
                break;
            case NotificationKind.RevisitInvitation:
                text.Append(yours).Append("已办结,请对处理结果进行满意度评价");
                Clause(text, p, PayloadKeys.RatingUrl, v => $":{v}");
                text.Append('。');
                break;
            case NotificationKind.MergeNotice:
                text.Append("受理情况、办理进度和处理结果将一并告知您,可凭您的投诉编号和查询码查询。(第十三条)");
                break;
            case NotificationKind.WithdrawalConfirmation:
                text.Append(yours).Append("已按您的申请撤回。");
                break;
            case NotificationKind.RectificationOrdered:
                text.Append("针对").Append(yours).Append("反映的问题,政务服务管理部门已责令被投诉单位整改");
                Clause(text, p, PayloadKeys.DueDate, v => $",整改期限至{v}");
                text.Append('。');
                break;
            default:
                text.Append(yours).Append("有新的办理进展,请查询。");
                break;
        }

        return text.ToString();
    }

    private static void RenderForDepartment(StringBuilder text, OutboxMessage m, IReadOnlyDictionary<string, string> p)
    {
        text.Append("投诉件").Append(m.TrackingNumber);
        switch (m.Kind)
        {
            case NotificationKind.OverdueAlert:
                Clause(text, p, PayloadKeys.Deadline, v => $"的{DeadlineName(v)}期限");
                Clause(text, p, PayloadKeys.DueDate, v => $"({v})");
                text.Append("已届满,请督促办理(第五条)。");
                break;
            case NotificationKind.RectificationOrdered:
                text.Append("已责令整改");
                Clause(text, p, PayloadKeys.DueDate, v => $",整改期限至{v}");
                text.Append(",请跟踪核实(第十六条)。");
                break;
            default:
                text.Append("有新的办理进展,请查阅。");
                break;
        }
    }

    private static void Clause(StringBuilder text, IReadOnlyDictionary<string, string> p, string key, Func<string, string> clause)
    {
        if (p.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            // Staff end their sentences; the template ends the clause, so a full stop would double.
            text.Append(clause(value.Trim().TrimEnd('。', '.', ';', ';')));
        }
    }

    private static string ClassificationName(string wire) => wire switch
    {
        "onsite" => "现场处理类",
        "offsite" => "非现场处理类",
        _ => wire,
    };

    private static string NotAcceptedReasonText(string wire) => wire switch
    {
        "no_clear_respondent_or_request" => "没有明确被投诉人或者投诉请求",
        "already_accepted_or_in_progress" => "已经受理或者正在处理",
        "other_legal_channel" => "已经或者正在通过诉讼、仲裁、行政复议、调解等途径解决",
        "repeat_without_new_evidence" => "已经办结,无新证明材料对同一事项重复投诉",
        _ => wire,
    };

    private static string FindingName(string wire) => wire switch
    {
        "substantiated" => "属实",
        "partially_substantiated" => "部分属实",
        "unsubstantiated" => "不属实",
        "unverifiable" => "无法核实",
        _ => wire,
    };

    private static string DeadlineName(string wire) => wire switch
    {
        "referral" => "交办",
        "acceptance" => "受理",
        "onsite_handling" or "offsite_handling" or "extended_handling" or "handling" => "办结",
        _ => wire,
    };
}
