using Complaints.Domain.Calendar;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Calendar;

/// <summary>Invariants of the counting rule (民法典第二百零一条) over every start date of 2022–2026 and N in 0..25.</summary>
public class WorkingDayPropertyTests
{
    private static readonly DateOnly[] Starts = [.. Days(D("2022-01-01"), D("2026-12-31"))];

    [Fact]
    public void The_due_date_is_always_a_working_day_when_at_least_one_day_is_counted()
    {
        foreach (var start in Starts)
        {
            for (var n = 1; n <= 25; n++)
            {
                var due = WorkingDays.Add(Shipped, start, n);
                Assert.True(Shipped.IsWorkingDay(due), $"{start} + {n} = {due}");
            }
        }
    }

    [Fact]
    public void Exactly_n_working_days_lie_after_the_start_up_to_and_including_the_due_date()
    {
        foreach (var start in Starts)
        {
            for (var n = 0; n <= 25; n++)
            {
                var due = WorkingDays.Add(Shipped, start, n);
                Assert.Equal(n, WorkingDays.Count(Shipped, start, due));
            }
        }
    }

    [Fact]
    public void Adding_more_working_days_never_gives_an_earlier_date_and_zero_days_is_the_start()
    {
        foreach (var start in Starts)
        {
            var previous = WorkingDays.Add(Shipped, start, 0);
            Assert.Equal(start, previous);
            for (var n = 1; n <= 25; n++)
            {
                var due = WorkingDays.Add(Shipped, start, n);
                Assert.True(due > previous, $"{start}: N={n} gives {due}, N={n - 1} gave {previous}");
                previous = due;
            }
        }
    }

    [Fact]
    public void The_day_of_receipt_is_never_counted()
    {
        foreach (var start in Starts.Where(Shipped.IsWorkingDay))
        {
            Assert.True(WorkingDays.Add(Shipped, start, 1) > start);
        }
    }

    [Fact]
    public void Counting_an_empty_or_reversed_range_gives_zero()
    {
        Assert.Equal(0, WorkingDays.Count(Shipped, D("2026-03-02"), D("2026-03-02")));
        Assert.Equal(0, WorkingDays.Count(Shipped, D("2026-03-05"), D("2026-03-02")));
    }

    [Fact]
    public void A_negative_number_of_working_days_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.Add(Shipped, D("2026-03-02"), -1));
    }

    [Fact]
    public void Days_of_2027_are_unsettled_because_its_notice_is_not_published()
    {
        Assert.True(WorkingDays.IsSettled(Shipped, D("2026-06-01")));
        Assert.False(WorkingDays.IsSettled(Shipped, D("2027-03-01")));
        Assert.False(WorkingDays.IsSettled(Shipped, D("2021-06-01")));
    }

    [Fact]
    public void The_last_days_of_december_wait_for_the_next_years_notice()
    {
        Assert.True(WorkingDays.IsSettled(Shipped, D("2025-12-31")));
        Assert.True(WorkingDays.IsSettled(Shipped, D("2026-12-24")));
        Assert.False(WorkingDays.IsSettled(Shipped, D("2026-12-25")));
        Assert.False(WorkingDays.IsSettled(Shipped, D("2026-12-31")));
    }

    [Fact]
    public void Counting_carries_on_into_2027_over_its_statutory_holidays()
    {
        // 2026-12-31 is a Thursday; 2027-01-01 (Fri) is 元旦 without a notice; 01-04 (Mon), 01-05 (Tue), 01-06 (Wed) count.
        Assert.Equal(D("2027-01-06"), WorkingDays.Add(Shipped, D("2026-12-31"), 3));
    }
}
