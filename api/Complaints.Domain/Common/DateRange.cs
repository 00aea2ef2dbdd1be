namespace Complaints.Domain.Common;

/// <summary>A closed range of CST dates [From, To].</summary>
public readonly record struct DateRange
{
    public DateRange(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The range ends before it starts.");
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>Groups dates into runs of consecutive days, in ascending order.</summary>
    public static IReadOnlyList<DateRange> RunsOf(IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var runs = new List<DateRange>();
        foreach (var date in dates.Distinct().Order())
        {
            if (runs.Count > 0 && runs[^1].To.AddDays(1) == date)
            {
                runs[^1] = new DateRange(runs[^1].From, date);
            }
            else
            {
                runs.Add(new DateRange(date, date));
            }
        }

        return runs;
    }
}
