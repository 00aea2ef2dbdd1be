using Complaints.Domain.Cases;
using Complaints.Domain.Reporting;
using Complaints.Domain.Tests.Cases;

namespace Complaints.Domain.Tests.Reporting;

/// <summary>第十八条 报送: who submits, which period, when, once; what a department's report adds up; whose reports a status lists.</summary>
public class ReportSubmissionTests
{
    private static readonly Guid WuhuaBureau = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid OtherBureau = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    private static readonly Actor BureauStaff = Actor.ForAgency("bureau-1", WuhuaBureau);
    private static readonly Actor WuhuaDepartment = Actor.ForManagement("wuhua-1", "530102");
    private static readonly Actor KunmingDepartment = Actor.ForManagement("kunming-1", "530100");
    private static readonly Reporter Bureau = Reporter.Agency("530102", WuhuaBureau);
    private static readonly Reporter Wuhua = Reporter.Department("530102");

    /// <summary>2026-10-16 10:00 CST: 2026Q3 has ended and is one day late.</summary>
    private static readonly DateTimeOffset AfterQ3 = new(2026, 10, 16, 10, 0, 0, TimeSpan.FromHours(8));

    private static ReportingPeriod P(string text) => ReportingPeriod.TryParse(text).Value;

    private static ComplaintStatistics Figures(params Channel[] channels) => ComplaintStatistics.Compute([.. channels.Select(c => new CaseSummary
    {
        Channel = c,
        Status = ComplaintStatus.PendingReferral,
        ReceivedAt = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero),
        RespondentAgencyId = WuhuaBureau,
        RespondentAgencyName = "五华区市场监管局",
        ServiceItemName = "登记",
    })]);

    [Fact]
    public void A_report_is_submitted_by_the_agency_itself_or_the_department_of_its_own_division_第十八条()
    {
        var duty = ReportSubmission.Check(BureauStaff, Bureau, "agency:x", P("2026Q3"), false, AfterQ3).ShouldSucceed();
        Assert.Equal("530102", duty.SubmittedTo);
        Assert.True(duty.Period.IsLate(AfterQ3));
        ReportSubmission.Check(WuhuaDepartment, Wuhua, "region:530102", P("2026H1"), false, AfterQ3).ShouldSucceed();

        foreach (var (by, reporter) in new[]
        {
            (Actor.ForAgency("other-1", OtherBureau), Bureau),
            (WuhuaDepartment, Bureau),
            (KunmingDepartment, Wuhua),
            (BureauStaff, Wuhua),
            (Actor.ForHotline("hotline-1", "530102"), Wuhua),
        })
        {
            var error = ReportSubmission.Check(by, reporter, "scope", P(reporter.Level == ReporterLevel.Agency ? "2026Q3" : "2026H1"), false, AfterQ3)
                .ShouldFailWith(ReportSubmission.ForbiddenCode);
            Assert.Null(error.Field);
        }
    }

    [Fact]
    public void A_report_is_owed_only_for_the_periods_the_article_names_第十八条()
    {
        ReportSubmission.Check(BureauStaff, Bureau, "agency:x", P("2026H1"), false, AfterQ3).ShouldFailWith(ReportingDuties.NotOwedCode);
        ReportSubmission.Check(WuhuaDepartment, Wuhua, "region:530102", P("2026Q2"), false, AfterQ3).ShouldFailWith(ReportingDuties.NotOwedCode);
        ReportSubmission.Check(BureauStaff, Bureau, "agency:x", P("2022Q2"), false, AfterQ3).ShouldFailWith(ReportingDuties.BeforeRegulationCode);
    }

    [Fact]
    public void A_period_is_reported_once_it_has_ended_第十八条()
    {
        var lastMinute = new DateTimeOffset(2026, 9, 30, 23, 59, 59, TimeSpan.FromHours(8));

        var error = ReportSubmission.Check(BureauStaff, Bureau, "agency:x", P("2026Q3"), false, lastMinute).ShouldFailWith(ReportSubmission.PeriodNotEndedCode);
        Assert.Equal("2026Q3 尚未结束,结束后方可报送。", error.Message);
        ReportSubmission.Check(BureauStaff, Bureau, "agency:x", P("2026Q3"), false, lastMinute.AddSeconds(1)).ShouldSucceed();
    }

    [Fact]
    public void A_submitted_report_is_frozen_and_never_submitted_again_第十八条()
    {
        var error = ReportSubmission.Check(BureauStaff, Bureau, "agency:x", P("2026Q3"), true, AfterQ3).ShouldFailWith(ReportSubmission.AlreadySubmittedCode);

        Assert.Equal("agency:x 的 2026Q3 报告已报送,报告一经报送不再修改。", error.Message);
    }

    [Fact]
    public void A_departments_report_sums_its_own_level_and_the_reports_below_and_names_the_divisions_missing_第十八条()
    {
        var wuhua = new SubmittedReport(Guid.NewGuid(), "530102", Figures(Channel.OnlineApp, Channel.Letter));
        var elsewhere = new SubmittedReport(Guid.NewGuid(), "532300", Figures(Channel.Email));

        var total = ReportSubmission.SumForDepartment(Figures(Channel.Phone12345), ["530102", "530103", "530111"], [wuhua, elsewhere]);

        Assert.Equal(3, total.Figures.Received);
        Assert.Equal([wuhua.Id], total.IncludedReports);
        Assert.Equal(["530103", "530111"], total.MissingDivisions);
    }

    [Fact]
    public void The_reporting_status_shows_whoever_reports_to_the_caller_第十八条()
    {
        var own = ReportSubmission.StatusFor(BureauStaff, "530102", P("2026Q3")).ShouldSucceed();
        Assert.Equal((ReportersListed.TheAgencyItself, (Guid?)WuhuaBureau), (own.Listed, own.Duty.Reporter.AgencyId));

        var quarter = ReportSubmission.StatusFor(WuhuaDepartment, null, P("2026Q3")).ShouldSucceed();
        Assert.Equal((ReportersListed.AgenciesOfTheLevel, ReporterLevel.Agency, "530102"), (quarter.Listed, quarter.Duty.Reporter.Level, quarter.Duty.Reporter.RegionCode));

        var year = ReportSubmission.StatusFor(KunmingDepartment, null, P("2026")).ShouldSucceed();
        Assert.Equal((ReportersListed.TheDepartmentAndTheLevelBelow, new DateOnly(2027, 1, 31)), (year.Listed, year.Duty.DueDate));

        ReportSubmission.StatusFor(BureauStaff, "530102", P("2026")).ShouldFailWith(ReportingDuties.NotOwedCode);
        ReportSubmission.StatusFor(WuhuaDepartment, null, P("2026H2")).ShouldFailWith(ReportingDuties.NotOwedCode);
        ReportSubmission.StatusFor(new Actor("admin-1", ActorRole.Admin), null, P("2026Q3")).ShouldFailWith(ReportSubmission.ForbiddenCode);
    }
}
