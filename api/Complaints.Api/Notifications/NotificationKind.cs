namespace Complaints.Api.Notifications;

/// <summary>
/// What a message tells its recipient. Stored as snake_case text (no database enum or check
/// constraint), so adding a kind needs a member here and its text in <see cref="NotificationText"/>,
/// never a migration.
/// </summary>
public enum NotificationKind
{
    /// <summary>第十一条: 《政务服务投诉受理通知书》.</summary>
    AcceptanceNotice,

    /// <summary>第十一条: 《政务服务投诉不予受理通知书》, with the 第八条 reason.</summary>
    NonAcceptanceNotice,

    /// <summary>第十三条第(二)项: the one extension, with its reason and the new due date.</summary>
    ExtensionNotice,

    /// <summary>第十三条: the result, to the case's complainant and every merged one.</summary>
    ConclusionFeedback,

    /// <summary>第十六条: the request to rate the result (回访).</summary>
    RevisitInvitation,

    /// <summary>A deadline passed: to the supervising management department (第五条).</summary>
    OverdueAlert,

    WithdrawalConfirmation,

    /// <summary>第十六条: the management department ordered the agency to rectify (整改).</summary>
    RectificationOrdered,

    // Events for agency and department systems (webhook subscriptions, Webhooks/WebhookEvents).

    /// <summary>第十条: a case was referred to the agency, with its 交办单.</summary>
    CaseReferred,

    /// <summary>A complaint was received directly by the agency (or, pending referral, by the department).</summary>
    CaseReceived,

    /// <summary>A running deadline ends by the end of the next working day.</summary>
    DeadlineDueSoon,

    /// <summary>A running deadline passed.</summary>
    DeadlinePassed,

    /// <summary>第十三条: a case was merged into another.</summary>
    CaseMerged,

    /// <summary>The complainant added materials (补充材料).</summary>
    MaterialsAdded,

    /// <summary>第十六条: rated 不满意 or 非常不满意; a revisit is due.</summary>
    RatedDissatisfied,

    /// <summary>第十六条: a spot check drew this case.</summary>
    SpotCheckDrawn,

    /// <summary>第十八条: a report is due within five working days.</summary>
    ReportDue,
}

public enum OutboxStatus
{
    Pending,

    /// <summary>Claimed by one dispatcher until <see cref="OutboxMessage.NextAttemptAt"/> (its lease).</summary>
    Sending,

    Sent,

    /// <summary>Given up: a permanent refusal, no way to reach the recipient, or the last attempt failed.</summary>
    Failed,
}

public enum RecipientType
{
    Complainant,

    /// <summary>A 政务服务管理部门, named by its region's GB/T 2260 code.</summary>
    Department,

    /// <summary>An agency's or department's system, through its webhook subscription (CloudEvents, Webhooks/).</summary>
    Subscription,
}
