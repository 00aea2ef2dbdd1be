namespace Complaints.Api.Calendar;

/// <summary>A year's State Council schedule loaded by an administrator; survives restarts and reaches every replica.</summary>
public sealed class HolidaySchedule
{
    public int Year { get; init; }

    /// <summary>The schedule as uploaded, in the holiday-cn JSON format the shipped years use.</summary>
    public required string Json { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    public required string LoadedBy { get; set; }
}
