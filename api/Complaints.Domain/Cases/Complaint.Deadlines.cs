using Complaints.Domain.Calendar;
using Complaints.Domain.Deadlines;

namespace Complaints.Domain.Cases;

// The time limits of 第十、十一、十三条 as they apply to this case. Computed, never stored: a holiday
// schedule loaded later (rules.md "Working days") must move the due dates of open cases.
public sealed partial class Complaint
{
    /// <summary>第十条; only for complaints a management department received.</summary>
    public Deadline? ReferralDeadline(IWorkingDayCalendar calendar) =>
        ReceivingRegionCode is null ? null : DeadlineRules.Referral(calendar, ReceivedAt);

    /// <summary>第十一条; from the agency's receipt, once there is one.</summary>
    public Deadline? AcceptanceDeadline(IWorkingDayCalendar calendar) =>
        AgencyReceivedAt is { } received ? DeadlineRules.Acceptance(calendar, received) : null;

    /// <summary>第十三条; once accepted and classified.</summary>
    public Deadline? HandlingDeadline(IWorkingDayCalendar calendar) =>
        AcceptedAt is { } accepted && Classification is { } classification
            ? DeadlineRules.Handling(calendar, accepted, classification, Extended)
            : null;

    /// <summary>The deadline the case is waiting on now; none once it is closed.</summary>
    public Deadline? RunningDeadline(IWorkingDayCalendar calendar) => Status switch
    {
        CaseStatus.PendingReferral => ReferralDeadline(calendar),
        CaseStatus.PendingAcceptance => AcceptanceDeadline(calendar),
        CaseStatus.InHandling => HandlingDeadline(calendar),
        _ => null,
    };

    public bool IsOverdueAt(IWorkingDayCalendar calendar, DateTimeOffset instant) =>
        RunningDeadline(calendar)?.IsOverdueAt(instant) ?? false;

    public CaseDeadlines Deadlines(IWorkingDayCalendar calendar, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var referral = ReferralDeadline(calendar);
        var acceptance = AcceptanceDeadline(calendar);
        var handling = HandlingDeadline(calendar);
        return new CaseDeadlines(
            referral?.Due,
            acceptance?.Due,
            handling?.Due,
            Extended,
            (referral?.Provisional ?? false) || (acceptance?.Provisional ?? false) || (handling?.Provisional ?? false),
            IsOverdueAt(calendar, instant));
    }
}
