using System.ComponentModel.DataAnnotations;

namespace Complaints.Api.Validation;

// The request rules of the contract (issue #10 item 5), declared once on the request records. The framework's
// minimal-API validation (AddValidation) enforces them before a handler or a rate-limit budget is reached, and the
// OpenAPI generator publishes the same attributes as required / maxLength / minLength / pattern / minimum / maximum
// / maxItems. They are the DataAnnotations attributes themselves (both read them by type), only with Chinese
// messages: the error is keyed by the field's JSON path, so the message need not repeat the field's name.
// Rules that need the case, the caller or the database stay in the domain and the handlers.

/// <summary>
/// The field must be present; a text must hold more than white space; an id must not be the nil UUID, which the domain
/// has always read as "none given" (a form that has no agency chosen yet may send it and be told so with the rest).
/// </summary>
public sealed class ZhRequiredAttribute : RequiredAttribute
{
    public ZhRequiredAttribute() => ErrorMessage = "此项必填。";

    public override bool IsValid(object? value) => value is Guid id ? id != Guid.Empty : base.IsValid(value);
}

/// <summary>At most <paramref name="length"/> characters, or items of a list.</summary>
public sealed class ZhMaxLengthAttribute : MaxLengthAttribute
{
    public ZhMaxLengthAttribute(int length) : base(length) => ErrorMessage = "长度不能超过 {1}。";
}

/// <summary>At least <paramref name="length"/> characters, or items of a list.</summary>
public sealed class ZhMinLengthAttribute : MinLengthAttribute
{
    public ZhMinLengthAttribute(int length) : base(length) => ErrorMessage = "长度不能少于 {1}。";
}

/// <summary>
/// The whole value matches <paramref name="pattern"/>. Patterns are written anchored (<c>^…$</c>): .NET matches the
/// whole value, JSON Schema any part of it, and an anchored pattern means the same to both.
/// </summary>
public sealed class ZhPatternAttribute : RegularExpressionAttribute
{
    public ZhPatternAttribute(string pattern, string message) : base(pattern) => ErrorMessage = message;
}

/// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
public sealed class ZhRangeAttribute : RangeAttribute
{
    public ZhRangeAttribute(int minimum, int maximum) : base(minimum, maximum) => ErrorMessage = "应为 {1} 至 {2} 之间的整数。";
}

/// <summary>The patterns the contract publishes.</summary>
public static class Patterns
{
    /// <summary>Holds at least one character that is not white space (a required text of only spaces is missing).</summary>
    public const string NotBlank = @"^[\s\S]*\S[\s\S]*$";

    public const string NotBlankMessage = "不能只包含空白字符。";

    /// <summary>A division code of GB/T 2260: six digits.</summary>
    public const string RegionCode = "^[0-9]{6}$";

    public const string RegionCodeMessage = "区划代码应为 6 位数字(GB/T 2260)。";
}
