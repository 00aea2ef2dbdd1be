using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Deadlines;
using Complaints.Domain.Identity;
using Complaints.Domain.Jurisdiction;
using Complaints.Domain.Reporting;
using Complaints.Domain.Tests.Cases;
using Complaints.Domain.Tracking;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Common;

/// <summary>
/// #15 item 4: every refusal says what kind it is; the API turns the kind into the HTTP status in one place. These pin
/// the kind of each error constructor and of one refusal of each sort the aggregate gives.
/// </summary>
public class ErrorCategoryTests
{
    [Fact]
    public void Each_factory_gives_its_category()
    {
        Assert.Equal(ErrorCategory.Invalid, DomainError.Invalid("x.y", "m").Category);
        Assert.Equal(ErrorCategory.Unprocessable, DomainError.Unprocessable("x.y", "m").Category);
        Assert.Equal(ErrorCategory.NotFound, DomainError.NotFound("x.y", "m").Category);
        Assert.Equal(ErrorCategory.Forbidden, DomainError.Forbidden("x.y", "m").Category);
        Assert.Equal(ErrorCategory.Conflict, DomainError.Conflict("x.y", "m").Category);
        Assert.Equal(ErrorCategory.PreconditionFailed, DomainError.PreconditionFailed("x.y", "m").Category);
    }

    [Fact]
    public void Naming_the_field_at_fault_keeps_the_category()
    {
        var parsed = PhoneNumber.TryParse("12").Error!;

        var named = parsed with { Field = "complainant.phone" };

        Assert.Equal(ErrorCategory.Invalid, named.Category);
        Assert.Equal(parsed.Code, named.Code);
    }

    [Fact]
    public void A_state_that_does_not_allow_the_action_is_a_conflict()
    {
        Assert.Equal(ErrorCategory.Conflict, ComplaintErrors.Transition(ComplaintStatus.Concluded, ComplaintAction.Extend).Category);
        Assert.Equal(ErrorCategory.Conflict, ComplaintErrors.NotRunning(ComplaintStatus.Concluded, DeadlineKind.OffsiteHandling).Category);
    }

    [Fact]
    public void Acting_outside_ones_role_agency_or_region_is_forbidden()
    {
        Assert.Equal(ErrorCategory.Forbidden, ComplaintErrors.Forbidden(ComplaintAction.Accept, "承办机构").Category);
        Assert.Equal(ErrorCategory.Forbidden, ComplaintErrors.HandlingAgencyOnly(ComplaintAction.Conclude).Category);
        Assert.Equal(ErrorCategory.Forbidden, ComplaintErrors.LeadAgencyOnly(ComplaintAction.Conclude).Category);
        Assert.Equal(ErrorCategory.Forbidden, ComplaintErrors.Officer(ComplaintAction.Accept).Category);
        Assert.Equal(ErrorCategory.Forbidden, ComplaintErrors.ComplainantOnly(ComplaintAction.Withdraw).Category);
    }

    [Fact]
    public void A_missing_too_long_or_undefined_value_is_invalid_and_names_its_field()
    {
        DomainError[] errors =
        [
            ComplaintErrors.Missing("reason", "理由"),
            ComplaintErrors.Missing(ComplaintErrors.FactsRequired, "facts", "事实和理由", "第七条"),
            ComplaintErrors.Long("reason", "理由", 10),
            ComplaintErrors.Undefined("classification"),
        ];

        Assert.All(errors, e => Assert.Equal(ErrorCategory.Invalid, e.Category));
        Assert.All(errors, e => Assert.NotNull(e.Field));
    }

    [Fact]
    public void The_aggregate_refuses_with_the_category_of_the_refusal_第十三条()
    {
        Assert.Equal(ErrorCategory.Conflict, Concluded().Extend(Weekdays, "情况复杂", Agency, Later).ShouldFailWith(ComplaintErrors.InvalidTransition).Category);
        Assert.Equal(ErrorCategory.Forbidden, InHandling().Extend(Weekdays, "情况复杂", Management, Later).ShouldFailWith(ComplaintErrors.NotPermitted).Category);
        Assert.Equal(ErrorCategory.Invalid, InHandling().Extend(Weekdays, " ", Agency, Later).ShouldFailWith(ComplaintErrors.Required).Category);
        Assert.Equal(ErrorCategory.Unprocessable, InHandling(Classification.Onsite).Extend(Weekdays, "情况复杂", Agency, AcceptedAt).ShouldFailWith(ComplaintErrors.ExtensionNotOffsite).Category);

        var extended = InHandling();
        extended.Extend(Weekdays, "情况复杂", Agency, Later).ShouldSucceed();
        Assert.Equal(ErrorCategory.Conflict, extended.Extend(Weekdays, "再次延期", Agency, Later).ShouldFailWith(ComplaintErrors.AlreadyExtended).Category);
    }

    [Fact]
    public void A_complaint_from_before_the_办法_is_unprocessable_第十九条()
    {
        var before = Complaint.Receive(Guid.NewGuid(), "YN202207090001", "hash", Submission(), ReceivingParty.ManagementDepartment(Region), Citizen, Cst(2022, 7, 9, 23, 59))
            .ShouldFailWith(ComplaintErrors.BeforeRegulation);

        Assert.Equal(ErrorCategory.Unprocessable, before.Category);
    }

    [Fact]
    public void Coordinating_agencies_outside_the_departments_region_is_forbidden_第十五条()
    {
        var error = CoordinationRemit.Check("530102", "530102", [("leadAgencyId", "530102"), ("cooperatingAgencyIds", "530103")])!;

        Assert.Equal(ErrorCategory.Forbidden, error.Category);
    }

    [Fact]
    public void Values_that_do_not_parse_are_invalid()
    {
        var today = new DateOnly(2026, 3, 2);
        DomainError[] errors =
        [
            ResidentIdNumber.TryParse("123", today).Error!,
            UnifiedSocialCreditCode.TryParse("123").Error!,
            PhoneNumber.TryParse("12").Error!,
            IdentityDocument.TryParse(IdType.Passport, "", today).Error!,
            TrackingNumber.TryParse("TS-nonsense").Error!,
            QueryCode.TryParse("0").Error!,
            ReportingPeriod.TryParse("2026Q5").Error!,
            HolidayCnFormat.Parse("{").Error!,
        ];

        Assert.All(errors, e => Assert.Equal(ErrorCategory.Invalid, e.Category));
    }

    [Fact]
    public void A_report_for_a_period_before_the_办法_is_refused_naming_the_period_第十九条()
    {
        var error = ReportingDuties.Of(Reporter.Agency("530102"), ReportingPeriod.TryParse("2021").Value).Error!;

        Assert.Equal(ErrorCategory.Invalid, error.Category);
        Assert.Equal("period", error.Field);
    }
}
