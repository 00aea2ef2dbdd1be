using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// Refuses, before routing, what no endpoint can handle: a body in a character set other than UTF-8 (415; JSON is
/// UTF-8, RFC 8259, and an unknown charset made the JSON reader throw), and control characters in the path, the
/// query or the headers the service stores (400 naming which).
/// </summary>
public sealed class RequestHygieneMiddleware(RequestDelegate next, IProblemDetailsService problems)
{
    private static readonly string[] StoredHeaders = ["Idempotency-Key", "If-Match"];

    // Not async, and loops rather than LINQ: this runs for every request, and its lambdas and boxed header values
    // were allocated each time.
    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentType is { } contentType && !IsUtf8OrNoCharset(contentType))
        {
            return WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "请求内容的字符集不受支持:请使用 UTF-8。", "Content-Type");
        }

        if (FieldWithControlCharacters(request) is { } field)
        {
            return WriteAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.Validation, ControlCharacters.Message(field), field);
        }

        return next(http);
    }

    /// <summary>The first of the path, a query parameter (by name) or a stored header that holds a control character.</summary>
    private static string? FieldWithControlCharacters(HttpRequest request)
    {
        if (request.Path.HasValue && ControlCharacters.Contains(request.Path.Value))
        {
            return "path";
        }

        if (request.QueryString.HasValue)
        {
            foreach (var (name, values) in request.Query)
            {
                if (ControlCharacters.Contains(name) || AnyContains(values))
                {
                    return name;
                }
            }
        }

        foreach (var header in StoredHeaders)
        {
            if (AnyContains(request.Headers[header]))
            {
                return header;
            }
        }

        return null;
    }

    private static bool AnyContains(StringValues values)
    {
        foreach (var value in values)
        {
            if (value is not null && ControlCharacters.Contains(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUtf8OrNoCharset(string contentType)
    {
        // JSON without parameters, the usual case, has no charset to check: no parse.
        if (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        if (!media.Charset.HasValue)
        {
            return true;
        }

        var charset = media.Charset.Value!.Trim('"');
        return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private Task WriteAsync(HttpContext http, int status, string code, string detail, string field)
    {
        http.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = status,
                Title = status == 400 ? "请求参数无效" : ErrorCodes.TitleForStatus(status),
                Detail = detail,
                Extensions = { ["code"] = code, ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } },
            },
        }).AsTask();
    }
}
