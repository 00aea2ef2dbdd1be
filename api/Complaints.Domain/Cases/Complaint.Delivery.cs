using Complaints.Domain.Calendar;
using Complaints.Domain.Common;

namespace Complaints.Domain.Cases;

// 第十一条第二款: the decision notice reaches the complainant, on site or by another effective way, and that is recorded.
public sealed partial class Complaint
{
    private readonly List<NoticeDelivery> _noticeDeliveries = [];

    public IReadOnlyList<NoticeDelivery> NoticeDeliveries => InOrder(_noticeDeliveries, d => d.Number);

    /// <summary>The notice the decision produced: none before a decision (第十一条), then 受理 or 不予受理.</summary>
    public DecisionNotice? IssuedNotice => DecidedAt is null ? null
        : NotAcceptedReason is null ? DecisionNotice.Acceptance : DecisionNotice.NonAcceptance;

    /// <summary>Whether a delivery of <see cref="IssuedNotice"/> is on record.</summary>
    public bool NoticeDelivered => IssuedNotice is { } notice && _noticeDeliveries.Exists(d => d.Notice == notice);

    /// <summary>
    /// 第十一条第二款: records how and when the complainant received the 受理/不予受理通知书. There is a notice only once
    /// the decision is taken, whatever happened to the case since (merged, withdrawn, concluded); it is delivered once
    /// [decision]: a second record of the same notice is refused, because the record is history (第十七条), not a log of
    /// attempts. The agency that decided records it, or a management department (which may have decided, 第十条, or
    /// handed the notice over at its counter). The day lies between the decision's day and today; another effective
    /// way (<see cref="DeliveryMethod.Other"/>) must be described.
    /// </summary>
    public Result<NoticeDelivery> RecordNoticeDelivery(DeliveryMethod method, DateOnly deliveredOn, string? note, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var error = (IssuedNotice is null ? ComplaintErrors.Transition(Status, ComplaintAction.RecordNoticeDelivery) : null)
            ?? (actor.Role == ActorRole.ManagementStaff
                ? ConfidentialityAllows(ComplaintAction.RecordNoticeDelivery, actor)
                : ByHandlingAgency(ComplaintAction.RecordNoticeDelivery, actor))
            ?? (NoticeDelivered
                ? DomainError.Conflict(ComplaintErrors.NoticeAlreadyDelivered, $"《政务服务投诉{IssuedNotice!.Value.Name()}》已登记送达,不能重复登记(第十一条)。", "第十一条")
                : null)
            ?? Defined(method, "method")
            ?? CheckDeliveryDay(deliveredOn, at)
            ?? (method == DeliveryMethod.Other
                ? RequiredText(note, "note", "送达方式说明(其他有效方式)", ComplaintLimits.ShortTextMaxLength, "第十一条")
                : OptionalText(note, "note", "送达说明", ComplaintLimits.ShortTextMaxLength));
        if (error is not null)
        {
            return error;
        }

        var delivery = new NoticeDelivery(_noticeDeliveries.Count + 1, IssuedNotice!.Value, method, deliveredOn, Trimmed(note), actor, at);
        _noticeDeliveries.Add(delivery);
        Record(
            TimelineEventKind.NoticeDelivered,
            "第十一条",
            actor,
            at,
            ("notice", WireNames.Of(delivery.Notice)),
            ("method", WireNames.Of(method)),
            ("deliveredOn", Date(deliveredOn)));
        return delivery;
    }

    private DomainError? CheckDeliveryDay(DateOnly deliveredOn, DateTimeOffset at)
    {
        if (deliveredOn > ChinaTime.DateOf(at))
        {
            return DomainError.Invalid(ComplaintErrors.DeliveryDateInvalid, "送达日期不能晚于今天(第十一条)。", "第十一条", "deliveredOn");
        }

        return deliveredOn < ChinaTime.DateOf(DecidedAt!.Value)
            ? DomainError.Invalid(ComplaintErrors.DeliveryDateInvalid, "送达日期不能早于作出受理决定的日期(第十一条)。", "第十一条", "deliveredOn")
            : null;
    }
}
