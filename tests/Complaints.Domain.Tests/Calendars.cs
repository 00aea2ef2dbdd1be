using Complaints.Domain.Calendar;

namespace Complaints.Domain.Tests;

/// <summary>The shipped calendar, loaded once; tests that load schedules at run time make their own.</summary>
internal static class Calendars
{
    public static readonly StateCouncilCalendar Shipped = StateCouncilCalendar.LoadShipped();

    public static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
