using Microsoft.Net.Http.Headers;

namespace Complaints.Api.Documents;

internal enum DocumentFormat
{
    Json,
    Html,
    Pdf,
}

/// <summary>Content negotiation for the forms: the caller's <c>Accept</c> decides, JSON when it does not care.</summary>
internal static class DocumentFormats
{
    public const string Json = "application/json";
    public const string Html = "text/html";
    public const string Pdf = "application/pdf";

    /// <summary>
    /// The format of the highest-quality media range that names one (RFC 9110 §12.5.1; among equals,
    /// the first listed). No <c>Accept</c>, <c>*/*</c> and <c>application/*</c> mean JSON; <c>text/*</c>
    /// means HTML. Null when nothing acceptable is offered (406).
    /// </summary>
    public static DocumentFormat? Negotiate(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges) || ranges.Count == 0)
        {
            // An Accept header that does not parse is treated as absent, as the framework's own formatters do.
            return DocumentFormat.Json;
        }

        foreach (var range in ranges.Select((r, i) => (Range: r, Order: i)).OrderByDescending(x => x.Range.Quality ?? 1).ThenBy(x => x.Order))
        {
            if (range.Range.Quality is <= 0)
            {
                continue;
            }

            var type = range.Range.MediaType.Value?.ToLowerInvariant();
            DocumentFormat? format = type switch
            {
                Json or "application/*" or "*/*" => DocumentFormat.Json,
                Html or "text/*" => DocumentFormat.Html,
                Pdf => DocumentFormat.Pdf,
                _ => null,
            };
            if (format is not null)
            {
                return format;
            }
        }

        return null;
    }
}
