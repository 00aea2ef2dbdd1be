using System.Globalization;
using Complaints.Domain.Calendar;
using Complaints.Domain.Common;

namespace Complaints.Domain.Reporting;

public enum ReportingPeriodKind
{
    Quarter,
    HalfYear,
    Year,
}

/// <summary>Who reports under 第十八条.</summary>
public enum ReporterLevel
{
    /// <summary>政务服务机构: reports each quarter to the management department of its level.</summary>
    Agency,

    /// <summary>政务服务管理部门: reports its region's first half and full year to the level above.</summary>
    ManagementDepartment,
}

/// <summary>
/// A statistics period of 第十八条, written <c>2026Q3</c>, <c>2026H1</c>/<c>2026H2</c> or <c>2026</c>,
/// covering the CST dates [<see cref="From"/>, <see cref="To"/>].
/// <para>
/// Due dates (rules.md "Reporting", [decision] "15日前" = on or before the 15th, "1月底前" = on or
/// before 31 January; fixed calendar dates, not moved by holidays): a quarter is due on the 15th of
/// the first month of the next quarter; H1 on 15 July; a year on 31 January of the next year. H2
/// has no report of its own — the annual report covers it — so it has no due date.
/// </para>
/// </summary>
public sealed record ReportingPeriod
{
    public const string Article = "第十八条";
    public const string InvalidPeriodCode = "report.invalid_period";
    public const int MinYear = 2000;
    public const int MaxYear = 9998;

    private ReportingPeriod(ReportingPeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public ReportingPeriodKind Kind { get; }

    public int Year { get; }

    /// <summary>The quarter (1–4) or half (1–2); 1 for a year.</summary>
    public int Number { get; }

    public DateOnly From => Kind switch
    {
        ReportingPeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        ReportingPeriodKind.HalfYear => new DateOnly(Year, Number == 1 ? 1 : 7, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly To => Kind switch
    {
        ReportingPeriodKind.Quarter => From.AddMonths(3).AddDays(-1),
        ReportingPeriodKind.HalfYear => From.AddMonths(6).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>
    /// The first day whose complaints count: <see cref="From"/>, or 2022-07-10 for the period that contains
    /// the day the 办法 came into force (第十九条).
    /// </summary>
    public DateOnly CountsFrom => From < Regulation.InForceFrom && To >= Regulation.InForceFrom ? Regulation.InForceFrom : From;

    /// <summary>00:00 CST of <see cref="From"/>.</summary>
    public DateTimeOffset StartsAt => new(From.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);

    /// <summary>24:00 CST of <see cref="To"/>, exclusive.</summary>
    public DateTimeOffset EndsAt => ChinaTime.EndOf(To);

    /// <summary>The last day the report may be submitted; null for H2, which is reported within the year.</summary>
    public DateOnly? DueDate => Kind switch
    {
        ReportingPeriodKind.Quarter when Number == 4 => new DateOnly(Year + 1, 1, 15),
        ReportingPeriodKind.Quarter => new DateOnly(Year, (Number * 3) + 1, 15),
        ReportingPeriodKind.HalfYear when Number == 1 => new DateOnly(Year, 7, 15),
        ReportingPeriodKind.HalfYear => null,
        _ => new DateOnly(Year + 1, 1, 31),
    };

    /// <summary>24:00 CST of <see cref="DueDate"/>.</summary>
    public DateTimeOffset? DueAt => DueDate is { } due ? ChinaTime.EndOf(due) : null;

    public static ReportingPeriod Quarter(int year, int quarter)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new ReportingPeriod(ReportingPeriodKind.Quarter, year, quarter);
    }

    public static ReportingPeriod HalfYear(int year, int half)
    {
        CheckYear(year);
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        return new ReportingPeriod(ReportingPeriodKind.HalfYear, year, half);
    }

    public static ReportingPeriod FullYear(int year)
    {
        CheckYear(year);
        return new ReportingPeriod(ReportingPeriodKind.Year, year, 1);
    }

    /// <summary>The quarter that contains <paramref name="date"/>.</summary>
    public static ReportingPeriod QuarterOf(DateOnly date) => Quarter(date.Year, ((date.Month - 1) / 3) + 1);

    /// <summary>The periods of <paramref name="year"/> that <paramref name="level"/> owes a report for.</summary>
    public static IReadOnlyList<ReportingPeriod> OwedBy(ReporterLevel level, int year) => level switch
    {
        ReporterLevel.Agency => [Quarter(year, 1), Quarter(year, 2), Quarter(year, 3), Quarter(year, 4)],
        _ => [HalfYear(year, 1), FullYear(year)],
    };

    /// <summary>Reads <c>2026Q3</c>, <c>2026H1</c>, <c>2026H2</c> or <c>2026</c> (case and surrounding spaces ignored).</summary>
    public static Result<ReportingPeriod> TryParse(string? input)
    {
        var text = input?.Trim().ToUpperInvariant() ?? string.Empty;
        if (text.Length is not (4 or 6)
            || text.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < MinYear or > MaxYear)
        {
            return Invalid();
        }

        if (text.Length == 4)
        {
            return FullYear(year);
        }

        return (text[4], text[5]) switch
        {
            ('Q', >= '1' and <= '4') => Quarter(year, text[5] - '0'),
            ('H', '1' or '2') => HalfYear(year, text[5] - '0'),
            _ => Invalid(),
        };
    }

    /// <summary>Agencies owe quarters; management departments owe the first half and the year.</summary>
    public bool IsOwedBy(ReporterLevel level) => level switch
    {
        ReporterLevel.Agency => Kind == ReportingPeriodKind.Quarter,
        _ => Kind == ReportingPeriodKind.Year || (Kind == ReportingPeriodKind.HalfYear && Number == 1),
    };

    public bool Contains(DateOnly date) => date >= From && date <= To;

    public bool Contains(DateTimeOffset instant) => instant >= StartsAt && instant < EndsAt;

    /// <summary>Received in the part of the period the 办法 governs: from <see cref="CountsFrom"/> (第十九条).</summary>
    public bool Counts(DateTimeOffset instant) =>
        instant >= new DateTimeOffset(CountsFrom.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset) && instant < EndsAt;

    /// <summary>Submitted after 24:00 CST of the due date. A period without a due date (H2) is never late.</summary>
    public bool IsLate(DateTimeOffset submittedAt) => DueAt is { } due && submittedAt >= due;

    public override string ToString() => Kind switch
    {
        ReportingPeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}"),
        ReportingPeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Year}H{Number}"),
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    private static void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
    }

    private static DomainError Invalid() =>
        DomainError.Invalid(InvalidPeriodCode, "统计周期格式应为 2026Q3(季度)、2026H1/2026H2(半年)或 2026(年度)。", Article);
}
