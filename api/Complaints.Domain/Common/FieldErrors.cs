namespace Complaints.Domain.Common;

/// <summary>
/// A request field a rule refuses in this request (e.g. one the caller's side must not send). It carries the same code as
/// the declared request rules, because to the client it is one more field at fault.
/// </summary>
public static class FieldErrors
{
    public const string Code = "request.validation_failed";

    public static DomainError Invalid(string field, string message) => DomainError.Invalid(Code, message, null, field);
}
