using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Supervision;
using Complaints.Domain.Tests.Cases;
using static Complaints.Domain.Tests.Cases.Given;

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

    [Fact]
    public void A_finding_that_orders_rectification_orders_it_on_the_sampled_case_itself_第十六条()
    {
        var order = new RectificationOrder("规范窗口收件", new DateOnly(2026, 4, 1));
        var complaint = Concluded();

        Assert.True(SpotCheckRules.RecordFinding(Sample, [], Sampled, improper: true, order, complaint, Management, Later).ShouldSucceed());
        Assert.Equal(TimelineEventKind.RectificationOrdered, complaint.Timeline[^1].Kind);

        var untouched = Concluded();
        Assert.False(SpotCheckRules.RecordFinding(Sample, [], Sampled, improper: false, null, null, Management, Later).ShouldSucceed());
        Assert.False(SpotCheckRules.RecordFinding(Sample, [], Sampled, improper: true, null, untouched, Management, Later).ShouldSucceed());
        Assert.NotEqual(TimelineEventKind.RectificationOrdered, untouched.Timeline[^1].Kind);
    }

    [Fact]
    public void A_finding_is_checked_before_the_case_and_a_rectification_needs_a_case_the_reviewer_sees_第十六条()
    {
        var order = new RectificationOrder("规范窗口收件", new DateOnly(2026, 4, 1));

        Assert.Equal(("caseId", FieldErrors.Code), Of(SpotCheckRules.RecordFinding(Sample, [], Guid.NewGuid(), improper: true, order, null, Management, Later).Error));
        Assert.Equal(SpotCheckRules.AlreadyReviewedCode, SpotCheckRules.RecordFinding(Sample, [Reviewed], Reviewed, improper: true, order, null, Management, Later).Error!.Code);
        var notFound = SpotCheckRules.RecordFinding(Sample, [], Sampled, improper: true, order, null, Management, Later).ShouldFailWith(SpotCheckRules.NotFoundCode);
        Assert.Equal(ErrorCategory.NotFound, notFound.Category);
        SpotCheckRules.RecordFinding(Sample, [], Sampled, improper: true, order, InHandling(), Management, Later).ShouldFailWith(ComplaintErrors.InvalidTransition);
    }

    private static (string? Field, string Code) Of(DomainError? error)
    {
        Assert.NotNull(error);
        return (error.Field, error.Code);
    }
}
