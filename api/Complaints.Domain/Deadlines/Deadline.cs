using Complaints.Domain.Calendar;

namespace Complaints.Domain.Deadlines;

/// <summary>
/// One statutory time limit, able to explain itself: which rule, counted from which date,
/// how many working days, which calendar days were skipped, and whether it rests on a
/// provisional (weekend-only) calendar.
/// </summary>
public sealed record Deadline(
    DeadlineKind Kind,
    string Article,
    DateOnly Start,
    int WorkingDays,
    DateOnly Due,
    bool Provisional,
    IReadOnlyList<DateOnly> SkippedDays)
{
    /// <summary>24:00 CST of <see cref="Due"/>.</summary>
    public DateTimeOffset DueAt => ChinaTime.EndOf(Due);

    public bool IsOverdueAt(DateTimeOffset instant) => instant >= DueAt;
}

public enum DeadlineKind
{
    /// <summary>第十条: management department refers within 2 working days of receipt.</summary>
    Referral,

    /// <summary>第十一条: agency decides within 3 working days of its receipt.</summary>
    Acceptance,

    /// <summary>第十三条(一): onsite cases are concluded the day of acceptance.</summary>
    OnsiteHandling,

    /// <summary>第十三条(二): offsite cases within 10 working days of acceptance.</summary>
    OffsiteHandling,

    /// <summary>第十三条(二): once extended, never beyond 20 working days of acceptance.</summary>
    ExtendedHandling,

    /// <summary>A count of N working days asked of the calculator, none of the 办法's periods (no article).</summary>
    WorkingDayCount,
}
