namespace Complaints.Domain.Calendar;

/// <summary>
/// Counting per 民法典第二百零一条 (rules.md "Working days"): the start day is not counted;
/// "within N working days of D" ends at 24:00 of the N-th working day after D.
/// </summary>
public static class WorkingDays
{
    /// <summary>
    /// From this day of December on, a date can still be changed by the next year's notice: the
    /// 2019 notice made 2018-12-29 a working day and 2018-12-31 a holiday, the 2023 notice listed 2022-12-31.
    /// </summary>
    public const int FirstDecemberDaySetByNextNotice = 25;

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

    /// <summary>The number of working days in (<paramref name="after"/>, <paramref name="through"/>]; 0 when the range is empty.</summary>
    public static int Count(IWorkingDayCalendar calendar, DateOnly after, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var count = 0;
        for (var day = after.AddDays(1); day <= through; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>
    /// Whether the calendar's answer for <paramref name="date"/> is final: the notice of its year is
    /// loaded and, for the last days of December, the next year's notice too. A deadline that counts
    /// an unsettled day is provisional.
    /// </summary>
    public static bool IsSettled(IWorkingDayCalendar calendar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!calendar.HasSchedule(date.Year))
        {
            return false;
        }

        return date.Month != 12 || date.Day < FirstDecemberDaySetByNextNotice || calendar.HasSchedule(date.Year + 1);
    }
}
