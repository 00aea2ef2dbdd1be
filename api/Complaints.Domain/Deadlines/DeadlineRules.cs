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
        Compute(calendar, DeadlineKind.Referral, "第十条", ChinaTime.DateOf(receivedAt), ReferralWorkingDays);

    public static Deadline Acceptance(IWorkingDayCalendar calendar, DateTimeOffset agencyReceivedAt) =>
        Compute(calendar, DeadlineKind.Acceptance, "第十一条", ChinaTime.DateOf(agencyReceivedAt), AcceptanceWorkingDays);

    public static Deadline Handling(IWorkingDayCalendar calendar, DateTimeOffset acceptedAt, Classification classification, bool extended)
    {
        var start = ChinaTime.DateOf(acceptedAt);
        return classification switch
        {
            Classification.Onsite => Compute(calendar, DeadlineKind.OnsiteHandling, "第十三条第(一)项", start, 0),
            _ when extended => Compute(calendar, DeadlineKind.ExtendedHandling, "第十三条第(二)项", start, ExtendedMaximumWorkingDays),
            _ => Compute(calendar, DeadlineKind.OffsiteHandling, "第十三条第(二)项", start, OffsiteWorkingDays),
        };
    }

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
