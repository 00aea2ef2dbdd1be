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
