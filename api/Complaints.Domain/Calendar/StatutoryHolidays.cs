using System.Globalization;

namespace Complaints.Domain.Calendar;

/// <summary>
/// The statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision, 第二条) for a year with no State Council
/// schedule loaded (rules.md "Working days"): 元旦 1 day, 春节 4 days (除夕 to 正月初三), 清明 1 day (the day of the
/// solar term), 劳动节 2 days (5月1日、2日), 端午 and 中秋 1 day each (lunar 五月初五, 八月十五), 国庆 3 days
/// (10月1日至3日). No 调休 and no bridging days are guessed: only the State Council's notice sets those.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The years for which the dates are computed: the lunar calendar's range, and the 清明 formula's century.</summary>
    public const int FirstYear = 2001;

    public const int LastYear = 2099;

    private static readonly ChineseLunisolarCalendar Lunar = new();

    /// <summary>The statutory days off of <paramref name="year"/>, in date order; empty outside <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static IReadOnlyList<ScheduleDay> Of(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            return [];
        }

        var springFestival = LunarDate(year, 1, 1);
        var days = new List<ScheduleDay>
        {
            new(new DateOnly(year, 1, 1), "元旦", true),
            new(springFestival.AddDays(-1), "春节", true),
            new(springFestival, "春节", true),
            new(springFestival.AddDays(1), "春节", true),
            new(springFestival.AddDays(2), "春节", true),
            new(Qingming(year), "清明节", true),
            new(new DateOnly(year, 5, 1), "劳动节", true),
            new(new DateOnly(year, 5, 2), "劳动节", true),
            new(LunarDate(year, 5, 5), "端午节", true),
            new(LunarDate(year, 8, 15), "中秋节", true),
            new(new DateOnly(year, 10, 1), "国庆节", true),
            new(new DateOnly(year, 10, 2), "国庆节", true),
            new(new DateOnly(year, 10, 3), "国庆节", true),
        };

        // 除夕 never falls in the previous Gregorian year in 2001–2099 (the earliest Spring Festival is 21 January),
        // so every date above lies in the year itself. Two holidays may share a day (中秋 on 10月3日 in 2028): it is
        // one day off, named after both; no extra day is guessed.
        return
        [
            .. days.GroupBy(d => d.Date)
                .OrderBy(g => g.Key)
                .Select(g => new ScheduleDay(g.Key, string.Join("、", g.Select(d => d.Name)), true)),
        ];
    }

    /// <summary>
    /// 清明: the day the sun reaches ecliptic longitude 15°, by the 21st-century formula
    /// [Y × 0.2422 + 4.81] − [Y / 4] (Y = the year's last two digits), exact for 2001–2099.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        var y = year % 100;
        var day = (int)Math.Floor((y * 0.2422) + 4.81) - (y / 4);
        return new DateOnly(year, 4, day);
    }

    /// <summary>The Gregorian date of lunar <paramref name="month"/>/<paramref name="day"/> (never a leap month) of lunar year <paramref name="year"/>.</summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        // ChineseLunisolarCalendar numbers months 1–13 in a leap year: the leap month takes the number after its
        // namesake (GetLeapMonth returns 7 when the 7th month is 闰六月), pushing later months up by one.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }
}
