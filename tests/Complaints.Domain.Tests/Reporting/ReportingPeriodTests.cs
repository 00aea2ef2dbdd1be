using Complaints.Domain.Reporting;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Reporting;

public class ReportingPeriodTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026Q1", ReportingPeriodKind.Quarter, "2026-01-01", "2026-03-31", "2026-04-15")]
    [InlineData("2026Q2", ReportingPeriodKind.Quarter, "2026-04-01", "2026-06-30", "2026-07-15")]
    [InlineData("2026Q3", ReportingPeriodKind.Quarter, "2026-07-01", "2026-09-30", "2026-10-15")]
    [InlineData("2026Q4", ReportingPeriodKind.Quarter, "2026-10-01", "2026-12-31", "2027-01-15")]
    [InlineData("2026H1", ReportingPeriodKind.HalfYear, "2026-01-01", "2026-06-30", "2026-07-15")]
    [InlineData("2026", ReportingPeriodKind.Year, "2026-01-01", "2026-12-31", "2027-01-31")]
    [InlineData("2024Q1", ReportingPeriodKind.Quarter, "2024-01-01", "2024-03-31", "2024-04-15")]
    public void Each_period_has_its_dates_and_the_due_date_of_第十八条(string text, ReportingPeriodKind kind, string from, string to, string due)
    {
        var period = ReportingPeriod.TryParse(text).Value;

        Assert.Equal(kind, period.Kind);
        Assert.Equal(D(from), period.From);
        Assert.Equal(D(to), period.To);
        Assert.Equal(D(due), period.DueDate);
        Assert.Equal(new DateTimeOffset(D(due).AddDays(1).ToDateTime(TimeOnly.MinValue), Cst), period.DueAt);
        Assert.Equal(text, period.ToString());
    }

    [Fact]
    public void The_second_half_has_no_report_of_its_own_and_is_never_late_第十八条()
    {
        var period = ReportingPeriod.TryParse("2026H2").Value;

        Assert.Equal(D("2026-07-01"), period.From);
        Assert.Equal(D("2026-12-31"), period.To);
        Assert.Null(period.DueDate);
        Assert.Null(period.DueAt);
        Assert.False(period.IsLate(new DateTimeOffset(2030, 1, 1, 0, 0, 0, Cst)));
    }

    [Theory]
    [InlineData(" 2026q3 ", "2026Q3")]
    [InlineData("2026h1", "2026H1")]
    [InlineData("2026 ", "2026")]
    public void A_period_is_read_whatever_its_case_and_surrounding_spaces(string input, string expected)
    {
        Assert.Equal(expected, ReportingPeriod.TryParse(input).Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026Q0")]
    [InlineData("2026Q5")]
    [InlineData("2026H0")]
    [InlineData("2026H3")]
    [InlineData("2026Q")]
    [InlineData("2026X1")]
    [InlineData("2026-Q3")]
    [InlineData("26Q3")]
    [InlineData("Q3 2026")]
    [InlineData("1999")]
    [InlineData("9999")]
    [InlineData("+202")]
    [InlineData("２０２６")]
    [InlineData("2026Q34")]
    public void A_malformed_period_is_refused_with_report_invalid_period(string? input)
    {
        var error = ReportingPeriod.TryParse(input).Error!;

        Assert.Equal("report.invalid_period", error.Code);
        Assert.Equal("第十八条", error.Article);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
    }

    [Fact]
    public void A_quarter_report_is_on_time_until_24_00_cst_of_the_15th_第十八条()
    {
        var period = ReportingPeriod.Quarter(2026, 3);

        Assert.False(period.IsLate(new DateTimeOffset(2026, 10, 15, 23, 59, 59, Cst)));
        Assert.True(period.IsLate(new DateTimeOffset(2026, 10, 16, 0, 0, 0, Cst)));
        Assert.False(period.IsLate(new DateTimeOffset(2026, 10, 15, 15, 59, 59, TimeSpan.Zero)));
        Assert.True(period.IsLate(new DateTimeOffset(2026, 10, 15, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_fourth_quarter_is_due_on_15_january_and_the_year_on_31_january_of_the_next_year_第十八条()
    {
        Assert.True(ReportingPeriod.Quarter(2026, 4).IsLate(new DateTimeOffset(2027, 1, 16, 9, 0, 0, Cst)));
        Assert.False(ReportingPeriod.FullYear(2026).IsLate(new DateTimeOffset(2027, 1, 31, 18, 0, 0, Cst)));
        Assert.True(ReportingPeriod.FullYear(2026).IsLate(new DateTimeOffset(2027, 2, 1, 0, 0, 0, Cst)));
        Assert.False(ReportingPeriod.HalfYear(2026, 1).IsLate(new DateTimeOffset(2026, 7, 15, 12, 0, 0, Cst)));
        Assert.True(ReportingPeriod.HalfYear(2026, 1).IsLate(new DateTimeOffset(2026, 7, 16, 12, 0, 0, Cst)));
    }

    [Fact]
    public void Agencies_owe_quarters_and_management_departments_owe_the_first_half_and_the_year_第十八条()
    {
        Assert.Equal(["2026Q1", "2026Q2", "2026Q3", "2026Q4"], ReportingPeriod.OwedBy(ReporterLevel.Agency, 2026).Select(p => p.ToString()));
        Assert.Equal(["2026H1", "2026"], ReportingPeriod.OwedBy(ReporterLevel.ManagementDepartment, 2026).Select(p => p.ToString()));

        Assert.True(ReportingPeriod.Quarter(2026, 2).IsOwedBy(ReporterLevel.Agency));
        Assert.False(ReportingPeriod.Quarter(2026, 2).IsOwedBy(ReporterLevel.ManagementDepartment));
        Assert.True(ReportingPeriod.HalfYear(2026, 1).IsOwedBy(ReporterLevel.ManagementDepartment));
        Assert.False(ReportingPeriod.HalfYear(2026, 2).IsOwedBy(ReporterLevel.ManagementDepartment));
        Assert.False(ReportingPeriod.HalfYear(2026, 1).IsOwedBy(ReporterLevel.Agency));
        Assert.True(ReportingPeriod.FullYear(2026).IsOwedBy(ReporterLevel.ManagementDepartment));
        Assert.False(ReportingPeriod.FullYear(2026).IsOwedBy(ReporterLevel.Agency));
    }

    [Fact]
    public void A_period_contains_the_instants_of_its_cst_dates_only()
    {
        var period = ReportingPeriod.Quarter(2026, 3);

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, Cst), period.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, Cst), period.EndsAt);
        Assert.True(period.Contains(new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.False(period.Contains(new DateTimeOffset(2026, 6, 30, 23, 59, 59, Cst)));
        Assert.True(period.Contains(new DateTimeOffset(2026, 9, 30, 23, 59, 59, Cst)));
        Assert.False(period.Contains(new DateTimeOffset(2026, 9, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.True(period.Contains(D("2026-09-30")));
        Assert.False(period.Contains(D("2026-10-01")));
    }

    [Theory]
    [InlineData("2026-01-01", "2026Q1")]
    [InlineData("2026-03-31", "2026Q1")]
    [InlineData("2026-04-01", "2026Q2")]
    [InlineData("2026-09-30", "2026Q3")]
    [InlineData("2026-12-31", "2026Q4")]
    public void The_quarter_of_a_date_is_found(string date, string quarter)
    {
        Assert.Equal(quarter, ReportingPeriod.QuarterOf(D(date)).ToString());
    }

    [Fact]
    public void Building_a_period_out_of_range_in_code_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Quarter(2026, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.HalfYear(2026, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.FullYear(1999));
    }

    [Fact]
    public void Parsed_and_built_periods_are_equal()
    {
        Assert.Equal(ReportingPeriod.Quarter(2026, 3), ReportingPeriod.TryParse("2026Q3").Value);
        Assert.NotEqual(ReportingPeriod.HalfYear(2026, 1), ReportingPeriod.HalfYear(2026, 2));
    }
}
