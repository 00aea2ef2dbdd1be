namespace Complaints.Domain.Calendar;

/// <summary>
/// Which days are 工作日 (rules.md "Working days"): a weekday that is not a statutory holiday,
/// or a weekend day the State Council schedule makes a working day (调休补班).
/// </summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly date);

    /// <summary>False when no State Council schedule is loaded for the year: weekends alone count, and results are provisional.</summary>
    bool HasSchedule(int year);
}
