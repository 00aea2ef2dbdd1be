using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class ConclusionTests
{
    [Fact]
    public void The_agency_concludes_with_a_finding_and_a_result_第十三条()
    {
        var complaint = InHandling();

        complaint.Conclude(Weekdays, Finding.PartiallySubstantiated, "  已补办  ", "窗口人员培训", Agency, ConcludedAt).ShouldSucceed();

        Assert.Equal(ComplaintStatus.Concluded, complaint.Status);
        Assert.Equal(Finding.PartiallySubstantiated, complaint.Finding);
        Assert.Equal("已补办", complaint.Result);
        Assert.Equal("窗口人员培训", complaint.Measures);
        Assert.Equal(ConcludedAt, complaint.ConcludedAt);
        Assert.True(complaint.ConcludedOnTime);
    }

    [Theory]
    [InlineData(Finding.Substantiated, false)]
    [InlineData(Finding.PartiallySubstantiated, false)]
    [InlineData(Finding.Unsubstantiated, true)]
    [InlineData(Finding.Unverifiable, true)]
    public void Unsubstantiated_or_unverifiable_complaints_are_invalid_complaints_第十四条(Finding finding, bool invalid)
    {
        var complaint = Concluded(finding);

        Assert.Equal(invalid, complaint.IsInvalidComplaint);
        Assert.Equal(invalid ? "true" : "false", complaint.Timeline[^1].Details["invalidComplaint"]);
    }

    [Theory]
    [InlineData(Finding.Unsubstantiated)]
    [InlineData(Finding.Unverifiable)]
    public void An_invalid_finding_needs_an_investigation_step_first_第十四条(Finding finding)
    {
        var complaint = InHandling();

        var error = complaint.Conclude(Weekdays, finding, "不属实", null, Agency, ConcludedAt).ShouldFailWith(ComplaintErrors.InvestigationRequired);
        Assert.Equal("第十四条", error.Article);
        Assert.Equal(ComplaintStatus.InHandling, complaint.Status);

        // The respondent's statement alone does not investigate anything.
        complaint.AddInvestigationRecord(InvestigationMethod.RespondentStatement, "窗口人员称已一次性告知所需材料。", Agency, ConcludedAt).ShouldSucceed();
        complaint.Conclude(Weekdays, finding, "不属实", null, Agency, ConcludedAt).ShouldFailWith(ComplaintErrors.InvestigationRequired);

        complaint.AddInvestigationRecord(InvestigationMethod.OnSiteInvestigation, "现场查看窗口告知单。", Agency, ConcludedAt).ShouldSucceed();
        complaint.Conclude(Weekdays, finding, "不属实", null, Agency, ConcludedAt).ShouldSucceed();
        Assert.True(complaint.IsInvalidComplaint);
    }

    [Theory]
    [InlineData(InvestigationMethod.OnSiteInvestigation)]
    [InlineData(InvestigationMethod.Interview)]
    [InlineData(InvestigationMethod.RecordsRetrieval)]
    [InlineData(InvestigationMethod.Other)]
    public void Any_of_the_methods_of_第十四条_counts_as_an_investigation(InvestigationMethod method)
    {
        var complaint = InHandling();
        complaint.AddInvestigationRecord(method, "核实情况", Agency, ConcludedAt).ShouldSucceed();

        complaint.Conclude(Weekdays, Finding.Unverifiable, "无法核实", null, Agency, ConcludedAt).ShouldSucceed();
    }

    [Fact]
    public void A_valid_finding_on_an_undisputed_case_needs_no_investigation_record_第十三条()
    {
        var complaint = InHandling();
        complaint.AddInvestigationRecord(InvestigationMethod.RespondentStatement, "承认未一次性告知,已改正。", Agency, ConcludedAt).ShouldSucceed();

        complaint.Conclude(Weekdays, Finding.Substantiated, "已补办", null, Agency, ConcludedAt).ShouldSucceed();
    }

    [Fact]
    public void A_statement_that_disputes_the_complaint_must_be_investigated_before_any_finding_第十四条()
    {
        var complaint = InHandling();
        var statement = complaint.AddInvestigationRecord(InvestigationMethod.RespondentStatement, "否认态度恶劣。", Agency, ConcludedAt, disputed: true).ShouldSucceed();
        Assert.True(statement.Disputed);
        Assert.Equal("true", complaint.Timeline[^1].Details["disputed"]);

        var error = complaint.Conclude(Weekdays, Finding.PartiallySubstantiated, "部分属实", null, Agency, ConcludedAt).ShouldFailWith(ComplaintErrors.InvestigationRequired);
        Assert.Contains("争议", error.Message, StringComparison.Ordinal);

        complaint.AddInvestigationRecord(InvestigationMethod.Interview, "谈话核实当日经过。", Agency, ConcludedAt).ShouldSucceed();
        complaint.Conclude(Weekdays, Finding.PartiallySubstantiated, "部分属实", null, Agency, ConcludedAt).ShouldSucceed();
    }

    [Fact]
    public void Only_a_respondent_statement_is_marked_disputed_第十四条()
    {
        var error = InHandling().AddInvestigationRecord(InvestigationMethod.Interview, "谈话", Agency, ConcludedAt, disputed: true).ShouldFailWith(ComplaintErrors.InvalidValue);

        Assert.Equal("disputed", error.Field);
    }

    [Fact]
    public void An_offsite_case_concluded_within_ten_working_days_is_on_time_第十三条()
    {
        var complaint = InHandling();

        complaint.Conclude(Weekdays, Finding.Substantiated, "结果", null, Agency, Cst(2026, 3, 18, 23, 59)).ShouldSucceed();

        Assert.True(complaint.ConcludedOnTime);
    }

    [Fact]
    public void An_offsite_case_concluded_after_ten_working_days_is_late_第十三条()
    {
        var complaint = InHandling();

        complaint.Conclude(Weekdays, Finding.Substantiated, "结果", null, Agency, Cst(2026, 3, 19, 9)).ShouldSucceed();

        Assert.False(complaint.ConcludedOnTime);
    }

    [Fact]
    public void An_extended_case_is_on_time_within_twenty_working_days_第十三条()
    {
        var complaint = InHandling();
        complaint.Extend(Weekdays, "情况复杂", Agency, Later).ShouldSucceed();

        complaint.Conclude(Weekdays, Finding.Substantiated, "结果", null, Agency, Cst(2026, 4, 1, 17)).ShouldSucceed();

        Assert.True(complaint.ConcludedOnTime);
    }

    [Fact]
    public void An_onsite_case_is_concluded_the_same_day_第十三条()
    {
        var sameDay = InHandling(Classification.Onsite);
        var nextDay = InHandling(Classification.Onsite);

        sameDay.Conclude(Weekdays, Finding.Substantiated, "当场协调解决", null, Agency, Cst(2026, 3, 4, 17)).ShouldSucceed();
        nextDay.Conclude(Weekdays, Finding.Substantiated, "次日解决", null, Agency, Cst(2026, 3, 5, 9)).ShouldSucceed();

        Assert.True(sameDay.ConcludedOnTime);
        Assert.False(nextDay.ConcludedOnTime);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_conclusion_states_the_result_第十三条(string? result)
    {
        var complaint = InHandling();

        var error = complaint.Conclude(Weekdays, Finding.Substantiated, result, null, Agency, ConcludedAt).ShouldFailWith(ComplaintErrors.Required);

        Assert.Equal("result", error.Field);
        Assert.Equal(ComplaintStatus.InHandling, complaint.Status);
    }

    [Fact]
    public void Another_agency_cannot_conclude_第五条()
    {
        InHandling().Conclude(Weekdays, Finding.Substantiated, "结果", null, AgencyBStaff, ConcludedAt).ShouldFailWith(ComplaintErrors.NotHandlingAgency);
    }

    [Fact]
    public void The_agency_records_its_investigation_steps_第十四条()
    {
        var complaint = InHandling();

        var first = complaint.AddInvestigationRecord(InvestigationMethod.OnSiteInvestigation, "调取窗口监控", Agency, Later).ShouldSucceed();
        var second = complaint.AddInvestigationRecord(InvestigationMethod.Interview, "与当事工作人员谈话", Agency, Later.AddHours(1)).ShouldSucceed();

        Assert.Equal(1, first.Number);
        Assert.Equal(2, second.Number);
        Assert.Equal([first, second], complaint.InvestigationRecords);
        Assert.Equal(AgencyA, second.AgencyId);
        Assert.Equal("interview", complaint.Timeline[^1].Details["method"]);
        Assert.Equal(ComplaintStatus.InHandling, complaint.Status);
    }

    [Fact]
    public void An_investigation_record_has_a_summary_and_a_known_method_第十四条()
    {
        var complaint = InHandling();

        Assert.Equal("summary", complaint.AddInvestigationRecord(InvestigationMethod.RecordsRetrieval, " ", Agency, Later).ShouldFailWith(ComplaintErrors.Required).Field);
        Assert.Equal("method", complaint.AddInvestigationRecord((InvestigationMethod)9, "x", Agency, Later).ShouldFailWith(ComplaintErrors.InvalidValue).Field);
    }

    [Fact]
    public void An_uninvolved_agency_cannot_record_investigation_steps_第十四条()
    {
        InHandling().AddInvestigationRecord(InvestigationMethod.Other, "x", AgencyBStaff, Later).ShouldFailWith(ComplaintErrors.NotHandlingAgency);
    }
}
