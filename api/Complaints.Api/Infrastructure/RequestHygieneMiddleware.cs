using Microsoft.AspNetCore.Mvc;
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

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentType is { } contentType && !IsUtf8OrNoCharset(contentType))
        {
            await WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "请求内容的字符集不受支持:请使用 UTF-8。", "Content-Type");
            return;
        }

        var field = request.Path.HasValue && ControlCharacters.Contains(request.Path.Value) ? "path"
            : request.Query.FirstOrDefault(q => ControlCharacters.Contains(q.Key) || q.Value.Any(v => v is not null && ControlCharacters.Contains(v))).Key
            ?? StoredHeaders.FirstOrDefault(h => request.Headers[h].Any(v => v is not null && ControlCharacters.Contains(v)));
        if (field is not null)
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, ErrorCodes.Validation, ControlCharacters.Message(field), field);
            return;
        }

        await next(http);
    }

    private static bool IsUtf8OrNoCharset(string contentType)
    {
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
