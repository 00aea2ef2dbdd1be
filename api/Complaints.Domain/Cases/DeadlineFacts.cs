using Complaints.Domain.Calendar;
using Complaints.Domain.Deadlines;

namespace Complaints.Domain.Cases;

/// <summary>
/// The facts of a case that its time limits (第十、十一、十三条) depend on, and those limits. The aggregate
/// computes its deadlines through this, and a read that projects only these columns (the public lookup)
/// gets the same answer without loading the aggregate.
/// </summary>
public readonly record struct DeadlineFacts(
    ComplaintStatus Status,
    DateTimeOffset ReceivedAt,
    string? ReceivingRegionCode,
    DateTimeOffset? ReferredAt,
    DateTimeOffset? AcceptedAt,
    Classification? Classification,
    bool Extended)
{
    /// <summary>When the handling agency received the complaint; starts the 3-day decision period of 第十一条.</summary>
    public DateTimeOffset? AgencyReceivedAt => ReferredAt ?? (ReceivingRegionCode is null ? ReceivedAt : null);

    /// <summary>第十条; only for complaints a management department received.</summary>
    public Deadline? Referral(IWorkingDayCalendar calendar) =>
        ReceivingRegionCode is null ? null : DeadlineRules.Referral(calendar, ReceivedAt);

    /// <summary>第十一条; from the agency's receipt, once there is one.</summary>
    public Deadline? Acceptance(IWorkingDayCalendar calendar) =>
        AgencyReceivedAt is { } received ? DeadlineRules.Acceptance(calendar, received) : null;

    /// <summary>第十三条; once accepted and classified.</summary>
    public Deadline? Handling(IWorkingDayCalendar calendar) =>
        AcceptedAt is { } accepted && Classification is { } classification
            ? DeadlineRules.Handling(calendar, accepted, classification, Extended)
            : null;

    /// <summary>The deadline the case is waiting on now; none once it is closed.</summary>
    public Deadline? Running(IWorkingDayCalendar calendar) => Status switch
    {
        ComplaintStatus.PendingReferral => Referral(calendar),
        ComplaintStatus.PendingAcceptance => Acceptance(calendar),
        ComplaintStatus.InHandling => Handling(calendar),
        _ => null,
    };

    public CaseDeadlines Deadlines(IWorkingDayCalendar calendar, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var referral = Referral(calendar);
        var acceptance = Acceptance(calendar);
        var handling = Handling(calendar);
        return new CaseDeadlines(
            referral?.Due,
            acceptance?.Due,
            handling?.Due,
            Extended,
            (referral?.Provisional ?? false) || (acceptance?.Provisional ?? false) || (handling?.Provisional ?? false),
            Running(calendar)?.IsOverdueAt(instant) ?? false);
    }
}
