using Complaints.Domain.Calendar;

namespace Complaints.Domain.Tests;

public class ChinaTimeTests
{
    [Fact]
    public void A_late_evening_utc_instant_is_the_next_day_in_China()
    {
        Assert.Equal(new DateOnly(2026, 2, 14), ChinaTime.DateOf(new DateTimeOffset(2026, 2, 13, 17, 0, 0, TimeSpan.Zero)));
    }
}
