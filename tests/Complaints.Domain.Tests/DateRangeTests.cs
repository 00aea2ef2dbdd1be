using Complaints.Domain.Common;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests;

public class DateRangeTests
{
    [Fact]
    public void Dates_are_grouped_into_runs_of_consecutive_days()
    {
        var runs = DateRange.RunsOf([D("2026-10-04"), D("2026-10-01"), D("2026-10-02"), D("2026-10-02"), D("2026-10-10")]);

        Assert.Equal([new DateRange(D("2026-10-01"), D("2026-10-02")), new DateRange(D("2026-10-04"), D("2026-10-04")), new DateRange(D("2026-10-10"), D("2026-10-10"))], runs);
        Assert.Equal(2, runs[0].Days);
        Assert.True(runs[0].Contains(D("2026-10-02")));
        Assert.False(runs[0].Contains(D("2026-10-03")));
    }

    [Fact]
    public void A_range_ending_before_it_starts_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DateRange(D("2026-10-02"), D("2026-10-01")));
    }
}
