using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Jurisdiction;
using Complaints.Domain.Reporting;
using Complaints.Domain.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Complaints.Api.Infrastructure;

/// <summary>The one place where a rule violation becomes an HTTP problem (style.md: one mapping point).</summary>
public static class DomainProblems
{
    /// <summary>A case that is not there and a case outside the caller's remit answer alike: nothing is revealed.</summary>
    public static ProblemHttpResult ComplaintNotFound() =>
        ProblemHandling.Problem(StatusCodes.Status404NotFound, "complaint.not_found", "投诉不存在。");

    public static ProblemHttpResult ToProblem(this DomainError error)
    {
        var status = StatusFor(error);
        var errors = error.Field is { } field ? new Dictionary<string, string[]> { [field] = [error.Message] } : null;
        var problem = ProblemHandling.Problem(status, error.Code, error.Message, errors, TitleFor(status));
        if (error.Article is { } article)
        {
            problem.ProblemDetails.Extensions["article"] = article;
        }

        return problem;
    }

    private static int StatusFor(DomainError error) => error.Code switch
    {
        // A state the rules forbid acting in: the request is fine, the case is not in a state for it.
        ComplaintErrors.InvalidTransition or ComplaintErrors.RectificationInvalidTransition or ComplaintErrors.AlreadyRated
            or ComplaintErrors.AlreadyExtended or ComplaintErrors.AlreadyReportedMajor or ComplaintErrors.RectificationOpen
            or ComplaintErrors.NoRectification or ComplaintErrors.ExtensionAfterDeadline or ComplaintErrors.MergeTargetClosed
            or ComplaintErrors.RelatedCaseNotOpen or ComplaintErrors.RelatedCaseNotConcluded or ComplaintErrors.DeadlineNotRunning
            or ComplaintErrors.NotOverdue or ComplaintErrors.InvestigationRequired or ComplaintErrors.NoticeAlreadyDelivered
            or ReportSubmission.PeriodNotEndedCode or ReportSubmission.AlreadySubmittedCode or SpotCheckRules.AlreadyReviewedCode => StatusCodes.Status409Conflict,
        ComplaintErrors.NotPermitted or ComplaintErrors.NotHandlingAgency or ComplaintErrors.NotLeadAgency
            or ComplaintErrors.OfficerRequired or ComplaintErrors.NotComplainant or ComplaintErrors.ReceivingAgencyNotRespondent
            or ComplaintErrors.MergeTargetOtherAgency or CoordinationRemit.OutsideRemitCode
            or ReportSubmission.ForbiddenCode or SpotCheckRules.ForbiddenCode => StatusCodes.Status403Forbidden,
        _ when error.Field is not null => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status409Conflict => "当前状态不允许此操作",
        StatusCodes.Status403Forbidden => "无权执行此操作",
        StatusCodes.Status400BadRequest => "请求参数无效",
        _ => ErrorCodes.TitleForStatus(status),
    };
}
