using System.Data;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Complaints.Api.Complaints;

public sealed record LookupRequest(string? TrackingNumber, string? QueryCode);

/// <summary>Public status by tracking number and query code (api.md); no personal data.</summary>
public static class LookupComplaint
{
    /// <summary>
    /// The hottest public read, in plain Npgsql: one prepared statement through the unique tracking-number
    /// index returns just the columns the public status needs, with the case's timeline aggregated into two
    /// arrays, in one row and one round trip, instead of the whole aggregate with its six owned collections.
    /// Enum columns hold the member names, as EF Core's string conversions write them.
    /// </summary>
    private const string FindByNumber = """
        SELECT c.tracking_number, c.query_code_hash, c.status, c.classification, c.received_at, c.receiving_region_code, c.referred_at,
               c.accepted_at, c.extended, c.finding, c.is_invalid_complaint, c.result, c.measures, c.concluded_at,
               t.kinds, t.ats
        FROM complaints c
        LEFT JOIN LATERAL (
          SELECT array_agg(t.kind ORDER BY t.sequence) AS kinds, array_agg(t.at ORDER BY t.sequence) AS ats
          FROM complaint_timeline t WHERE t.complaint_id = c.id) t ON true
        WHERE c.tracking_number = $1
        """;

    public static async Task<Results<Ok<PublicStatusView>, ProblemHttpResult>> Handle(
        LookupRequest request, NpgsqlDataSource db, IWorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.TrackingNumber))
        {
            return ProblemHandling.Validation("trackingNumber", "缺少投诉编号。");
        }

        if (string.IsNullOrWhiteSpace(request.QueryCode))
        {
            return ProblemHandling.Validation("queryCode", "缺少查询码。");
        }

        // A number that cannot exist is not looked up: only well-formed text ever reaches the statement (see StorableText).
        var number = request.TrackingNumber.Trim().ToUpperInvariant();
        var row = TrackingNumber.TryParse(number).IsSuccess && StorableText.IsStorable(number) ? await FindAsync(db, number, ct) : null;

        // An unknown number and a wrong code answer alike, so the answer does not confirm that a number exists.
        if (row is null || !QueryCode.Verify(number, request.QueryCode.Trim(), row.QueryCodeHash))
        {
            return NotFound();
        }

        return TypedResults.Ok(row.ToPublicStatus(calendar, clock.GetUtcNow()));
    }

    private static async Task<LookupRow?> FindAsync(NpgsqlDataSource db, string number, CancellationToken ct)
    {
        await using var command = db.CreateCommand(FindByNumber);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = number });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var kinds = reader.IsDBNull(14) ? [] : reader.GetFieldValue<string[]>(14);
        var ats = reader.IsDBNull(15) ? [] : reader.GetFieldValue<DateTimeOffset[]>(15);
        var timeline = new List<TimelinePoint>(kinds.Length);
        for (var i = 0; i < kinds.Length; i++)
        {
            timeline.Add(new TimelinePoint(ats[i], Enum.Parse<TimelineEventKind>(kinds[i])));
        }

        return new LookupRow(
            reader.GetString(0),
            reader.GetString(1),
            Enum.Parse<CaseStatus>(reader.GetString(2)),
            reader.IsDBNull(3) ? null : Enum.Parse<Classification>(reader.GetString(3)),
            reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7),
            reader.GetBoolean(8),
            reader.IsDBNull(9) ? null : Enum.Parse<Finding>(reader.GetString(9)),
            reader.GetBoolean(10),
            reader.IsDBNull(11) ? null : reader.GetString(11),
            reader.IsDBNull(12) ? null : reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
            timeline);
    }

    private static ProblemHttpResult NotFound() =>
        ProblemHandling.Problem(StatusCodes.Status404NotFound, "complaint.not_found", "未找到与投诉编号和查询码相符的投诉。");

    internal sealed record TimelinePoint(DateTimeOffset At, TimelineEventKind Kind);

    internal sealed record LookupRow(
        string TrackingNumber,
        string QueryCodeHash,
        CaseStatus Status,
        Classification? Classification,
        DateTimeOffset ReceivedAt,
        string? ReceivingRegionCode,
        DateTimeOffset? ReferredAt,
        DateTimeOffset? AcceptedAt,
        bool Extended,
        Finding? Finding,
        bool IsInvalidComplaint,
        string? Result,
        string? Measures,
        DateTimeOffset? ConcludedAt,
        List<TimelinePoint> Timeline)
    {
        /// <summary>The same view as <see cref="ComplaintViewMapping.ToPublicStatus"/> gives for the loaded aggregate.</summary>
        public PublicStatusView ToPublicStatus(IWorkingDayCalendar calendar, DateTimeOffset now)
        {
            var facts = new DeadlineFacts(Status, ReceivedAt, ReceivingRegionCode, ReferredAt, AcceptedAt, Classification, Extended);
            var timeline = Timeline.Where(t => PublicStatus.PublicEvents.Contains(t.Kind)).Select(t => new TimelineItemView(t.At.Cst(), t.Kind)).ToArray();
            var result = Finding is { } finding && Result is { } text && ConcludedAt is { } at
                ? new ResultView(finding, IsInvalidComplaint, text, Measures, at.Cst())
                : null;
            return new PublicStatusView(TrackingNumber, Status, Classification, DeadlinesView.From(facts.Deadlines(calendar, now)), timeline, result);
        }
    }
}
