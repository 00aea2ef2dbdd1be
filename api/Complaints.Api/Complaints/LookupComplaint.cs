using System.Data;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Validation;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Validation;
using Npgsql;

namespace Complaints.Api.Complaints;

[ValidatableType]
public sealed record LookupRequest(
    [property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(64)] string? TrackingNumber,
    [property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(64)] string? QueryCode);

/// <summary>Public status by tracking number and query code (api.md); no personal data.</summary>
public static class LookupComplaint
{
    /// <summary>
    /// The hottest public read, in plain Npgsql: one prepared statement through the unique tracking-number
    /// index returns just the columns the public status needs, with the case's timeline aggregated into two
    /// arrays, in one row and one round trip, instead of the whole aggregate with its six owned collections.
    /// Enum columns hold the member names, as EF Core's string conversions write them.
    /// </summary>
    private const string Select = """
        SELECT c.tracking_number, c.query_code_hash, c.status, c.classification, c.received_at, c.receiving_region_code, c.referred_at,
               c.accepted_at, c.extended, c.finding, c.is_invalid_complaint, c.result, c.measures, c.concluded_at,
               t.kinds, t.ats, c.merged_into_case_id
        FROM complaints c
        LEFT JOIN LATERAL (
          SELECT array_agg(t.kind ORDER BY t.sequence) AS kinds, array_agg(t.at ORDER BY t.sequence) AS ats
          FROM complaint_timeline t WHERE t.complaint_id = c.id) t ON true
        """;

    private const string FindByNumber = Select + " WHERE c.tracking_number = $1";

    // A merged complaint's status is that of the case it went into (第十三条); merges may chain, so follow a few.
    private const string FindById = Select + " WHERE c.id = $1";
    private const int MaxMergeHops = 5;

    public static async Task<Results<Ok<PublicStatusView>, ProblemHttpResult>> Handle(
        LookupRequest request, NpgsqlDataSource db, IWorkingDayCalendar calendar, TimeProvider clock, LookupLock locks, HttpResponse response, CancellationToken ct)
    {
        // Both present and not blank: the declared rules are enforced before the handler runs.
        var number = request.TrackingNumber!.Trim().ToUpperInvariant();
        if (await locks.LockedForAsync(number) is { } locked)
        {
            return Locked(response, locked);
        }

        // Constant work whether the number exists or not: the statement always runs (a number that cannot exist is
        // replaced by one that does not, so only well-formed text reaches it; see StorableText) and a code is always
        // verified, against a hash that matches nothing when there is no row.
        var wellFormed = TrackingNumber.TryParse(number).IsSuccess && StorableText.IsStorable(number);
        var row = await FindAsync(db, wellFormed ? number : AbsentNumber, ct);
        var matches = QueryCode.Verify(number, request.QueryCode!.Trim(), row?.QueryCodeHash ?? AbsentHash);

        // An unknown number and a wrong code answer alike, so the answer does not confirm that a number exists.
        if (row is null || !wellFormed || !matches)
        {
            await locks.RecordFailureAsync(number);
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var view = row.ToPublicStatus(calendar, now);
        var target = row;
        for (var hop = 0; hop < MaxMergeHops && target is { Status: ComplaintStatus.Merged, MergedIntoCaseId: { } into }; hop++)
        {
            target = await FindAsync(db, FindById, into, ct);
        }

        return TypedResults.Ok(target is null || ReferenceEquals(target, row) ? view : view with { MergedInto = MergedIntoView.From(target.ToPublicStatus(calendar, now)) });
    }

    private static Task<LookupRow?> FindAsync(NpgsqlDataSource db, string number, CancellationToken ct) => FindAsync(db, FindByNumber, number, ct);

    private static async Task<LookupRow?> FindAsync<TKey>(NpgsqlDataSource db, string sql, TKey key, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<TKey> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        // Only the public events, in China time, as the view shows them: built once here, not copied again for the view.
        var kinds = reader.IsDBNull(14) ? [] : reader.GetFieldValue<string[]>(14);
        var ats = reader.IsDBNull(15) ? [] : reader.GetFieldValue<DateTimeOffset[]>(15);
        var timeline = new List<TimelineItemView>(kinds.Length);
        for (var i = 0; i < kinds.Length; i++)
        {
            var kind = Enum.Parse<TimelineEventKind>(kinds[i]);
            if (PublicStatus.PublicEvents.Contains(kind))
            {
                timeline.Add(new TimelineItemView(ats[i].Cst(), kind));
            }
        }

        return new LookupRow(
            reader.GetString(0),
            reader.GetString(1),
            Enum.Parse<ComplaintStatus>(reader.GetString(2)),
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
            timeline,
            reader.IsDBNull(16) ? null : reader.GetGuid(16));
    }

    /// <summary>A well-formed number that no case can have (day 00 of month 00), looked up instead of a malformed one.</summary>
    private const string AbsentNumber = "TS000000-00000000-00000";

    /// <summary>A stored-hash shape that no code hashes to (SHA-256 of nothing the service hashes).</summary>
    private static readonly string AbsentHash = new('0', 64);

    private static ProblemHttpResult Locked(HttpResponse response, TimeSpan left)
    {
        var seconds = (int)Math.Ceiling(left.TotalSeconds);
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new DomainError(ErrorCategory.TooManyRequests, "complaint.lookup_locked",
            $"该投诉编号的查询码错误次数过多,请在 {Math.Max(1, (seconds + 59) / 60)} 分钟后再试。").ToProblem();
    }

    private static ProblemHttpResult NotFound() =>
        DomainError.NotFound("complaint.not_found", "未找到与投诉编号和查询码相符的投诉。").ToProblem();

    internal sealed record LookupRow(
        string TrackingNumber,
        string QueryCodeHash,
        ComplaintStatus Status,
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
        List<TimelineItemView> PublicTimeline,
        Guid? MergedIntoCaseId)
    {
        /// <summary>The same view as <see cref="ComplaintViewMapping.ToPublicStatus"/> gives for the loaded aggregate.</summary>
        public PublicStatusView ToPublicStatus(IWorkingDayCalendar calendar, DateTimeOffset now)
        {
            var facts = new DeadlineFacts(Status, ReceivedAt, ReceivingRegionCode, ReferredAt, AcceptedAt, Classification, Extended);
            var result = Finding is { } finding && Result is { } text && ConcludedAt is { } at
                ? new ResultView(finding, IsInvalidComplaint, text, Measures, at.Cst())
                : null;
            return new PublicStatusView(TrackingNumber, Status, Classification, DeadlinesView.From(facts.Deadlines(calendar, now)), PublicTimeline, result);
        }
    }
}
