using Complaints.Domain.Calendar;

namespace Complaints.Domain.Tests.Cases;

/// <summary>Saturdays and Sundays off, nothing else: enough to test the rules without the State Council schedule.</summary>
internal sealed class WeekendOnlyCalendar(bool hasSchedule = true) : IWorkingDayCalendar
{
    public static WeekendOnlyCalendar Instance { get; } = new();

    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public bool HasSchedule(int year) => hasSchedule;
}
