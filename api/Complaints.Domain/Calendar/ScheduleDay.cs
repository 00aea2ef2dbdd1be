namespace Complaints.Domain.Calendar;

/// <summary>
/// One entry of a State Council holiday notice: <see cref="IsOffDay"/> true is a statutory
/// holiday or bridging day off; false is a make-up working day (调休补班).
/// </summary>
public sealed record ScheduleDay(DateOnly Date, string Name, bool IsOffDay);

/// <summary>Why a day is or is not a 工作日.</summary>
public enum DayKind
{
    /// <summary>Monday–Friday, not listed in any notice.</summary>
    Weekday,

    /// <summary>Saturday or Sunday, not listed in any notice.</summary>
    Weekend,

    /// <summary>Listed as a day off (法定节假日及连休日).</summary>
    Holiday,

    /// <summary>A weekend day listed as a working day (调休补班).</summary>
    MakeupWorkingDay,
}
