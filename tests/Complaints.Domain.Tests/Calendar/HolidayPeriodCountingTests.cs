using Complaints.Domain.Calendar;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Calendar;

/// <summary>
/// Every holiday block of the shipped 2022–2026 notices: a start the day before it, a start inside
/// it and a start on each make-up day. Expected dates were derived from the JSON files by an
/// independent script (a plain date walk over the notice entries) and spot-checked by hand, e.g.
/// 2022-04-29 (Fri) + 3: 04-30..05-04 off, 05-05 day 1, 05-06 day 2, 05-07 (Sat, make-up) day 3.
/// </summary>
public class HolidayPeriodCountingTests
{
    [Theory]
    [InlineData("2021-12-31", 3, "2022-01-06", "day before 元旦 01-01..01-03")] // Fri -> Thu
    [InlineData("2022-01-02", 2, "2022-01-05", "inside 元旦 01-01..01-03")] // Sun -> Wed
    [InlineData("2022-01-30", 3, "2022-02-09", "day before 春节 01-31..02-06; 春节 make-up day")] // Sun -> Wed
    [InlineData("2022-02-03", 2, "2022-02-08", "inside 春节 01-31..02-06")] // Thu -> Tue
    [InlineData("2022-04-02", 3, "2022-04-08", "day before 清明节 04-03..04-05; 清明节 make-up day")] // Sat -> Fri
    [InlineData("2022-04-04", 2, "2022-04-07", "inside 清明节 04-03..04-05")] // Mon -> Thu
    [InlineData("2022-04-29", 3, "2022-05-07", "day before 劳动节 04-30..05-04")] // Fri -> Sat
    [InlineData("2022-05-02", 2, "2022-05-06", "inside 劳动节 04-30..05-04")] // Mon -> Fri
    [InlineData("2022-06-02", 3, "2022-06-08", "day before 端午节 06-03..06-05")] // Thu -> Wed
    [InlineData("2022-06-04", 2, "2022-06-07", "inside 端午节 06-03..06-05")] // Sat -> Tue
    [InlineData("2022-09-09", 3, "2022-09-15", "day before 中秋节 09-10..09-12")] // Fri -> Thu
    [InlineData("2022-09-11", 2, "2022-09-14", "inside 中秋节 09-10..09-12")] // Sun -> Wed
    [InlineData("2022-09-30", 3, "2022-10-10", "day before 国庆节 10-01..10-07")] // Fri -> Mon
    [InlineData("2022-10-04", 2, "2022-10-09", "inside 国庆节 10-01..10-07")] // Tue -> Sun
    [InlineData("2022-01-29", 3, "2022-02-08", "春节 make-up day")] // Sat -> Tue
    [InlineData("2022-04-24", 3, "2022-04-27", "劳动节 make-up day")] // Sun -> Wed
    [InlineData("2022-05-07", 3, "2022-05-11", "劳动节 make-up day")] // Sat -> Wed
    [InlineData("2022-10-08", 3, "2022-10-11", "国庆节 make-up day")] // Sat -> Tue
    [InlineData("2022-10-09", 3, "2022-10-12", "国庆节 make-up day")] // Sun -> Wed
    [InlineData("2022-12-30", 3, "2023-01-05", "day before 元旦 12-31..01-02")] // Fri -> Thu
    [InlineData("2023-01-01", 2, "2023-01-04", "inside 元旦 12-31..01-02")] // Sun -> Wed
    [InlineData("2023-01-20", 3, "2023-01-30", "day before 春节 01-21..01-27")] // Fri -> Mon
    [InlineData("2023-01-24", 2, "2023-01-29", "inside 春节 01-21..01-27")] // Tue -> Sun
    [InlineData("2023-04-04", 3, "2023-04-10", "day before 清明节 04-05..04-05")] // Tue -> Mon
    [InlineData("2023-04-05", 2, "2023-04-07", "inside 清明节 04-05..04-05")] // Wed -> Fri
    [InlineData("2023-04-28", 3, "2023-05-06", "day before 劳动节 04-29..05-03")] // Fri -> Sat
    [InlineData("2023-05-01", 2, "2023-05-05", "inside 劳动节 04-29..05-03")] // Mon -> Fri
    [InlineData("2023-06-21", 3, "2023-06-27", "day before 端午节 06-22..06-24")] // Wed -> Tue
    [InlineData("2023-06-23", 2, "2023-06-26", "inside 端午节 06-22..06-24")] // Fri -> Mon
    [InlineData("2023-09-28", 3, "2023-10-09", "day before 中秋节、国庆节 09-29..10-06")] // Thu -> Mon
    [InlineData("2023-10-03", 2, "2023-10-08", "inside 中秋节、国庆节 09-29..10-06")] // Tue -> Sun
    [InlineData("2023-01-28", 3, "2023-01-31", "春节 make-up day")] // Sat -> Tue
    [InlineData("2023-01-29", 3, "2023-02-01", "春节 make-up day")] // Sun -> Wed
    [InlineData("2023-04-23", 3, "2023-04-26", "劳动节 make-up day")] // Sun -> Wed
    [InlineData("2023-05-06", 3, "2023-05-10", "劳动节 make-up day")] // Sat -> Wed
    [InlineData("2023-06-25", 3, "2023-06-28", "端午节 make-up day")] // Sun -> Wed
    [InlineData("2023-10-07", 3, "2023-10-10", "中秋节、国庆节 make-up day")] // Sat -> Tue
    [InlineData("2023-10-08", 3, "2023-10-11", "中秋节、国庆节 make-up day")] // Sun -> Wed
    [InlineData("2023-12-31", 3, "2024-01-04", "day before 元旦 01-01..01-01")] // Sun -> Thu
    [InlineData("2024-01-01", 2, "2024-01-03", "inside 元旦 01-01..01-01")] // Mon -> Wed
    [InlineData("2024-02-09", 3, "2024-02-20", "day before 春节 02-10..02-17")] // Fri -> Tue
    [InlineData("2024-02-14", 2, "2024-02-19", "inside 春节 02-10..02-17")] // Wed -> Mon
    [InlineData("2024-04-03", 3, "2024-04-09", "day before 清明节 04-04..04-06")] // Wed -> Tue
    [InlineData("2024-04-05", 2, "2024-04-08", "inside 清明节 04-04..04-06")] // Fri -> Mon
    [InlineData("2024-04-30", 3, "2024-05-08", "day before 劳动节 05-01..05-05")] // Tue -> Wed
    [InlineData("2024-05-03", 2, "2024-05-07", "inside 劳动节 05-01..05-05")] // Fri -> Tue
    [InlineData("2024-06-09", 3, "2024-06-13", "day before 端午节 06-10..06-10")] // Sun -> Thu
    [InlineData("2024-06-10", 2, "2024-06-12", "inside 端午节 06-10..06-10")] // Mon -> Wed
    [InlineData("2024-09-14", 3, "2024-09-20", "day before 中秋节 09-15..09-17; 中秋节 make-up day")] // Sat -> Fri
    [InlineData("2024-09-16", 2, "2024-09-19", "inside 中秋节 09-15..09-17")] // Mon -> Thu
    [InlineData("2024-09-30", 3, "2024-10-10", "day before 国庆节 10-01..10-07")] // Mon -> Thu
    [InlineData("2024-10-04", 2, "2024-10-09", "inside 国庆节 10-01..10-07")] // Fri -> Wed
    [InlineData("2024-02-04", 3, "2024-02-07", "春节 make-up day")] // Sun -> Wed
    [InlineData("2024-02-18", 3, "2024-02-21", "春节 make-up day")] // Sun -> Wed
    [InlineData("2024-04-07", 3, "2024-04-10", "清明节 make-up day")] // Sun -> Wed
    [InlineData("2024-04-28", 3, "2024-05-06", "劳动节 make-up day")] // Sun -> Mon
    [InlineData("2024-05-11", 3, "2024-05-15", "劳动节 make-up day")] // Sat -> Wed
    [InlineData("2024-09-29", 3, "2024-10-09", "国庆节 make-up day")] // Sun -> Wed
    [InlineData("2024-10-12", 3, "2024-10-16", "国庆节 make-up day")] // Sat -> Wed
    [InlineData("2024-12-31", 3, "2025-01-06", "day before 元旦 01-01..01-01")] // Tue -> Mon
    [InlineData("2025-01-01", 2, "2025-01-03", "inside 元旦 01-01..01-01")] // Wed -> Fri
    [InlineData("2025-01-27", 3, "2025-02-07", "day before 春节 01-28..02-04")] // Mon -> Fri
    [InlineData("2025-02-01", 2, "2025-02-06", "inside 春节 01-28..02-04")] // Sat -> Thu
    [InlineData("2025-04-03", 3, "2025-04-09", "day before 清明节 04-04..04-06")] // Thu -> Wed
    [InlineData("2025-04-05", 2, "2025-04-08", "inside 清明节 04-04..04-06")] // Sat -> Tue
    [InlineData("2025-04-30", 3, "2025-05-08", "day before 劳动节 05-01..05-05")] // Wed -> Thu
    [InlineData("2025-05-03", 2, "2025-05-07", "inside 劳动节 05-01..05-05")] // Sat -> Wed
    [InlineData("2025-05-30", 3, "2025-06-05", "day before 端午节 05-31..06-02")] // Fri -> Thu
    [InlineData("2025-06-01", 2, "2025-06-04", "inside 端午节 05-31..06-02")] // Sun -> Wed
    [InlineData("2025-09-30", 3, "2025-10-11", "day before 国庆节、中秋节 10-01..10-08")] // Tue -> Sat
    [InlineData("2025-10-05", 2, "2025-10-10", "inside 国庆节、中秋节 10-01..10-08")] // Sun -> Fri
    [InlineData("2025-01-26", 3, "2025-02-06", "春节 make-up day")] // Sun -> Thu
    [InlineData("2025-02-08", 3, "2025-02-12", "春节 make-up day")] // Sat -> Wed
    [InlineData("2025-04-27", 3, "2025-04-30", "劳动节 make-up day")] // Sun -> Wed
    [InlineData("2025-09-28", 3, "2025-10-09", "国庆节、中秋节 make-up day")] // Sun -> Thu
    [InlineData("2025-10-11", 3, "2025-10-15", "国庆节、中秋节 make-up day")] // Sat -> Wed
    [InlineData("2025-12-31", 3, "2026-01-06", "day before 元旦 01-01..01-03")] // Wed -> Tue
    [InlineData("2026-01-02", 2, "2026-01-05", "inside 元旦 01-01..01-03")] // Fri -> Mon
    [InlineData("2026-02-14", 3, "2026-02-26", "day before 春节 02-15..02-23; 春节 make-up day")] // Sat -> Thu
    [InlineData("2026-02-19", 2, "2026-02-25", "inside 春节 02-15..02-23")] // Thu -> Wed
    [InlineData("2026-04-03", 3, "2026-04-09", "day before 清明节 04-04..04-06")] // Fri -> Thu
    [InlineData("2026-04-05", 2, "2026-04-08", "inside 清明节 04-04..04-06")] // Sun -> Wed
    [InlineData("2026-04-30", 3, "2026-05-08", "day before 劳动节 05-01..05-05")] // Thu -> Fri
    [InlineData("2026-05-03", 2, "2026-05-07", "inside 劳动节 05-01..05-05")] // Sun -> Thu
    [InlineData("2026-06-18", 3, "2026-06-24", "day before 端午节 06-19..06-21")] // Thu -> Wed
    [InlineData("2026-06-20", 2, "2026-06-23", "inside 端午节 06-19..06-21")] // Sat -> Tue
    [InlineData("2026-09-24", 3, "2026-09-30", "day before 中秋节 09-25..09-27")] // Thu -> Wed
    [InlineData("2026-09-26", 2, "2026-09-29", "inside 中秋节 09-25..09-27")] // Sat -> Tue
    [InlineData("2026-09-30", 3, "2026-10-10", "day before 国庆节 10-01..10-07")] // Wed -> Sat
    [InlineData("2026-10-04", 2, "2026-10-09", "inside 国庆节 10-01..10-07")] // Sun -> Fri
    [InlineData("2026-01-04", 3, "2026-01-07", "元旦 make-up day")] // Sun -> Wed
    [InlineData("2026-02-28", 3, "2026-03-04", "春节 make-up day")] // Sat -> Wed
    [InlineData("2026-05-09", 3, "2026-05-13", "劳动节 make-up day")] // Sat -> Wed
    [InlineData("2026-09-20", 3, "2026-09-23", "国庆节 make-up day")] // Sun -> Wed
    [InlineData("2026-10-10", 3, "2026-10-14", "国庆节 make-up day")] // Sat -> Wed
    public void Counting_skips_every_holiday_and_counts_every_makeup_day_of_2022_to_2026_工作日(string start, int workingDays, string expected, string why)
    {
        Assert.False(string.IsNullOrEmpty(why));
        Assert.Equal(D(expected), WorkingDays.Add(Shipped, D(start), workingDays));
    }
}
