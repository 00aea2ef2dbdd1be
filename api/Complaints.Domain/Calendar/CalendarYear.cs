namespace Complaints.Domain.Calendar;

/// <summary>
/// One year's State Council notice as <c>GET /calendar/{year}</c> shows it. Holidays and make-up
/// days are those of the notice of <see cref="Year"/>, so they may include a date of the previous
/// December (the 2023 notice's 元旦 runs 2022-12-31 to 2023-01-02); <see cref="WorkingDayCount"/>
/// counts 1 January to 31 December of <see cref="Year"/> on the merged calendar.
/// </summary>
/// <param name="HasSchedule">False when no notice is loaded: the year counts weekends only and its deadlines are provisional.</param>
/// <param name="Sources">The notice URLs.</param>
public sealed record CalendarYear(
    int Year,
    bool HasSchedule,
    IReadOnlyList<string> Sources,
    IReadOnlyList<HolidayPeriod> Holidays,
    IReadOnlyList<MakeupWorkingDay> MakeupWorkingDays,
    int WorkingDayCount);

/// <summary>A run of consecutive listed days off with the same name, e.g. 春节 2026-02-15 to 2026-02-23.</summary>
public sealed record HolidayPeriod(string Name, DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>A weekend day worked in exchange for a holiday (调休补班), named after that holiday.</summary>
public sealed record MakeupWorkingDay(DateOnly Date, string Name);
