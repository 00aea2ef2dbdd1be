using System.Text.RegularExpressions;
using Complaints.Api.Infrastructure;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Common;

namespace Complaints.Api.Tests.Foundation;

/// <summary>
/// #15 item 4: a refusal carries its category, and one place (Infrastructure/DomainProblems) turns the category into the
/// HTTP status; handlers never pick one.
/// </summary>
public sealed partial class ErrorCategoryTests
{
    /// <summary>
    /// Where a status may be chosen: the one mapping, and the middleware and exception handler whose answers are not a
    /// handler's refusal (binding 400/413/415, charset 415, control characters, budgets 429, idempotency 400/409/422,
    /// dependencies 503, bugs 500, the metrics port's 404).
    /// </summary>
    private static readonly string[] MayChooseAStatus =
    [
        "Infrastructure/DomainProblems.cs",
        "Infrastructure/ProblemHandling.cs",
        "Infrastructure/RequestHygieneMiddleware.cs",
        "Infrastructure/RateLimits.cs",
        "Infrastructure/Observability.cs",
        "Idempotency/IdempotencyMiddleware.cs",
    ];

    [Fact]
    public void No_handler_chooses_a_status_code()
    {
        var root = Path.Combine(RepoPaths.Root, "api/Complaints.Api");
        var offenders = System.IO.Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !MayChooseAStatus.Contains(Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'), StringComparer.Ordinal))
            .SelectMany(f => ChoosesAStatus().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(root, f)}: {m.Value}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("return ProblemHandling.Problem(StatusCodes.Status409Conflict, \"x.y\", \"m\");")]
    [InlineData("return TypedResults.NotFound();")]
    [InlineData("return Results.Conflict();")]
    [InlineData("return TypedResults.StatusCode(StatusCodes.Status403Forbidden);")]
    [InlineData("http.Response.StatusCode = 404;")]
    [InlineData("return TypedResults.Problem(detail: \"m\", statusCode: 422);")]
    public void The_scan_sees_a_status_chosen_in_a_handler(string line) => Assert.Matches(ChoosesAStatus(), line);

    [Theory]
    [InlineData(".ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)")]
    [InlineData(".Produces<Dictionary<string, Dictionary<string, string>>>(StatusCodes.Status200OK)")]
    [InlineData("catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)")]
    [InlineData("return TypedResults.StatusCode(StatusCodes.Status304NotModified);")]
    [InlineData("return DomainError.Conflict(\"x.y\", \"m\").ToProblem();")]
    public void The_scan_leaves_contract_declarations_reads_and_not_modified_alone(string line) => Assert.DoesNotMatch(ChoosesAStatus(), line);

    [Theory]
    [InlineData(ErrorCategory.Invalid, 400)]
    [InlineData(ErrorCategory.Unprocessable, 422)]
    [InlineData(ErrorCategory.NotFound, 404)]
    [InlineData(ErrorCategory.Forbidden, 403)]
    [InlineData(ErrorCategory.Conflict, 409)]
    [InlineData(ErrorCategory.PreconditionFailed, 412)]
    [InlineData(ErrorCategory.TooLarge, 413)]
    [InlineData(ErrorCategory.UnsupportedMediaType, 415)]
    [InlineData(ErrorCategory.NotAcceptable, 406)]
    [InlineData(ErrorCategory.TooManyRequests, 429)]
    [InlineData(ErrorCategory.Unavailable, 503)]
    public void Each_category_answers_with_one_status(ErrorCategory category, int status)
    {
        Assert.Equal(status, DomainProblems.StatusOf(category));
        Assert.Equal(status, new DomainError(category, "x.y", "m").ToProblem().StatusCode);
    }

    [Fact]
    public void Every_category_has_a_status() =>
        Assert.All(Enum.GetValues<ErrorCategory>(), c => Assert.InRange(DomainProblems.StatusOf(c), 400, 599));

    [Fact]
    public void A_refusal_keeps_its_code_message_field_and_article_on_the_wire()
    {
        var problem = DomainError.Conflict("complaint.already_extended", "本投诉已延期一次。", "第十三条", "reason").ToProblem().ProblemDetails;

        Assert.Equal(409, problem.Status);
        Assert.Equal("当前状态不允许此操作", problem.Title);
        Assert.Equal("本投诉已延期一次。", problem.Detail);
        Assert.Equal("complaint.already_extended", problem.Extensions["code"]);
        Assert.Equal("第十三条", problem.Extensions["article"]);
        var errors = Assert.IsType<Dictionary<string, string[]>>(problem.Extensions["errors"]);
        Assert.Equal(new[] { "本投诉已延期一次。" }, errors["reason"]);
    }

    [Fact]
    public void An_invalid_value_is_titled_after_its_field_and_a_malformed_request_after_the_request()
    {
        Assert.Equal("请求参数无效", DomainError.Invalid("x.y", "m", field: "f").ToProblem().ProblemDetails.Title);
        Assert.Equal("请求格式错误", DomainError.Invalid("x.y", "m").ToProblem().ProblemDetails.Title);
    }

    // A status constant not declared for the contract (.Produces/.ProducesProblem), not compared (==) and not 304 (a
    // conditional GET's answer, not a refusal); a TypedResults/Results factory that is a status; a status assigned or named.
    [GeneratedRegex(@"(?<!==\s*)(?<!\.Produces\w*(<.*>)?\()StatusCodes\.Status(?!304)\d{3}|\b(Typed)?Results\.(NotFound|Conflict|Forbid|BadRequest|UnprocessableEntity|StatusCode(?!\(StatusCodes\.Status304)|Problem|ValidationProblem|Unauthorized|InternalServerError|Challenge)\b|ProblemHandling\.Problem\(|\bStatusCode\s*=(?!=)|\bstatusCode:")]
    private static partial Regex ChoosesAStatus();
}
