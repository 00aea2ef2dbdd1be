namespace Complaints.Domain.Common;

/// <summary>
/// A rule violation as a value. <see cref="Category"/> says what kind of refusal it is (the API maps it to the HTTP
/// status); <see cref="Code"/> is stable and machine-readable (e.g. <c>complaint.invalid_transition</c>);
/// <see cref="Message"/> is Chinese for people; <see cref="Article"/> names the article of the regulation (e.g. 第十三条)
/// where one applies; <see cref="Field"/> names the request field at fault, when there is one.
/// </summary>
public sealed record DomainError(ErrorCategory Category, string Code, string Message, string? Article = null, string? Field = null)
{
    public static DomainError Invalid(string code, string message, string? article = null, string? field = null) =>
        new(ErrorCategory.Invalid, code, message, article, field);

    public static DomainError Unprocessable(string code, string message, string? article = null, string? field = null) =>
        new(ErrorCategory.Unprocessable, code, message, article, field);

    public static DomainError NotFound(string code, string message, string? article = null) =>
        new(ErrorCategory.NotFound, code, message, article);

    public static DomainError Forbidden(string code, string message, string? article = null, string? field = null) =>
        new(ErrorCategory.Forbidden, code, message, article, field);

    public static DomainError Conflict(string code, string message, string? article = null, string? field = null) =>
        new(ErrorCategory.Conflict, code, message, article, field);

    public static DomainError PreconditionFailed(string code, string message) =>
        new(ErrorCategory.PreconditionFailed, code, message);
}

/// <summary>Either a value or the rule violation that prevented it.</summary>
public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, DomainError? error)
    {
        _value = value;
        Error = error;
    }

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => Error is null ? _value! : throw new InvalidOperationException($"No value: {Error.Code}");

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(DomainError error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(DomainError error) => Fail(error);
}

/// <summary>The outcome of an action that produces no value.</summary>
public readonly record struct Outcome
{
    private Outcome(DomainError? error) => Error = error;

    public DomainError? Error { get; }

    public bool IsSuccess => Error is null;

    public static Outcome Ok() => new(null);

    public static Outcome Fail(DomainError error) => new(error);

    public static implicit operator Outcome(DomainError error) => Fail(error);
}
