namespace Complaints.Domain.Cases;

public enum TimelineEventKind
{
    Received,
    Referred,
    Accepted,
    NotAccepted,
    Extended,
    InvestigationRecorded,
    Concluded,

    /// <summary>On the case that was merged away.</summary>
    Merged,

    /// <summary>On the case that absorbed another.</summary>
    MergedInto,
    Coordinated,
    Withdrawn,
    Rated,
    Revisited,
    RectificationOrdered,
    RectificationCompleted,
    RectificationVerified,
    RectificationSentBack,
    MajorReported,
    OverdueFlagged,

    /// <summary>The complainant added supporting materials (补充材料, 第七条) while the case was open.</summary>
    MaterialsAdded,

    /// <summary>The 受理/不予受理通知书 reached the complainant, on site or another way (第十一条第二款).</summary>
    NoticeDelivered,
}
