using System.Globalization;
using Complaints.Domain.Calendar;
using Complaints.Domain.Common;

namespace Complaints.Domain.Tracking;

/// <summary>
/// 投诉编号, the number a complainant quotes: <c>TS{division}-{yyyyMMdd}-{sequence}</c>, e.g.
/// <c>TS530102-20261126-00042</c>.
/// <list type="bullet">
/// <item><c>TS</c>: fixed prefix (投诉), so the number is recognisable on paper and over the phone.</item>
/// <item><c>530102</c>: 6-digit GB/T 2260 code of the region whose management department (or agency) received it.</item>
/// <item><c>20261126</c>: the CST date of receipt.</item>
/// <item><c>00042</c>: 5-digit sequence, 1–99999, per region and day, allocated by storage.</item>
/// </list>
/// Unique as long as storage hands out each (region, day, sequence) once. It is not a secret and
/// gives no access by itself: status queries also need the <see cref="QueryCode"/>.
/// </summary>
public sealed record TrackingNumber
{
    public const string Prefix = "TS";
    public const int MaxSequence = 99_999;

    /// <summary>The length of the formatted number: TS + 6 + - + 8 + - + 5.</summary>
    public const int FormattedLength = 23;

    private TrackingNumber(string divisionCode, DateOnly receivedOn, int sequence)
    {
        DivisionCode = divisionCode;
        ReceivedOn = receivedOn;
        Sequence = sequence;
        Value = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{divisionCode}-{receivedOn:yyyyMMdd}-{sequence:D5}");
    }

    public string DivisionCode { get; }

    /// <summary>The CST date of receipt.</summary>
    public DateOnly ReceivedOn { get; }

    public int Sequence { get; }

    public string Value { get; }

    public static Result<TrackingNumber> Create(string divisionCode, DateOnly receivedOn, int sequence)
    {
        if (divisionCode is null || divisionCode.Length != 6 || divisionCode.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return DomainError.Invalid(TrackingErrors.InvalidDivisionCode, "行政区划代码应为6位数字。");
        }

        if (sequence is < 1 or > MaxSequence)
        {
            return DomainError.Invalid(TrackingErrors.SequenceOutOfRange, $"当日流水号应在 1–{MaxSequence} 之间。");
        }

        return new TrackingNumber(divisionCode, receivedOn, sequence);
    }

    /// <summary>As <see cref="Create(string, DateOnly, int)"/>, with the day of receipt taken in CST.</summary>
    public static Result<TrackingNumber> Create(string divisionCode, DateTimeOffset receivedAt, int sequence) =>
        Create(divisionCode, ChinaTime.DateOf(receivedAt), sequence);

    /// <summary>Reads a number as typed: surrounding spaces are ignored and a lower-case prefix accepted.</summary>
    public static Result<TrackingNumber> TryParse(string? input)
    {
        var text = input?.Trim().ToUpperInvariant() ?? string.Empty;
        if (text.Length != FormattedLength
            || !text.StartsWith(Prefix, StringComparison.Ordinal)
            || text[8] != '-'
            || text[17] != '-'
            || !DateOnly.TryParseExact(text.AsSpan(9, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || text.AsSpan(18, 5).ContainsAnyExceptInRange('0', '9'))
        {
            return DomainError.Invalid(TrackingErrors.InvalidTrackingNumber, "投诉编号格式应为 TS + 6位区划代码-8位日期-5位流水号,例如 TS530102-20261126-00042。");
        }

        var created = Create(text[2..8], date, int.Parse(text.AsSpan(18, 5), CultureInfo.InvariantCulture));
        return created.IsSuccess
            ? created
            : DomainError.Invalid(TrackingErrors.InvalidTrackingNumber, "投诉编号无效:" + created.Error!.Message);
    }

    public override string ToString() => Value;
}
