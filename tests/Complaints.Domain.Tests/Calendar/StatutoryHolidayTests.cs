using Complaints.Domain.Calendar;
using Complaints.Domain.Deadlines;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Calendar;

/// <summary>《全国年节及纪念日放假办法》 (2024) for years without a State Council notice (rules.md "Working days").</summary>
public class StatutoryHolidayTests
{
    private const string Schedule2027 = """
        {"year": 2027, "papers": ["test"], "days": [
          {"name": "春节", "date": "2027-02-06", "isOffDay": true}, {"name": "春节", "date": "2027-02-07", "isOffDay": true},
          {"name": "春节", "date": "2027-02-08", "isOffDay": true}, {"name": "春节", "date": "2027-02-09", "isOffDay": true},
          {"name": "春节", "date": "2027-02-10", "isOffDay": true}, {"name": "春节", "date": "2027-02-11", "isOffDay": true},
          {"name": "春节", "date": "2027-02-12", "isOffDay": true}, {"name": "春节", "date": "2027-02-13", "isOffDay": false}]}
        """;

    [Theory]
    [InlineData(2025, "2025-01-28", "2025-04-04", "2025-05-31", "2025-10-06")]
    [InlineData(2026, "2026-02-16", "2026-04-05", "2026-06-19", "2026-09-25")]
    [InlineData(2027, "2027-02-05", "2027-04-05", "2027-06-09", "2027-09-15")]
    [InlineData(2023, "2023-01-21", "2023-04-05", "2023-06-22", "2023-09-29")] // 闰二月: later lunar months shift
    [InlineData(2029, "2029-02-12", "2029-04-04", "2029-06-16", "2029-09-22")]
    public void Lunar_and_solar_term_holidays_fall_on_their_dates_全国年节及纪念日放假办法(int year, string chuxi, string qingming, string duanwu, string zhongqiu)
    {
        var days = StatutoryHolidays.Of(year);

        Assert.Equal(13, days.Count);
        Assert.Equal([D(chuxi), D(chuxi).AddDays(1), D(chuxi).AddDays(2), D(chuxi).AddDays(3)], days.Where(d => d.Name == "春节").Select(d => d.Date));
        Assert.Equal(D(qingming), Assert.Single(days, d => d.Name == "清明节").Date);
        Assert.Equal(D(duanwu), Assert.Single(days, d => d.Name == "端午节").Date);
        Assert.Equal(D(zhongqiu), Assert.Single(days, d => d.Name == "中秋节").Date);
        Assert.Equal([new DateOnly(year, 1, 1)], days.Where(d => d.Name == "元旦").Select(d => d.Date));
        Assert.Equal([new DateOnly(year, 5, 1), new DateOnly(year, 5, 2)], days.Where(d => d.Name == "劳动节").Select(d => d.Date));
        Assert.Equal([new DateOnly(year, 10, 1), new DateOnly(year, 10, 2), new DateOnly(year, 10, 3)], days.Where(d => d.Name == "国庆节").Select(d => d.Date));
        Assert.All(days, d => Assert.True(d.IsOffDay));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Every_statutory_holiday_is_a_day_off_in_the_State_Councils_notices_under_the_2024_revision(int year)
    {
        Assert.All(StatutoryHolidays.Of(year), d => Assert.Equal(DayKind.Holiday, Shipped.KindOf(d.Date)));
    }

    [Fact]
    public void Two_holidays_on_one_day_are_one_day_off_named_after_both_and_no_day_is_added()
    {
        // 2028: 除夕 25 January; 闰五月 pushes 中秋 to 3 October, the third day of 国庆.
        var days = StatutoryHolidays.Of(2028);

        Assert.Equal(12, days.Count);
        Assert.Equal(D("2028-01-25"), days.First(d => d.Name == "春节").Date);
        Assert.Equal("中秋节、国庆节", Assert.Single(days, d => d.Date == D("2028-10-03")).Name);
        Assert.Equal(D("2028-05-28"), Assert.Single(days, d => d.Name == "端午节").Date);
    }

    [Fact]
    public void 清明_is_the_day_of_the_solar_term_in_every_shipped_notice()
    {
        foreach (var year in new[] { 2022, 2023, 2024, 2025, 2026 })
        {
            Assert.Equal("清明节", Shipped.Entry(StatutoryHolidays.Qingming(year))!.Name);
        }
    }

    [Fact]
    public void A_year_without_a_notice_keeps_its_statutory_holidays_and_guesses_no_调休()
    {
        var calendar = StateCouncilCalendar.LoadShipped(); // 2027 ships empty
        Assert.False(calendar.HasSchedule(2027));

        Assert.Equal(DayKind.Holiday, calendar.KindOf(D("2027-02-05"))); // 除夕, a Friday
        Assert.Equal(DayKind.Holiday, calendar.KindOf(D("2027-02-08"))); // 正月初三, a Monday
        Assert.Equal(DayKind.Weekday, calendar.KindOf(D("2027-02-09")));
        Assert.Equal(DayKind.Holiday, calendar.KindOf(D("2027-10-01")));
        Assert.DoesNotContain(Days(D("2027-01-01"), D("2027-12-31")), d => calendar.KindOf(d) == DayKind.MakeupWorkingDay);

        // A referral received on Thursday 4 February: 5 (除夕), 6–7 (weekend) and 8 (初三) are not counted.
        var deadline = DeadlineRules.Referral(calendar, new DateTimeOffset(2027, 2, 4, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(D("2027-02-10"), deadline.Due);
        Assert.True(deadline.Provisional);
        Assert.Contains("春节", deadline.Explain(calendar), StringComparison.Ordinal);
        Assert.Contains("暂定", deadline.Explain(calendar), StringComparison.Ordinal);

        var year = calendar.Describe(2027).Value;
        Assert.False(year.HasSchedule);
        Assert.Contains(year.Holidays, h => h.Name == "春节" && h.From == D("2027-02-05") && h.To == D("2027-02-08"));
    }

    [Fact]
    public void Loading_the_official_notice_replaces_the_statutory_days()
    {
        var calendar = StateCouncilCalendar.LoadShipped();

        calendar.LoadJson(2027, Schedule2027).ShouldSucceed();

        Assert.Equal(DayKind.Weekday, calendar.KindOf(D("2027-02-05"))); // 除夕 is not in this notice
        Assert.Equal(DayKind.MakeupWorkingDay, calendar.KindOf(D("2027-02-13")));
        Assert.Equal(DayKind.Weekday, calendar.KindOf(D("2027-10-01"))); // the notice lists only its own days
        var deadline = DeadlineRules.Referral(calendar, new DateTimeOffset(2027, 2, 4, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(D("2027-02-13"), deadline.Due);
        Assert.False(deadline.Provisional);
    }

    [Theory]
    [InlineData(2028)]
    [InlineData(2030)]
    [InlineData(2099)]
    public void A_later_year_without_a_notice_is_described_with_its_statutory_holidays(int year)
    {
        var described = Shipped.Describe(year).Value;

        Assert.False(described.HasSchedule);
        Assert.True(described.Holidays.Select(h => h.Name).Distinct().Count() >= 6);
        Assert.Contains(described.Holidays, h => h.Name == "春节" && h.Days == 4);
    }

    [Fact]
    public void Years_outside_the_computed_range_have_no_statutory_days()
    {
        Assert.Empty(StatutoryHolidays.Of(2000));
        Assert.Empty(StatutoryHolidays.Of(2100));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatutoryHolidays.Qingming(2100));
    }
}

internal static class CalendarResultAssertions
{
    public static T ShouldSucceed<T>(this Complaints.Domain.Common.Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }
}
