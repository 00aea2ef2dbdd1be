using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Supervision;

namespace Complaints.Domain.Tests.Supervision;

/// <summary>第十六条 抽查: what a department may draw, and what a finding on a sampled case may order.</summary>
public class SpotCheckRulesTests
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly Guid Sampled = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Reviewed = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid[] Sample = [Sampled, Reviewed];

    [Fact]
    public void A_department_spot_checks_its_own_division_and_below_第十六条()
    {
        Assert.Null(SpotCheckRules.CheckDraw("530100", "530100", March, March.AddDays(30)));
        Assert.Null(SpotCheckRules.CheckDraw("530100", "530102", March, March.AddDays(30)));

        var error = SpotCheckRules.CheckDraw("530102", "530100", March, March.AddDays(30))!;
        Assert.Equal(SpotCheckRules.ForbiddenCode, error.Code);
        Assert.Equal(SpotCheckRules.ForbiddenCode, SpotCheckRules.CheckDraw("530102", "530103", March, March)!.Code);
    }

    [Fact]
    public void A_spot_check_covers_a_period_that_cases_can_have_第十六条()
    {
        Assert.Equal(("to", FieldErrors.Code), Of(SpotCheckRules.CheckDraw("530100", "530100", March, March.AddDays(-1))));
        Assert.Equal(("from", FieldErrors.Code), Of(SpotCheckRules.CheckDraw("530100", "530100", new DateOnly(1999, 12, 31), March)));
        Assert.Equal(("to", FieldErrors.Code), Of(SpotCheckRules.CheckDraw("530100", "530100", March, new DateOnly(2100, 1, 1))));
        Assert.Null(SpotCheckRules.CheckDraw("530100", "530100", SpotCheckRules.EarliestDate, SpotCheckRules.LatestDate));
    }

    [Fact]
    public void A_finding_is_recorded_once_for_a_case_of_the_sample_第十六条()
    {
        Assert.Null(SpotCheckRules.CheckFinding(Sample, [Reviewed], Sampled, improper: false, ordersRectification: false, null));
        Assert.Equal(("caseId", FieldErrors.Code), Of(SpotCheckRules.CheckFinding(Sample, [], Guid.NewGuid(), improper: false, ordersRectification: false, null)));
        Assert.Equal(SpotCheckRules.AlreadyReviewedCode, SpotCheckRules.CheckFinding(Sample, [Reviewed], Reviewed, improper: false, ordersRectification: false, null)!.Code);
    }

    [Fact]
    public void Only_an_improper_handling_orders_rectification_and_with_a_due_date_第十六条()
    {
        var due = new DateOnly(2026, 4, 1);

        Assert.Null(SpotCheckRules.CheckFinding(Sample, [], Sampled, improper: true, ordersRectification: true, due));
        Assert.Equal(("rectification", FieldErrors.Code), Of(SpotCheckRules.CheckFinding(Sample, [], Sampled, improper: false, ordersRectification: true, due)));
        Assert.Equal(("rectification.dueDate", ComplaintErrors.Required), Of(SpotCheckRules.CheckFinding(Sample, [], Sampled, improper: true, ordersRectification: true, null)));
    }

    private static (string? Field, string Code) Of(DomainError? error)
    {
        Assert.NotNull(error);
        return (error.Field, error.Code);
    }
}
