using System.Diagnostics;
using System.Text.Json;
using Complaints.Domain.Cases;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// RFC 9457 problem+json for every error the service can produce, each with a stable
/// <c>code</c> and a <c>traceId</c>: rule violations, binding failures, unknown routes and bugs.
/// </summary>
public static class ProblemHandling
{
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Status = status;
            if (problem is HttpValidationProblemDetails validation && validation.Errors.Count > 0)
            {
                // The declared request rules (AddValidation): every field at fault at once, keyed by its JSON path.
                DeclaredRules(validation);
            }

            problem.Extensions.TryAdd("code", ErrorCodes.ForStatus(status));
            problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            if (problem.Title is null || problem.Title.StartsWith("One or more", StringComparison.Ordinal) || IsDefaultTitle(problem.Title))
            {
                problem.Title = ErrorCodes.TitleForStatus(status);
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Type ??= ErrorCodes.TypeForStatus(status);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseApiProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// A problem with a stable code, in Chinese, optionally naming the fields at fault. For <see cref="DomainProblems"/>
    /// and the middleware; a handler returns a <see cref="Domain.Common.DomainError"/> instead and lets its category choose the status.
    /// </summary>
    public static ProblemHttpResult Problem(int status, string code, string detail, IDictionary<string, string[]>? errors = null, string? title = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errors is not null)
        {
            extensions["errors"] = errors;
        }

        return TypedResults.Problem(detail: detail, statusCode: status, title: title ?? ErrorCodes.TitleForStatus(status), extensions: extensions);
    }

    /// <summary>
    /// A refusal by the declared rules of the request records (Validation/FieldRules.cs). The framework names members
    /// as declared in C# (<c>Respondent.AgencyId</c>); clients know them by their JSON path (<c>respondent.agencyId</c>).
    /// </summary>
    private static void DeclaredRules(HttpValidationProblemDetails problem)
    {
        var byPath = problem.Errors.ToDictionary(e => JsonPath(e.Key), e => e.Value, StringComparer.Ordinal);
        problem.Errors.Clear();
        foreach (var (path, messages) in byPath)
        {
            problem.Errors[path] = messages;
        }

        problem.Title = "请求参数无效";
        problem.Type = ErrorCodes.TypeForStatus(StatusCodes.Status400BadRequest);
        problem.Detail = $"请求中有 {byPath.Count} 个字段不符合要求,见 errors。";
        problem.Extensions["code"] = ErrorCodes.Validation;
    }

    private static string JsonPath(string member) =>
        string.Join('.', member.Split('.').Select(segment =>
        {
            var index = segment.IndexOf('[', StringComparison.Ordinal);
            return index < 0 ? JsonNamingPolicy.CamelCase.ConvertName(segment) : JsonNamingPolicy.CamelCase.ConvertName(segment[..index]) + segment[index..];
        }));

    /// <summary>A request value at fault, named by its field: an <see cref="Domain.Common.ErrorCategory.Invalid"/> refusal.</summary>
    public static ProblemHttpResult Validation(string field, string message, string code = ErrorCodes.Validation) =>
        Domain.Common.DomainError.Invalid(code, message, field: field).ToProblem();

    private static bool IsDefaultTitle(string title) =>
        title is "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Method Not Allowed" or "Conflict"
            or "Precondition Failed" or "Payload Too Large" or "Content Too Large" or "Unsupported Media Type" or "Unprocessable Entity"
            or "Too Many Requests" or "Service Unavailable" or "An error occurred while processing your request.";
}

/// <summary>
/// Writes every problem as problem+json with the customisations above, whatever the request's <c>Accept</c> (a PDF
/// request refused with 406 still gets the same body as everything else); the framework's writer declines such
/// requests and the result then falls back to a bare body without <c>code</c>/<c>traceId</c>.
/// </summary>
internal sealed class ProblemJsonWriter(Microsoft.Extensions.Options.IOptions<ProblemDetailsOptions> options, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(context.ProblemDetails, json.Value.SerializerOptions, "application/problem+json", context.HttpContext.RequestAborted));
    }
}

/// <summary>Turns binding failures into 400/413/415 naming the field, an unavailable dependency into 503, and bugs into a bare 500.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = FromBadRequest(bad);
        }
        else if (exception is Persistence.UnstorableTextException)
        {
            // Normally refused at the edge (ControlCharacters); a value that got past it is still bad input, not a bug.
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "请求参数无效",
                Detail = "请求中含有无法保存的字符(如 U+0000)。",
                Extensions = { ["code"] = ErrorCodes.Validation },
            };
        }
        else if (DependencyFailures.Find(exception) is { } dependency)
        {
            // Not the caller's fault and not a bug: the client may retry. No exception text in any environment.
            logger.LogWarning(exception, "Dependency {Dependency} unavailable on {Method} {Path}", dependency, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = DependencyFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = ErrorCodes.TitleForStatus(503),
                Detail = "服务依赖的组件暂时不可用,请稍后重试。",
                Extensions = { ["code"] = ErrorCodes.Unavailable, ["dependency"] = dependency },
            };
        }
        else
        {
            // The exception text never leaves the process, in any environment: it may carry personal data; the traceId
            // in the body finds the logged exception.
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = ErrorCodes.TitleForStatus(500),
                Detail = "服务器处理请求时发生错误,请稍后重试。",
                Extensions = { ["code"] = ErrorCodes.ServerError },
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad)
    {
        var status = bad.StatusCode;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = ErrorCodes.TitleForStatus(status),
            Extensions = { ["code"] = ErrorCodes.ForStatus(status) },
        };

        if (FindJsonException(bad) is ControlCharacterException control)
        {
            var field = control.Field;
            problem.Title = "请求参数无效";
            problem.Detail = ControlCharacters.Message(field);
            problem.Extensions["code"] = ErrorCodes.Validation;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [problem.Detail] };
        }
        else if (FindJsonException(bad) is { } json)
        {
            // The JSON path names the field; the reader's message does not echo the value.
            var field = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
            problem.Detail = $"请求体不是有效的 JSON,或字段「{field}」的值类型不正确。";
            if (field == "reason" && Names<Cases.AcceptanceRequest>(json))
            {
                // 第八条: say which reasons there are, in the 办法's words; the wire values go in their own member.
                problem.Detail = $"不予受理的理由应为第八条所列情形之一:{ChineseNames.AllNotAcceptedReasons()}。";
                problem.Extensions["allowedValues"] = Enum.GetValues<NotAcceptedReason>().Select(WireNames.Of).ToArray();
            }

            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [problem.Detail] };
        }
        else
        {
            problem.Detail = status switch
            {
                StatusCodes.Status415UnsupportedMediaType => "请求的 Content-Type 不受支持。",
                StatusCodes.Status413PayloadTooLarge => "请求内容超过允许的大小。",
                _ => DescribeBindingFailure(bad.Message),
            };
            if (ParameterName(bad.Message) is { } parameter)
            {
                problem.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [problem.Detail] };
            }
        }

        return problem;
    }

    // System.Text.Json names the type whose member failed ("could not be converted to Complaints.Api.Cases.AcceptanceRequest.
    // Path: $.reason"), not the member's own type, so a field is recognised by its request type and path.
    private static bool Names<TRequest>(JsonException json) =>
        json.Message.Contains(typeof(TRequest).FullName!, StringComparison.Ordinal);

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    // Framework messages look like: Failed to bind parameter "Guid id" from "abc".
    private static string? ParameterName(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end <= start)
        {
            return null;
        }

        var declaration = message[(start + 1)..end];
        var space = declaration.LastIndexOf(' ');
        return space < 0 ? declaration : declaration[(space + 1)..];
    }

    private static string DescribeBindingFailure(string message) =>
        message.Contains("Required parameter", StringComparison.Ordinal) ? "缺少必需的参数。"
        : message.Contains("Implicit body", StringComparison.Ordinal) || message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "请求体缺失或格式不正确。"
        : "请求参数格式不正确。";
}
