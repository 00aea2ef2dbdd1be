using Complaints.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// The one place where a refusal becomes an HTTP problem (style.md: one mapping point): its category decides the status
/// and the title. Handlers return a <see cref="DomainError"/> and never choose a status (<c>Foundation/ErrorCategoryTests</c>
/// fails when one does). Refusals of the middleware (401, 415 charset, 429 budgets, idempotency, 503 dependencies, 500)
/// are made where they happen, by <see cref="ProblemHandling"/>.
/// </summary>
public static class DomainProblems
{
    /// <summary>
    /// The title of refusals answered 409 before categories existed outside the domain ("操作冲突"); kept so that no
    /// answer changes on the wire. A domain conflict is titled after what it is: the state does not allow the action.
    /// </summary>
    public const string GenericConflictTitle = "操作冲突";

    /// <summary>A case that is not there and a case outside the caller's remit answer alike: nothing is revealed.</summary>
    public static ProblemHttpResult ComplaintNotFound() =>
        DomainError.NotFound("complaint.not_found", "投诉不存在。").ToProblem();

    /// <summary>Another request changed the same complaint between this one's read and its save.</summary>
    public static ProblemHttpResult ConcurrentChange() =>
        DomainError.Conflict("complaint.concurrent_change", "该投诉刚被他人修改,请刷新后重试。").ToProblem(GenericConflictTitle);

    /// <param name="error">The refusal.</param>
    /// <param name="title">A title of the refusal's own, for the few whose published title is more specific than the category's.</param>
    public static ProblemHttpResult ToProblem(this DomainError error, string? title = null)
    {
        var status = StatusOf(error.Category);
        var errors = error.Field is { } field ? new Dictionary<string, string[]> { [field] = [error.Message] } : null;
        var problem = ProblemHandling.Problem(status, error.Code, error.Message, errors, title ?? TitleOf(error));
        if (error.Article is { } article)
        {
            problem.ProblemDetails.Extensions["article"] = article;
        }

        return problem;
    }

    public static int StatusOf(ErrorCategory category) => category switch
    {
        ErrorCategory.Invalid => StatusCodes.Status400BadRequest,
        ErrorCategory.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        ErrorCategory.NotFound => StatusCodes.Status404NotFound,
        ErrorCategory.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCategory.Conflict => StatusCodes.Status409Conflict,
        ErrorCategory.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorCategory.TooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorCategory.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorCategory.NotAcceptable => StatusCodes.Status406NotAcceptable,
        ErrorCategory.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorCategory.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Every category maps to a status."),
    };

    private static string TitleOf(DomainError error) => error.Category switch
    {
        // A field at fault is named; a request malformed as a whole (e.g. a broken multipart body) is not.
        ErrorCategory.Invalid => error.Field is null ? ErrorCodes.TitleForStatus(StatusCodes.Status400BadRequest) : "请求参数无效",
        ErrorCategory.Conflict => "当前状态不允许此操作",
        ErrorCategory.NotAcceptable => "无法提供所请求的格式",
        var category => ErrorCodes.TitleForStatus(StatusOf(category)),
    };
}
