using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;

namespace Complaints.Domain.Deadlines;

/// <summary>The time limits of 第十、十一、十三条, computed on a working-day calendar.</summary>
public static class DeadlineRules
{
    public const int ReferralWorkingDays = 2;
    public const int AcceptanceWorkingDays = 3;
    public const int OffsiteWorkingDays = 10;
    public const int ExtendedMaximumWorkingDays = 20;

    public static Deadline Referral(IWorkingDayCalendar calendar, DateTimeOffset receivedAt) =>
        Statutory(calendar, DeadlineKind.Referral, ChinaTime.DateOf(receivedAt));

    public static Deadline Acceptance(IWorkingDayCalendar calendar, DateTimeOffset agencyReceivedAt) =>
        Statutory(calendar, DeadlineKind.Acceptance, ChinaTime.DateOf(agencyReceivedAt));

    public static Deadline Handling(IWorkingDayCalendar calendar, DateTimeOffset acceptedAt, Classification classification, bool extended) =>
        Statutory(
            calendar,
            classification == Classification.Onsite ? DeadlineKind.OnsiteHandling : extended ? DeadlineKind.ExtendedHandling : DeadlineKind.OffsiteHandling,
            ChinaTime.DateOf(acceptedAt));

    /// <summary>The 办法's period of <paramref name="kind"/> counted from <paramref name="start"/> (the day itself not counted).</summary>
    public static Deadline Statutory(IWorkingDayCalendar calendar, DeadlineKind kind, DateOnly start) => kind switch
    {
        DeadlineKind.Referral => Compute(calendar, kind, "第十条", start, ReferralWorkingDays),
        DeadlineKind.Acceptance => Compute(calendar, kind, "第十一条", start, AcceptanceWorkingDays),
        DeadlineKind.OnsiteHandling => Compute(calendar, kind, "第十三条第(一)项", start, 0),
        DeadlineKind.OffsiteHandling => Compute(calendar, kind, "第十三条第(二)项", start, OffsiteWorkingDays),
        DeadlineKind.ExtendedHandling => Compute(calendar, kind, "第十三条第(二)项", start, ExtendedMaximumWorkingDays),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a period of the 办法."),
    };

    /// <summary>N working days after <paramref name="start"/>, none of the 办法's periods: explained as a plain count.</summary>
    public static Deadline Count(IWorkingDayCalendar calendar, DateOnly start, int workingDays) =>
        Compute(calendar, DeadlineKind.WorkingDayCount, "", start, workingDays);

    public static Deadline Compute(IWorkingDayCalendar calendar, DeadlineKind kind, string article, DateOnly start, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = WorkingDays.Add(calendar, start, workingDays);
        var skipped = new List<DateOnly>();

        // Only the counted span (start, due] matters: the day of receipt is never counted, whatever it is.
        var provisional = false;
        for (var day = start.AddDays(1); day <= due; day = day.AddDays(1))
        {
            provisional |= !WorkingDays.IsSettled(calendar, day);
            if (!calendar.IsWorkingDay(day))
            {
                skipped.Add(day);
            }
        }

        return new Deadline(kind, article, start, workingDays, due, provisional, skipped);
    }
}
