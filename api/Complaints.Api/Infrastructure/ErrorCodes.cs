namespace Complaints.Api.Infrastructure;

/// <summary>Stable machine codes for problems that do not come from a domain rule.</summary>
public static class ErrorCodes
{
    public const string Validation = "request.validation_failed";
    public const string Malformed = "request.malformed";
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    public const string TooLarge = "request.too_large";
    public const string NotFound = "resource.not_found";
    public const string MethodNotAllowed = "request.method_not_allowed";
    public const string Unauthorized = "auth.unauthenticated";
    public const string Forbidden = "auth.forbidden";
    public const string Conflict = "resource.conflict";
    public const string PreconditionFailed = "resource.precondition_failed";
    public const string RateLimited = "request.rate_limited";
    public const string Unavailable = "server.unavailable";
    public const string ServerError = "server.error";

    /// <summary>The codes published in the contract's <c>ProblemDetails.code</c> description, with their meaning.</summary>
    public static readonly IReadOnlyList<(string Code, string Meaning)> Documented =
    [
        (Validation, "请求字段不符合要求(见 errors)。A field is missing or invalid; see `errors`."),
        (Malformed, "请求体不是有效的 JSON 或参数格式错误。Malformed body or parameter."),
        (UnsupportedMediaType, "不支持的 Content-Type。Unsupported media type."),
        (TooLarge, "请求内容过大。Payload too large."),
        (NotFound, "资源不存在。Not found."),
        (MethodNotAllowed, "不支持的请求方法。Method not allowed."),
        (Unauthorized, "未提供令牌或令牌无效。Missing or invalid token."),
        (Forbidden, "角色或辖区无权操作。Not permitted."),
        (Conflict, "与资源当前状态冲突。Conflict."),
        (PreconditionFailed, "If-Match 不符。Precondition failed."),
        (RateLimited, "请求过于频繁。Rate limited."),
        (Unavailable, "依赖的服务暂不可用。A dependency is unavailable."),
        (ServerError, "服务器内部错误。Server error."),
        ("idempotency.invalid_key", "Idempotency-Key 长度不符。Invalid Idempotency-Key."),
        ("idempotency.key_reused", "同一 Idempotency-Key 用于不同请求体(422)。Key reused with another body."),
        ("idempotency.in_progress", "同一 Idempotency-Key 的请求仍在处理(409)。Still in progress."),
        ("complaint.not_found", "投诉不存在或不可见(404)。Complaint not found."),
        ("complaint.invalid_transition", "法规不允许在当前状态下执行此操作(409,见 article)。Transition forbidden by the rules."),
        ("complaint.precondition_failed", "案件已被修改,ETag 不匹配(412)。The case changed."),
        ("complaint.concurrent_change", "并发操作冲突,请重新读取(409)。Concurrent change."),
        ("complaint.*", "其他投诉规则码,detail 与 article 说明原因。Other rule violations; see detail and article."),
        ("evidence.*", "证明材料被拒绝:类型、大小、像素或主动内容。Evidence refused."),
        ("document.*", "文书不可用或不支持所请求的格式。Document unavailable."),
        ("report.*", "报告规则(第十八条)。Reporting rules."),
        ("spot_check.*", "抽查规则(第十六条)。Spot-check rules."),
        ("statistics.*", "统计范围无效或无权查看。Statistics scope."),
    ];

    /// <summary>A problem <c>type</c> URI for each status: the RFC section that defines it.</summary>
    public static string TypeForStatus(int status) => status switch
    {
        429 => "https://www.rfc-editor.org/rfc/rfc6585#section-4",
        400 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
        401 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2",
        403 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        404 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        405 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6",
        406 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7",
        409 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        412 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13",
        413 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        415 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16",
        422 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21",
        503 => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
    };

    public static string ForStatus(int status) => status switch
    {
        400 => Malformed,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        412 => PreconditionFailed,
        413 => TooLarge,
        415 => UnsupportedMediaType,
        422 => Validation,
        429 => RateLimited,
        503 => Unavailable,
        _ => status >= 500 ? ServerError : "request.error",
    };

    /// <summary>Chinese titles: api.md asks for human text in Chinese.</summary>
    public static string TitleForStatus(int status) => status switch
    {
        400 => "请求格式错误",
        401 => "未认证或令牌无效",
        403 => "无权执行此操作",
        404 => "资源不存在",
        405 => "不支持的请求方法",
        409 => "操作冲突",
        412 => "资源已被修改",
        413 => "请求内容过大",
        415 => "不支持的内容类型",
        422 => "请求内容无法处理",
        429 => "请求过于频繁",
        503 => "服务暂不可用",
        _ => status >= 500 ? "服务器内部错误" : "请求错误",
    };
}
