namespace Complaints.Domain.Cases;

/// <summary>The notice of 第十一条 whose delivery is recorded: 《政务服务投诉受理/不予受理通知书》 (附件2), by the decision taken.</summary>
public enum DecisionNotice
{
    /// <summary>受理通知书.</summary>
    Acceptance,

    /// <summary>不予受理通知书.</summary>
    NonAcceptance,
}

/// <summary>
/// How the complainant received the notice (第十一条第二款: 现场领取 or 其他有效方式). The electronic ways are listed
/// because staff may also deliver by them outside the automatic sending (e.g. an e-mail address given on the phone).
/// </summary>
public enum DeliveryMethod
{
    /// <summary>现场领取.</summary>
    InPerson,

    /// <summary>邮寄.</summary>
    Post,

    /// <summary>短信.</summary>
    Sms,

    /// <summary>应用消息 (“一部手机办事通”).</summary>
    AppMessage,

    /// <summary>电子邮件.</summary>
    Email,

    /// <summary>其他有效方式: the note says which.</summary>
    Other,
}

/// <summary>
/// The record that the decision notice reached the complainant (第十一条第二款): by which way, on which day, and
/// who recorded it. Part of the case record (第十七条), so 附件3 shows it.
/// </summary>
public sealed class NoticeDelivery
{
    private NoticeDelivery()
    {
        RecordedByUserId = "";
    }

    internal NoticeDelivery(int number, DecisionNotice notice, DeliveryMethod method, DateOnly deliveredOn, string? note, Actor actor, DateTimeOffset at)
    {
        Number = number;
        Notice = notice;
        Method = method;
        DeliveredOn = deliveredOn;
        Note = note;
        RecordedByUserId = actor.UserId;
        RecordedByRole = actor.Role;
        RecordedByAgencyId = actor.AgencyId;
        RecordedByRegionCode = actor.RegionCode;
        RecordedAt = at;
    }

    public int Number { get; private set; }

    public DecisionNotice Notice { get; private set; }

    public DeliveryMethod Method { get; private set; }

    /// <summary>The CST day the complainant received (collected, was handed, was sent) the notice.</summary>
    public DateOnly DeliveredOn { get; private set; }

    /// <summary>The way, for <see cref="DeliveryMethod.Other"/>; otherwise e.g. the postal item number.</summary>
    public string? Note { get; private set; }

    public string RecordedByUserId { get; private set; }

    public ActorRole RecordedByRole { get; private set; }

    public Guid? RecordedByAgencyId { get; private set; }

    public string? RecordedByRegionCode { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
