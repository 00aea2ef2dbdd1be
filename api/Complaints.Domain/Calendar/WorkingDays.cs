namespace Complaints.Domain.Calendar;

/// <summary>
/// Counting per 民法典第二百零一条 (rules.md "Working days"): the start day is not counted;
/// "within N working days of D" ends at 24:00 of the N-th working day after D.
/// </summary>
public static class WorkingDays
{
    /// <summary>The N-th working day after <paramref name="from"/> (N ≥ 0; N = 0 is <paramref name="from"/> itself).</summary>
    public static DateOnly Add(IWorkingDayCalendar calendar, DateOnly from, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = from;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
