using System.Globalization;
using System.Security.Claims;
using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Complaints;
using Complaints.Api.Docs;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Changes;

/// <summary>One change in the feed: enough to know which case to re-read (<c>GET /api/v1/cases/{caseId}</c>) and whether it is news.</summary>
public sealed record CaseChangeView(string Cursor, Guid CaseId, string TrackingNumber, int Version, ComplaintStatus Status, DateTimeOffset RecordedAt);

/// <summary>A page of the feed. <c>nextCursor</c> is always set: pass it as <c>after</c> to resume (an empty page answers the same cursor).</summary>
public sealed record ChangeFeedPage(IReadOnlyList<CaseChangeView> Items, string NextCursor, bool HasMore);

/// <summary>
/// api.md "Agency systems": <c>GET /api/v1/cases/changes?after={cursor}</c>, every change to a case in the caller's remit,
/// for systems that cannot receive webhooks. Gap-free although transactions commit out of order: rows are served in
/// (transaction id, position) order and only from transactions older than the oldest one still running
/// (<c>pg_snapshot_xmin(pg_current_snapshot())</c>). Every later change belongs to a transaction at least that new,
/// so it sorts after everything already served and a cursor never passes over a change that commits later.
/// docs/decisions/agency-systems.md explains the choice.
/// </summary>
public static class ChangeFeedEndpoints
{
    public static IEndpointRouteBuilder MapChangeFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/cases/changes", List).WithTags("Cases").RequireAuthorization(Policies.Casework).WithAuthProblems()
            .WithName("ListCaseChanges")
            .WithSummary("Every change to a case in the caller's remit, in commit order per case, resumable by cursor, none ever skipped.")
            .WithDescription("Start without `after` (from the beginning) and pass each page's `nextCursor` as `after`. An empty page means nothing new yet: "
                + "poll again later with the same cursor. A change is listed once it and every transaction older than it have ended. "
                + "Items carry the case's version (its ETag) and status after the change; read the case for the rest. No personal data.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    public static async Task<Results<Ok<ChangeFeedPage>, ProblemHttpResult>> List(
        ClaimsPrincipal user, ComplaintsDbContext db, string? after, int? limit, CancellationToken ct)
    {
        var (tx, position) = (0L, 0L);
        if (!string.IsNullOrEmpty(after) && !TryParse(after, out tx, out position))
        {
            return ProblemHandling.Validation("after", "无效的游标:请使用上一页返回的 nextCursor。");
        }

        var take = Paging.Clamp(limit);
        var caller = Caller.From(user);
        var settled = db.CaseChanges.FromSql($"SELECT * FROM case_changes WHERE tx_id < (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint");
        var rows = await settled
            .Where(ch => ch.TransactionId > tx || (ch.TransactionId == tx && ch.Position > position))
            .Join(db.Complaints.VisibleTo(db, caller), ch => ch.CaseId, c => c.Id, (ch, c) => new { Change = ch, c.TrackingNumber })
            .OrderBy(x => x.Change.TransactionId).ThenBy(x => x.Change.Position)
            .Take(take + 1)
            .AsNoTracking()
            .ToListAsync(ct);

        var page = rows.Take(take).Select(x => new CaseChangeView(Format(x.Change.TransactionId, x.Change.Position), x.Change.CaseId, x.TrackingNumber,
            x.Change.Version, Enum.Parse<ComplaintStatus>(x.Change.Status), x.Change.RecordedAt.Cst())).ToList();
        var next = page.Count == 0 ? Format(tx, position) : page[^1].Cursor;
        return TypedResults.Ok(new ChangeFeedPage(page, next, rows.Count > take));
    }

    public static string Format(long transactionId, long position) =>
        $"{transactionId.ToString(CultureInfo.InvariantCulture)}_{position.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryParse(string cursor, out long transactionId, out long position)
    {
        var parts = cursor.Split('_');
        transactionId = position = 0;
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out transactionId)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out position);
    }
}
