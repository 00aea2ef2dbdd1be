namespace Complaints.Domain.Calendar;

/// <summary>Stable codes of the errors a schedule upload can produce (mapped to problem+json by the API).</summary>
public static class CalendarErrors
{
    public const string InvalidJson = "calendar.invalid_json";
    public const string InvalidYear = "calendar.invalid_year";
    public const string InvalidDay = "calendar.invalid_day";
    public const string DateOutsideYear = "calendar.date_outside_year";
    public const string DuplicateDate = "calendar.duplicate_date";
    public const string YearMismatch = "calendar.year_mismatch";
    public const string EmptySchedule = "calendar.empty_schedule";
}
