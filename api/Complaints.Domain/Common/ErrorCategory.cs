namespace Complaints.Domain.Common;

/// <summary>
/// What kind of refusal a <see cref="DomainError"/> is. The API turns each category into one HTTP status in one place
/// (<c>Infrastructure/DomainProblems</c>); nothing else chooses a status for a refusal.
/// </summary>
public enum ErrorCategory
{
    /// <summary>A value of the request is wrong or missing; the refusal names the field (400).</summary>
    Invalid,

    /// <summary>The request is well-formed, but the rules refuse what it asks as a whole (422), e.g. a complaint received before the 办法 applied.</summary>
    Unprocessable,

    /// <summary>There is no such thing, or the caller may not know that there is (404).</summary>
    NotFound,

    /// <summary>The caller's role, agency or region may not do this (403).</summary>
    Forbidden,

    /// <summary>The thing is not in a state that allows this: already done, not yet possible, changed meanwhile (409).</summary>
    Conflict,

    /// <summary>The caller acted on a version that is no longer current (If-Match, 412).</summary>
    PreconditionFailed,

    /// <summary>An upload or a count beyond its limit (413).</summary>
    TooLarge,

    /// <summary>A kind of content that is not accepted (415).</summary>
    UnsupportedMediaType,

    /// <summary>None of the formats the caller accepts can be given (406).</summary>
    NotAcceptable,

    /// <summary>Too many attempts; the caller waits before trying again (429).</summary>
    TooManyRequests,

    /// <summary>The service cannot do it now, through no fault of the request; the caller retries later (503).</summary>
    Unavailable,
}
