using Complaints.Domain.Common;

namespace Complaints.Domain.Calendar;

/// <summary>
/// The State Council holiday notice of one year, validated: every date lies in that year or an
/// adjacent one (a notice may reach back to late December, e.g. the 2023 notice lists 2022-12-31),
/// no date appears twice, every day has a name. Days are kept sorted by date.
/// </summary>
public sealed class YearSchedule
{
    public const int MinYear = 2000;
    public const int MaxYear = 9998;

    private YearSchedule(int year, IReadOnlyList<ScheduleDay> days, IReadOnlyList<string> papers)
    {
        Year = year;
        Days = days;
        Papers = papers;
    }

    /// <summary>The year of the notice, which is not necessarily the year of every date in it.</summary>
    public int Year { get; }

    /// <summary>Source notice URLs (upstream <c>papers</c>).</summary>
    public IReadOnlyList<string> Papers { get; }

    public IReadOnlyList<ScheduleDay> Days { get; }

    /// <summary>An empty notice means "not yet published": the year stays provisional.</summary>
    public bool IsEmpty => Days.Count == 0;

    public static Result<YearSchedule> Create(int year, IEnumerable<ScheduleDay> days, IEnumerable<string>? papers = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (year is < MinYear or > MaxYear)
        {
            return DomainError.Invalid(CalendarErrors.InvalidYear, $"年份 {year} 无效,应在 {MinYear}–{MaxYear} 之间。");
        }

        var sorted = new List<ScheduleDay>();
        var seen = new HashSet<DateOnly>();
        foreach (var day in days)
        {
            if (day is null || string.IsNullOrWhiteSpace(day.Name))
            {
                return DomainError.Invalid(CalendarErrors.InvalidDay, $"{year} 年安排中有缺少名称的日期。");
            }

            if (Math.Abs(day.Date.Year - year) > 1)
            {
                return DomainError.Invalid(
                    CalendarErrors.DateOutsideYear,
                    $"{year} 年安排中的日期 {Format(day.Date)} 不在该年或相邻年份内。");
            }

            if (!seen.Add(day.Date))
            {
                return DomainError.Invalid(CalendarErrors.DuplicateDate, $"{year} 年安排中日期 {Format(day.Date)} 重复出现。");
            }

            sorted.Add(day with { Name = day.Name.Trim() });
        }

        sorted.Sort((a, b) => a.Date.CompareTo(b.Date));
        var paperList = (papers ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return new YearSchedule(year, sorted.AsReadOnly(), paperList);
    }

    internal static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
