namespace Complaints.Domain.Tracking;

public static class TrackingErrors
{
    public const string InvalidTrackingNumber = "tracking.invalid_number";
    public const string InvalidDivisionCode = "tracking.invalid_division_code";
    public const string SequenceOutOfRange = "tracking.sequence_out_of_range";
    public const string InvalidQueryCode = "tracking.invalid_query_code";
}
