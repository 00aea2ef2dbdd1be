using System.Collections.Frozen;
using Complaints.Domain.Common;

namespace Complaints.Domain.Calendar;

/// <summary>
/// The working-day calendar of rules.md "Working days": the State Council yearly notices on top of
/// the Monday–Friday rule. All loaded notices are merged into one date map, because a notice can
/// list dates of the neighbouring year (the 2023 notice has 2022-12-31, the 2019 one 2018-12-29).
/// When two notices list the same date, the later notice wins: it is the newer word on that day.
/// <para>
/// Thread safety: readers take one immutable <see cref="Snapshot"/> and never lock; a schedule
/// upload builds a new snapshot under a lock and swaps it in, so a deadline computation never sees
/// half a year replaced.
/// </para>
/// </summary>
public sealed class StateCouncilCalendar : IWorkingDayCalendar
{
    private const string ResourcePrefix = "Complaints.Domain.Calendar.Schedules.";

    private readonly Lock _writeLock = new();
    private volatile Snapshot _snapshot;

    /// <summary>An empty calendar: weekends and the statutory holidays only, every year provisional, until schedules are loaded.</summary>
    public StateCouncilCalendar()
        : this([])
    {
    }

    /// <param name="schedules">At most one schedule per year; empty ones leave their year provisional.</param>
    public StateCouncilCalendar(IEnumerable<YearSchedule> schedules)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var byYear = new Dictionary<int, YearSchedule>();
        foreach (var schedule in schedules)
        {
            ArgumentNullException.ThrowIfNull(schedule);
            if (!byYear.TryAdd(schedule.Year, schedule))
            {
                throw new ArgumentException($"Two schedules for {schedule.Year}.", nameof(schedules));
            }
        }

        _snapshot = new Snapshot(byYear);
    }

    /// <summary>Years whose notice is loaded and non-empty, ascending.</summary>
    public IReadOnlyList<int> ScheduledYears => _snapshot.ScheduledYears;

    /// <summary>A calendar of every schedule shipped with the domain (holiday-cn 2022–2027).</summary>
    public static StateCouncilCalendar LoadShipped() => new(ShippedSchedules());

    /// <summary>
    /// The schedules embedded in this assembly. A shipped file that does not parse is a build
    /// defect, not a user error, so it throws.
    /// </summary>
    public static IReadOnlyList<YearSchedule> ShippedSchedules()
    {
        var assembly = typeof(StateCouncilCalendar).Assembly;
        var schedules = new List<YearSchedule>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Resource {name} vanished.");
            using var reader = new StreamReader(stream);
            var parsed = HolidayCnFormat.Parse(reader.ReadToEnd());
            if (!parsed.IsSuccess)
            {
                throw new InvalidOperationException($"Shipped schedule {name} is invalid: {parsed.Error!.Message}");
            }

            var fileYear = name[ResourcePrefix.Length..^".json".Length];
            if (fileYear != parsed.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException($"Shipped schedule {name} declares year {parsed.Value.Year}.");
            }

            schedules.Add(parsed.Value);
        }

        return schedules;
    }

    public bool IsWorkingDay(DateOnly date) => KindOf(date) is DayKind.Weekday or DayKind.MakeupWorkingDay;

    /// <summary>True when a non-empty notice for <paramref name="year"/> is loaded.</summary>
    public bool HasSchedule(int year) => _snapshot.ScheduledYearSet.Contains(year);

    public DayKind KindOf(DateOnly date)
    {
        if (Entry(date) is { } listed)
        {
            return listed.IsOffDay ? DayKind.Holiday : DayKind.MakeupWorkingDay;
        }

        return WorkingDays.IsWeekend(date) ? DayKind.Weekend : DayKind.Weekday;
    }

    /// <summary>
    /// The notice's entry for the date (holiday or make-up day); for a year without a notice, the statutory
    /// holiday of 《全国年节及纪念日放假办法》 on that date (<see cref="StatutoryHolidays"/>); otherwise null.
    /// </summary>
    public ScheduleDay? Entry(DateOnly date)
    {
        var snapshot = _snapshot;
        if (snapshot.Days.TryGetValue(date, out var listed))
        {
            return listed;
        }

        return snapshot.ScheduledYearSet.Contains(date.Year) ? null : StatutoryDaysOf(date.Year).GetValueOrDefault(date);
    }

    private static FrozenDictionary<DateOnly, ScheduleDay> StatutoryDaysOf(int year) =>
        StatutoryCache.GetOrAdd(year, y => StatutoryHolidays.Of(y).ToFrozenDictionary(d => d.Date));

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, FrozenDictionary<DateOnly, ScheduleDay>> StatutoryCache = new();

    /// <summary>The notice of the year as loaded, or null.</summary>
    public YearSchedule? ScheduleFor(int year) => _snapshot.ByYear.GetValueOrDefault(year);

    /// <summary>
    /// Replaces the notice of <paramref name="schedule"/>'s year (an administrator's upload).
    /// An empty schedule is refused: it would silently turn a known year back into a provisional one.
    /// </summary>
    public Outcome Load(YearSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.IsEmpty)
        {
            return DomainError.Invalid(CalendarErrors.EmptySchedule, $"{schedule.Year} 年节假日安排为空,未载入。");
        }

        lock (_writeLock)
        {
            var byYear = new Dictionary<int, YearSchedule>(_snapshot.ByYear) { [schedule.Year] = schedule };
            _snapshot = new Snapshot(byYear);
        }

        return Outcome.Ok();
    }

    /// <summary>Parses a holiday-cn JSON upload for <paramref name="year"/> and loads it.</summary>
    public Result<YearSchedule> LoadJson(int year, string json)
    {
        var parsed = Validate(year, json);
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        var loaded = Load(parsed.Value);
        return loaded.IsSuccess ? parsed : loaded.Error!;
    }

    /// <summary>
    /// Everything <see cref="LoadJson"/> checks, without loading: an upload is validated, then stored, and only then
    /// applied, so a failed save leaves the running calendar as it was.
    /// </summary>
    public static Result<YearSchedule> Validate(int year, string json)
    {
        var parsed = HolidayCnFormat.Parse(json);
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        if (parsed.Value.Year != year)
        {
            return DomainError.Invalid(CalendarErrors.YearMismatch, $"上传的是 {parsed.Value.Year} 年的安排,与目标年份 {year} 不一致。");
        }

        return parsed.Value.IsEmpty
            ? DomainError.Invalid(CalendarErrors.EmptySchedule, $"{year} 年节假日安排为空,未载入。")
            : parsed;
    }

    /// <summary>
    /// The year as the <c>GET /calendar/{year}</c> endpoint shows it; a year outside
    /// <see cref="YearSchedule.MinYear"/>–<see cref="YearSchedule.MaxYear"/> is refused.
    /// </summary>
    public Result<CalendarYear> Describe(int year)
    {
        if (year is < YearSchedule.MinYear or > YearSchedule.MaxYear)
        {
            return DomainError.Invalid(CalendarErrors.InvalidYear, $"年份 {year} 无效,应在 {YearSchedule.MinYear}–{YearSchedule.MaxYear} 之间。");
        }

        var snapshot = _snapshot;
        var schedule = snapshot.ByYear.GetValueOrDefault(year);
        // Without a notice the year still has its statutory holidays (provisional, no 调休 guessed).
        var days = snapshot.ScheduledYearSet.Contains(year) ? schedule!.Days : StatutoryHolidays.Of(year);
        var holidays = new List<HolidayPeriod>();
        foreach (var day in days.Where(d => d.IsOffDay))
        {
            var last = holidays.Count > 0 ? holidays[^1] : null;
            if (last is not null && last.Name == day.Name && last.To.AddDays(1) == day.Date)
            {
                holidays[^1] = last with { To = day.Date };
            }
            else
            {
                holidays.Add(new HolidayPeriod(day.Name, day.Date, day.Date));
            }
        }

        var makeup = days.Where(d => !d.IsOffDay).Select(d => new MakeupWorkingDay(d.Date, d.Name)).ToArray();
        var first = new DateOnly(year, 1, 1);
        var workingDayCount = WorkingDays.Count(this, first.AddDays(-1), new DateOnly(year, 12, 31));
        return new CalendarYear(year, snapshot.ScheduledYearSet.Contains(year), schedule?.Papers ?? [], holidays, makeup, workingDayCount);
    }

    private sealed class Snapshot
    {
        public Snapshot(Dictionary<int, YearSchedule> byYear)
        {
            ByYear = byYear.ToFrozenDictionary();
            var days = new Dictionary<DateOnly, ScheduleDay>();
            foreach (var schedule in byYear.Values.OrderBy(s => s.Year))
            {
                foreach (var day in schedule.Days)
                {
                    days[day.Date] = day;
                }
            }

            Days = days.ToFrozenDictionary();
            ScheduledYears = [.. byYear.Values.Where(s => !s.IsEmpty).Select(s => s.Year).Order()];
            ScheduledYearSet = ScheduledYears.ToFrozenSet();
        }

        public FrozenDictionary<int, YearSchedule> ByYear { get; }

        public FrozenDictionary<DateOnly, ScheduleDay> Days { get; }

        public int[] ScheduledYears { get; }

        public FrozenSet<int> ScheduledYearSet { get; }
    }
}
