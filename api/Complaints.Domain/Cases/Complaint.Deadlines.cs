using Complaints.Domain.Calendar;
using Complaints.Domain.Deadlines;

namespace Complaints.Domain.Cases;

// The time limits of 第十、十一、十三条 as they apply to this case. Computed, never stored: a holiday
// schedule loaded later (rules.md "Working days") must move the due dates of open cases.
public sealed partial class Complaint
{
    /// <summary>What the deadlines depend on (see <see cref="DeadlineFacts"/>).</summary>
    public DeadlineFacts DeadlineFacts => new(Status, ReceivedAt, ReceivingRegionCode, ReferredAt, AcceptedAt, Classification, Extended);

    /// <summary>第十条; only for complaints a management department received.</summary>
    public Deadline? ReferralDeadline(IWorkingDayCalendar calendar) => DeadlineFacts.Referral(calendar);

    /// <summary>第十一条; from the agency's receipt, once there is one.</summary>
    public Deadline? AcceptanceDeadline(IWorkingDayCalendar calendar) => DeadlineFacts.Acceptance(calendar);

    /// <summary>第十三条; once accepted and classified.</summary>
    public Deadline? HandlingDeadline(IWorkingDayCalendar calendar) => DeadlineFacts.Handling(calendar);

    /// <summary>The deadline the case is waiting on now; none once it is closed.</summary>
    public Deadline? RunningDeadline(IWorkingDayCalendar calendar) => DeadlineFacts.Running(calendar);

    public bool IsOverdueAt(IWorkingDayCalendar calendar, DateTimeOffset instant) =>
        RunningDeadline(calendar)?.IsOverdueAt(instant) ?? false;

    public CaseDeadlines Deadlines(IWorkingDayCalendar calendar, DateTimeOffset instant) => DeadlineFacts.Deadlines(calendar, instant);
}
