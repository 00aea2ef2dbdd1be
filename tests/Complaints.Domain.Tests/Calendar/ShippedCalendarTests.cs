using Complaints.Domain.Calendar;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Calendar;

public class ShippedCalendarTests
{
    [Theory]
    [InlineData(2022, 38, 31, 7)]
    [InlineData(2023, 34, 27, 7)]
    [InlineData(2024, 36, 28, 8)]
    [InlineData(2025, 33, 28, 5)]
    [InlineData(2026, 39, 33, 6)]
    [InlineData(2027, 0, 0, 0)]
    public void Every_shipped_notice_is_loaded_whole_as_the_reference_readme_counts_it(int year, int entries, int offDays, int makeupDays)
    {
        var schedule = StateCouncilCalendar.ShippedSchedules().Single(s => s.Year == year);

        Assert.Equal(entries, schedule.Days.Count);
        Assert.Equal(offDays, schedule.Days.Count(d => d.IsOffDay));
        Assert.Equal(makeupDays, schedule.Days.Count(d => !d.IsOffDay));
        Assert.Equal(entries > 0, schedule.Papers.Count > 0);
    }

    [Fact]
    public void Every_listed_day_of_every_shipped_notice_is_a_working_day_exactly_when_it_is_not_off_工作日()
    {
        var checkedDays = 0;
        foreach (var schedule in StateCouncilCalendar.ShippedSchedules())
        {
            foreach (var day in schedule.Days)
            {
                Assert.True(Shipped.IsWorkingDay(day.Date) == !day.IsOffDay, $"{day.Date} {day.Name} isOffDay={day.IsOffDay}");
                Assert.Equal(day.IsOffDay ? DayKind.Holiday : DayKind.MakeupWorkingDay, Shipped.KindOf(day.Date));
                checkedDays++;
            }
        }

        Assert.Equal(38 + 34 + 36 + 33 + 39, checkedDays);
    }

    [Fact]
    public void Unlisted_weekends_are_off_and_unlisted_weekdays_are_working_days_2022_to_2027_工作日()
    {
        // 2027 has no notice yet: its statutory holidays are off too (StatutoryHolidayTests); every other day is as here.
        var listed = StateCouncilCalendar.ShippedSchedules().SelectMany(s => s.Days).Select(d => d.Date)
            .Concat(StatutoryHolidays.Of(2027).Select(d => d.Date)).ToHashSet();
        foreach (var day in Days(D("2022-01-01"), D("2027-12-31")).Where(d => !listed.Contains(d)))
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            Assert.True(Shipped.IsWorkingDay(day) == !weekend, day.ToString("O"));
            Assert.Equal(weekend ? DayKind.Weekend : DayKind.Weekday, Shipped.KindOf(day));
            Assert.Null(Shipped.Entry(day));
        }
    }

    [Fact]
    public void A_notice_can_set_a_day_of_the_previous_year_as_the_2023_notice_does_for_2022_12_31()
    {
        Assert.Equal(new ScheduleDay(D("2022-12-31"), "元旦", true), Shipped.Entry(D("2022-12-31")));
        Assert.Equal(D("2022-12-31"), Shipped.ScheduleFor(2023)!.Days[0].Date);
        Assert.DoesNotContain(Shipped.ScheduleFor(2022)!.Days, d => d.Date == D("2022-12-31"));
    }

    [Fact]
    public void Years_2022_to_2026_have_a_schedule_and_2027_is_provisional_because_its_notice_is_empty()
    {
        Assert.Equal([2022, 2023, 2024, 2025, 2026], Shipped.ScheduledYears);
        Assert.False(Shipped.HasSchedule(2021));
        Assert.False(Shipped.HasSchedule(2027));
        Assert.NotNull(Shipped.ScheduleFor(2027));
        Assert.True(Shipped.ScheduleFor(2027)!.IsEmpty);
        Assert.Null(Shipped.ScheduleFor(2028));
    }

    [Fact]
    public void The_2026_spring_festival_example_of_the_brief_holds_in_the_data()
    {
        Assert.Equal(DayKind.MakeupWorkingDay, Shipped.KindOf(D("2026-02-14")));
        Assert.All(Days(D("2026-02-15"), D("2026-02-23")), d => Assert.Equal(DayKind.Holiday, Shipped.KindOf(d)));
        Assert.Equal(DayKind.MakeupWorkingDay, Shipped.KindOf(D("2026-10-10")));
    }

    [Fact]
    public void The_weekend_only_calendar_works_monday_to_friday_and_knows_no_schedule()
    {
        var calendar = WeekendOnlyCalendar.Instance;

        Assert.True(calendar.IsWorkingDay(D("2026-10-01")));
        Assert.False(calendar.IsWorkingDay(D("2026-02-14")));
        Assert.False(calendar.HasSchedule(2026));
        Assert.Equal(D("2026-02-19"), WorkingDays.Add(calendar, D("2026-02-13"), 4));
    }

    [Fact]
    public void An_empty_calendar_counts_weekends_and_the_statutory_holidays_only()
    {
        var calendar = new StateCouncilCalendar();

        Assert.Empty(calendar.ScheduledYears);
        Assert.False(calendar.IsWorkingDay(D("2026-10-01"))); // 国庆
        Assert.True(calendar.IsWorkingDay(D("2026-10-08"))); // no 调休 guessed, nor the notice's bridging days
        Assert.False(calendar.HasSchedule(2026));
    }

    [Fact]
    public void Two_schedules_for_one_year_are_a_programming_error()
    {
        var schedule = Shipped.ScheduleFor(2026)!;

        Assert.Throws<ArgumentException>(() => new StateCouncilCalendar([schedule, schedule]));
    }
}
