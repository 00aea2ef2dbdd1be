using Complaints.Domain.Calendar;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Calendar;

/// <summary>What <c>GET /calendar/{year}</c> shows.</summary>
public class CalendarYearTests
{
    [Fact]
    public void The_2026_notice_lists_its_holiday_periods_with_names_and_its_makeup_days()
    {
        var year = Shipped.Describe(2026).Value;

        Assert.True(year.HasSchedule);
        Assert.Single(year.Sources);
        Assert.Equal(
            [
                new HolidayPeriod("元旦", D("2026-01-01"), D("2026-01-03")),
                new HolidayPeriod("春节", D("2026-02-15"), D("2026-02-23")),
                new HolidayPeriod("清明节", D("2026-04-04"), D("2026-04-06")),
                new HolidayPeriod("劳动节", D("2026-05-01"), D("2026-05-05")),
                new HolidayPeriod("端午节", D("2026-06-19"), D("2026-06-21")),
                new HolidayPeriod("中秋节", D("2026-09-25"), D("2026-09-27")),
                new HolidayPeriod("国庆节", D("2026-10-01"), D("2026-10-07")),
            ],
            year.Holidays);
        Assert.Equal(9, year.Holidays[1].Days);
        Assert.Equal(
            [D("2026-01-04"), D("2026-02-14"), D("2026-02-28"), D("2026-05-09"), D("2026-09-20"), D("2026-10-10")],
            year.MakeupWorkingDays.Select(m => m.Date));
        Assert.Equal("春节", year.MakeupWorkingDays[1].Name);
    }

    [Theory]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    [InlineData(2027, 254)] // no notice: 261 weekdays less 7 statutory holidays on weekdays
    public void Each_year_counts_its_working_days_from_1_january_to_31_december(int year, int workingDays)
    {
        Assert.Equal(workingDays, Shipped.Describe(year).Value.WorkingDayCount);
    }

    [Fact]
    public void The_2023_notice_shows_its_new_year_holiday_starting_in_december_2022()
    {
        Assert.Equal(new HolidayPeriod("元旦", D("2022-12-31"), D("2023-01-02")), Shipped.Describe(2023).Value.Holidays[0]);
    }

    [Fact]
    public void A_year_without_a_notice_is_shown_as_provisional_with_its_statutory_holidays_only()
    {
        var year = Shipped.Describe(2027).Value;

        Assert.False(year.HasSchedule);
        Assert.Equal(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"], year.Holidays.Select(h => h.Name));
        Assert.Empty(year.MakeupWorkingDays);
        Assert.Empty(year.Sources);
        Assert.False(Shipped.Describe(2030).Value.HasSchedule);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(0)]
    [InlineData(10000)]
    public void A_year_outside_the_supported_range_is_refused(int year)
    {
        Assert.Equal(CalendarErrors.InvalidYear, Shipped.Describe(year).Error!.Code);
    }
}
