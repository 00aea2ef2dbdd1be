using Complaints.Domain.Common;
using Complaints.Domain.Reporting;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Reporting;

/// <summary>第十八条: who owes which report, to whom and by when; 第十九条: nothing before 2022-07-10.</summary>
public class ReportingDutyTests
{
    private static readonly Reporter WuhuaAgency = Reporter.Agency("530102");
    private static readonly Reporter ProvinceAgency = Reporter.Agency("530000");
    private static readonly Reporter County = Reporter.Department("530102");
    private static readonly Reporter Prefecture = Reporter.Department("530100");
    private static readonly Reporter Province = Reporter.Department("530000");

    private static ReportingPeriod P(string text) => ReportingPeriod.TryParse(text).Value;

    [Theory]
    [InlineData("2026Q1", "2026-04-15")]
    [InlineData("2026Q2", "2026-07-15")]
    [InlineData("2026Q3", "2026-10-15")]
    [InlineData("2026Q4", "2027-01-15")]
    public void An_agency_owes_each_quarter_to_its_own_level_by_the_15th_of_the_next_quarters_first_month_第十八条(string period, string due)
    {
        foreach (var agency in new[] { WuhuaAgency, ProvinceAgency })
        {
            var duty = ReportingDuties.Of(agency, P(period)).Value;

            Assert.Equal(D(due), duty.DueDate);
            Assert.Equal(agency.RegionCode, duty.SubmittedTo);
        }
    }

    [Theory]
    [InlineData("530102", "530100")]
    [InlineData("530100", "530000")]
    [InlineData("530000", null)]
    public void Every_level_of_management_department_owes_the_first_half_by_15_july_and_the_year_by_31_january_第十八条(string region, string? submittedTo)
    {
        var department = Reporter.Department(region);

        var half = ReportingDuties.Of(department, P("2026H1")).Value;
        var year = ReportingDuties.Of(department, P("2026")).Value;

        Assert.Equal(D("2026-07-15"), half.DueDate);
        Assert.Equal(D("2027-01-31"), year.DueDate);
        Assert.Equal(submittedTo, half.SubmittedTo);
        Assert.Equal(submittedTo, year.SubmittedTo);
        Assert.Equal(["2026H1", "2026"], ReportingDuties.OwedIn(department, 2026).Select(d => d.Period.ToString()));
    }

    [Fact]
    public void The_agencies_four_quarters_are_all_that_an_agency_owes_in_a_year_第十八条()
    {
        Assert.Equal(["2026Q1", "2026Q2", "2026Q3", "2026Q4"], ReportingDuties.OwedIn(WuhuaAgency, 2026).Select(d => d.Period.ToString()));
    }

    [Theory]
    [InlineData("2026H2")]
    [InlineData("2026H1")]
    [InlineData("2026")]
    public void An_agency_owes_no_half_year_or_year_第十八条(string period)
    {
        var error = ReportingDuties.Of(WuhuaAgency, P(period)).Error!;

        Assert.Equal(ReportingDuties.NotOwedCode, error.Code);
        Assert.Equal("period", error.Field);
        Assert.Equal("第十八条", error.Article);
    }

    [Fact]
    public void No_department_of_any_level_owes_a_quarter_or_a_second_half_year_第十八条()
    {
        foreach (var department in new[] { County, Prefecture, Province })
        {
            Assert.Equal(ReportingDuties.NotOwedCode, ReportingDuties.Of(department, P("2026Q2")).Error!.Code);
            var second = ReportingDuties.Of(department, P("2026H2")).Error!;
            Assert.Equal(ReportingDuties.NotOwedCode, second.Code);
            Assert.Contains("下半年度", second.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2022Q2")]
    [InlineData("2022Q1")]
    [InlineData("2021Q4")]
    public void A_quarter_that_ends_before_2022_07_10_is_not_owed_第十九条(string period)
    {
        var error = ReportingDuties.Of(WuhuaAgency, P(period)).Error!;

        Assert.Equal(ReportingDuties.BeforeRegulationCode, error.Code);
        Assert.Equal("第十九条", error.Article);
        Assert.Equal("period", error.Field);
    }

    [Fact]
    public void The_first_half_of_2022_ended_before_the_办法_came_into_force_第十九条()
    {
        Assert.Equal(ReportingDuties.BeforeRegulationCode, ReportingDuties.Of(County, P("2022H1")).Error!.Code);
        Assert.Equal(ReportingDuties.BeforeRegulationCode, ReportingDuties.Of(Province, P("2021")).Error!.Code);
        Assert.Equal(["2022"], ReportingDuties.OwedIn(County, 2022).Select(d => d.Period.ToString()));
    }

    [Theory]
    [InlineData("2022Q3", "2022-07-10")]
    [InlineData("2022", "2022-07-10")]
    [InlineData("2022Q4", "2022-10-01")]
    [InlineData("2023H1", "2023-01-01")]
    public void The_period_that_contains_2022_07_10_counts_from_that_day_第十九条(string period, string countsFrom)
    {
        var reporter = P(period).Kind == ReportingPeriodKind.Quarter ? WuhuaAgency : County;

        Assert.Equal(D(countsFrom), ReportingDuties.Of(reporter, P(period)).Value.CountsFrom);
        Assert.Equal(D(countsFrom), P(period).CountsFrom);
    }

    [Fact]
    public void Complaints_received_before_2022_07_10_do_not_count_in_the_period_that_contains_it_第十九条()
    {
        var quarter = P("2022Q3");
        var cst = TimeSpan.FromHours(8);

        Assert.False(quarter.Counts(new DateTimeOffset(2022, 7, 9, 23, 59, 59, cst)));
        Assert.True(quarter.Counts(new DateTimeOffset(2022, 7, 10, 0, 0, 0, cst)));
        Assert.True(quarter.Counts(new DateTimeOffset(2022, 9, 30, 23, 59, 59, cst)));
        Assert.False(quarter.Counts(new DateTimeOffset(2022, 10, 1, 0, 0, 0, cst)));
        Assert.True(quarter.Contains(new DateTimeOffset(2022, 7, 9, 12, 0, 0, cst)));
        Assert.Equal(new DateTimeOffset(2022, 7, 10, 0, 0, 0, cst), Regulation.InForceAt);
    }
}
