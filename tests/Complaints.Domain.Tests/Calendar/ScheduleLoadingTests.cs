using Complaints.Domain.Calendar;
using Complaints.Domain.Deadlines;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Calendar;

/// <summary>An administrator loads a new year's notice through the API (rules.md "Working days").</summary>
public class ScheduleLoadingTests
{
    // A made-up 2027 notice, shaped like the real ones: 春节 off Fri 02-05 to Sat 02-13, Sun 02-14 worked.
    private const string Notice2027 = """
        { "year": 2027, "papers": ["https://example.invalid/2027"],
          "days": [
            { "name": "元旦", "date": "2027-01-01", "isOffDay": true },
            { "name": "春节", "date": "2027-02-05", "isOffDay": true },
            { "name": "春节", "date": "2027-02-06", "isOffDay": true },
            { "name": "春节", "date": "2027-02-07", "isOffDay": true },
            { "name": "春节", "date": "2027-02-08", "isOffDay": true },
            { "name": "春节", "date": "2027-02-09", "isOffDay": true },
            { "name": "春节", "date": "2027-02-10", "isOffDay": true },
            { "name": "春节", "date": "2027-02-11", "isOffDay": true },
            { "name": "春节", "date": "2027-02-12", "isOffDay": true },
            { "name": "春节", "date": "2027-02-13", "isOffDay": true },
            { "name": "春节", "date": "2027-02-14", "isOffDay": false }
          ] }
        """;

    [Fact]
    public void Loading_a_notice_makes_its_year_settled_and_changes_its_working_days()
    {
        var calendar = StateCouncilCalendar.LoadShipped();
        Assert.False(calendar.IsWorkingDay(D("2027-02-08"))); // 正月初三, a statutory holiday until the notice says more
        Assert.True(calendar.IsWorkingDay(D("2027-02-09")));

        var loaded = calendar.LoadJson(2027, Notice2027);

        Assert.True(loaded.IsSuccess);
        Assert.True(calendar.HasSchedule(2027));
        Assert.False(calendar.IsWorkingDay(D("2027-02-08")));
        Assert.False(calendar.IsWorkingDay(D("2027-02-09")));
        Assert.True(calendar.IsWorkingDay(D("2027-02-14")));
        Assert.Equal(D("2027-02-15"), WorkingDays.Add(calendar, D("2027-02-04"), 2));
        Assert.True(WorkingDays.IsSettled(calendar, D("2026-12-31")));
    }

    [Fact]
    public void A_deadline_reaching_into_2027_stops_being_provisional_once_the_notice_is_loaded()
    {
        var calendar = StateCouncilCalendar.LoadShipped();
        var receivedAt = new DateTimeOffset(2026, 12, 30, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.True(DeadlineRules.Acceptance(calendar, receivedAt).Provisional);

        calendar.LoadJson(2027, Notice2027);
        var deadline = DeadlineRules.Acceptance(calendar, receivedAt);

        // 12-31 (Thu) day 1, 2027-01-01 is now 元旦, 01-04 (Mon) day 2, 01-05 day 3.
        Assert.False(deadline.Provisional);
        Assert.Equal(D("2027-01-05"), deadline.Due);
    }

    [Fact]
    public void Loading_a_notice_replaces_the_whole_previous_notice_of_that_year()
    {
        var calendar = StateCouncilCalendar.LoadShipped();
        var replacement = """{ "year": 2026, "days": [ { "name": "国庆节", "date": "2026-10-08", "isOffDay": true } ] }""";

        var loaded = calendar.LoadJson(2026, replacement);

        Assert.True(loaded.IsSuccess);
        Assert.False(calendar.IsWorkingDay(D("2026-10-08")));
        Assert.True(calendar.IsWorkingDay(D("2026-10-01")));
        Assert.False(calendar.IsWorkingDay(D("2026-02-14")));
        Assert.Single(calendar.ScheduleFor(2026)!.Days);
        Assert.True(calendar.HasSchedule(2025));
        Assert.True(Shipped.IsWorkingDay(D("2026-02-14")));
    }

    [Fact]
    public void A_later_notice_wins_a_date_that_two_notices_list()
    {
        var early = YearSchedule.Create(2026, [new ScheduleDay(D("2026-12-31"), "工作日", false)]).Value;
        var late = YearSchedule.Create(2027, [new ScheduleDay(D("2026-12-31"), "元旦", true)]).Value;

        var calendar = new StateCouncilCalendar([late, early]);

        Assert.False(calendar.IsWorkingDay(D("2026-12-31")));
        Assert.Equal("元旦", calendar.Entry(D("2026-12-31"))!.Name);
    }

    [Fact]
    public void An_upload_for_another_year_than_the_target_is_refused()
    {
        var result = StateCouncilCalendar.LoadShipped().LoadJson(2028, Notice2027);

        Assert.Equal(CalendarErrors.YearMismatch, result.Error!.Code);
    }

    [Fact]
    public void An_empty_notice_is_refused_at_run_time_so_a_known_year_cannot_silently_become_provisional()
    {
        var calendar = StateCouncilCalendar.LoadShipped();

        var result = calendar.LoadJson(2026, """{ "year": 2026, "papers": [], "days": [] }""");

        Assert.Equal(CalendarErrors.EmptySchedule, result.Error!.Code);
        Assert.True(calendar.HasSchedule(2026));
    }

    [Fact]
    public void A_refused_upload_leaves_the_calendar_unchanged()
    {
        var calendar = StateCouncilCalendar.LoadShipped();

        var result = calendar.LoadJson(2026, """{ "year": 2026, "days": [ { "name": "x", "date": "2026-02-30", "isOffDay": true } ] }""");

        Assert.False(result.IsSuccess);
        Assert.Equal(39, calendar.ScheduleFor(2026)!.Days.Count);
    }

    [Fact]
    public async Task Readers_never_see_a_half_loaded_year_while_notices_are_swapped()
    {
        var calendar = StateCouncilCalendar.LoadShipped();
        var holiday = YearSchedule.Create(2027, [new ScheduleDay(D("2027-03-01"), "甲", true), new ScheduleDay(D("2027-03-02"), "甲", true)]).Value;
        var working = YearSchedule.Create(2027, [new ScheduleDay(D("2027-03-06"), "乙", false), new ScheduleDay(D("2027-03-07"), "乙", false)]).Value;
        using var stop = new CancellationTokenSource();
        calendar.Load(holiday);

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 2000; i++)
            {
                Assert.True(calendar.Load(i % 2 == 0 ? holiday : working).IsSuccess);
            }

            stop.Cancel();
        });

        var inconsistent = 0;
        while (!stop.IsCancellationRequested)
        {
            var view = calendar.Describe(2027).Value;

            // Each notice yields one holiday period or two make-up days, never a mix.
            if (view.Holidays.Count + (view.MakeupWorkingDays.Count / 2) != 1)
            {
                inconsistent++;
            }
        }

        await writer;
        Assert.Equal(0, inconsistent);
    }

    [Theory]
    [InlineData("not json", "calendar.invalid_json")]
    [InlineData("[]", "calendar.invalid_json")]
    [InlineData("""{ "days": [] }""", "calendar.invalid_json")]
    [InlineData("""{ "year": "2026", "days": [] }""", "calendar.invalid_json")]
    [InlineData("""{ "year": 2026 }""", "calendar.invalid_json")]
    [InlineData("""{ "year": 2026, "papers": "x", "days": [] }""", "calendar.invalid_json")]
    [InlineData("""{ "year": 2026, "papers": [1], "days": [] }""", "calendar.invalid_json")]
    [InlineData("""{ "year": 2026, "days": [1] }""", "calendar.invalid_json")]
    [InlineData("""{ "year": 2026, "days": [ { "date": "2026-10-01", "isOffDay": true } ] }""", "calendar.invalid_json")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "国庆节", "date": "2026/10/01", "isOffDay": true } ] }""", "calendar.invalid_json")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "国庆节", "date": "2026-10-01", "isOffDay": "yes" } ] }""", "calendar.invalid_json")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "  ", "date": "2026-10-01", "isOffDay": true } ] }""", "calendar.invalid_day")]
    [InlineData("""{ "year": 1999, "days": [] }""", "calendar.invalid_year")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "国庆节", "date": "2024-10-01", "isOffDay": true } ] }""", "calendar.date_outside_year")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "国庆节", "date": "2028-01-01", "isOffDay": true } ] }""", "calendar.date_outside_year")]
    [InlineData("""{ "year": 2026, "days": [ { "name": "国庆节", "date": "2026-10-01", "isOffDay": true }, { "name": "国庆节", "date": "2026-10-01", "isOffDay": false } ] }""", "calendar.duplicate_date")]
    public void A_malformed_notice_is_refused_with_a_stable_code_and_a_chinese_message(string json, string code)
    {
        var result = HolidayCnFormat.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error!.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", result.Error.Message);
        Assert.Null(result.Error.Field);
    }

    [Fact]
    public void Dates_of_the_adjacent_years_are_accepted()
    {
        var result = HolidayCnFormat.Parse("""
            { "year": 2026, "days": [
              { "name": "元旦", "date": "2025-12-31", "isOffDay": true },
              { "name": "元旦", "date": "2027-01-01", "isOffDay": true } ] }
            """);

        Assert.True(result.IsSuccess);
        Assert.Empty(result.Value.Papers);
    }

    [Fact]
    public void Days_are_kept_in_date_order_with_trimmed_names()
    {
        var schedule = YearSchedule.Create(2026, [new ScheduleDay(D("2026-10-02"), " 国庆节 ", true), new ScheduleDay(D("2026-10-01"), "国庆节", true)]).Value;

        Assert.Equal([D("2026-10-01"), D("2026-10-02")], schedule.Days.Select(d => d.Date));
        Assert.All(schedule.Days, d => Assert.Equal("国庆节", d.Name));
    }

    [Fact]
    public void Every_shipped_notice_survives_a_round_trip_through_the_format()
    {
        foreach (var schedule in StateCouncilCalendar.ShippedSchedules())
        {
            var json = HolidayCnFormat.ToJson(schedule);
            var again = HolidayCnFormat.Parse(json).Value;

            Assert.Equal(schedule.Year, again.Year);
            Assert.Equal(schedule.Papers, again.Papers);
            Assert.Equal(schedule.Days, again.Days);
        }

        Assert.Contains("\"春节\"", HolidayCnFormat.ToJson(Shipped.ScheduleFor(2026)!), StringComparison.Ordinal);
    }
}
