namespace Complaints.Domain.Calendar;

/// <summary>
/// Monday–Friday are working days and no year has a schedule, so every deadline is provisional.
/// The fallback of rules.md "Working days" for years without a notice, and a plain calendar for tests.
/// </summary>
public sealed class WeekendOnlyCalendar : IWorkingDayCalendar
{
    public static readonly WeekendOnlyCalendar Instance = new();

    public bool IsWorkingDay(DateOnly date) => !WorkingDays.IsWeekend(date);

    public bool HasSchedule(int year) => false;
}
