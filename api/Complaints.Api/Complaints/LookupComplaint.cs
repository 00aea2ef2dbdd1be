using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Complaints;

public sealed record LookupRequest(string? TrackingNumber, string? QueryCode);

/// <summary>Public status by tracking number and query code (api.md); no personal data.</summary>
public static class LookupComplaint
{
    /// <summary>
    /// The hottest public read: one compiled, untracked query for just the columns the public status
    /// needs and the case's timeline (one round trip through the unique tracking-number index), instead
    /// of the whole aggregate with its six owned collections.
    /// </summary>
    private static readonly Func<ComplaintsDbContext, string, CancellationToken, Task<LookupRow?>> FindByNumber = EF.CompileAsyncQuery(
        (ComplaintsDbContext db, string number, CancellationToken ct) => db.Complaints
            .Where(c => c.TrackingNumber == number)
            .Select(c => new LookupRow(
                c.TrackingNumber, c.QueryCodeHash, c.Status, c.Classification,
                c.ReceivedAt, c.ReceivingRegionCode, c.ReferredAt, c.AcceptedAt, c.Extended,
                c.Finding, c.IsInvalidComplaint, c.Result, c.Measures, c.ConcludedAt,
                c.Timeline.OrderBy(t => t.Sequence).Select(t => new TimelinePoint(t.At, t.Kind)).ToList()))
            .FirstOrDefault());

    public static async Task<Results<Ok<PublicStatusView>, ProblemHttpResult>> Handle(
        LookupRequest request, ComplaintsDbContext db, IWorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.TrackingNumber))
        {
            return ProblemHandling.Validation("trackingNumber", "缺少投诉编号。");
        }

        if (string.IsNullOrWhiteSpace(request.QueryCode))
        {
            return ProblemHandling.Validation("queryCode", "缺少查询码。");
        }

        var number = request.TrackingNumber.Trim().ToUpperInvariant();
        var row = await FindByNumber(db, number, ct);

        // An unknown number and a wrong code answer alike, so the answer does not confirm that a number exists.
        if (row is null || !QueryCode.Verify(number, request.QueryCode.Trim(), row.QueryCodeHash))
        {
            return NotFound();
        }

        return TypedResults.Ok(row.ToPublicStatus(calendar, clock.GetUtcNow()));
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
