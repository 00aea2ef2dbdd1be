using Complaints.Api.Complaints;
using Complaints.Api.Infrastructure;
using Complaints.Api.Notifications;
using Complaints.Domain.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Cases;

/// <summary>Why a decision notice waits for staff to deliver it (第十一条第二款).</summary>
public enum DeliveryNeed
{
    /// <summary>The complainant left neither a mobile phone nor an app account: only an address or a landline.</summary>
    NoElectronicContact,

    /// <summary>The SMS or app gateway refused it or the retries ran out.</summary>
    SendingFailed,

    /// <summary>The complainant asked for the notices by post (第七条 联系地址).</summary>
    PostRequested,
}

/// <summary>One notice to deliver; no personal data (the address is read through the audited complainant endpoint).</summary>
public sealed record NoticeToDeliverItem(
    Guid CaseId,
    string TrackingNumber,
    ComplaintStatus Status,
    DecisionNotice Notice,
    DateTimeOffset DecidedAt,
    DeliveryNeed Need,
    bool HasAddress,
    bool Confidential,
    Guid? HandlingAgencyId);

/// <summary>
/// 第十一条第二款 for staff: the 受理/不予受理通知书 that did not reach the complainant automatically and must go by hand or
/// post, until a delivery is recorded (<c>POST /cases/{id}/notice-delivery</c>). A notice still being retried is not
/// listed yet; a withdrawn complaint owes none any more [decision]. Only cases the caller sees (CaseVisibility).
/// </summary>
public static class NoticesToDeliver
{
    public sealed record Filters([FromQuery(Name = "limit")] int? Limit, [FromQuery(Name = "cursor")] string? Cursor);

    /// <summary>How the dispatcher names a complainant it cannot reach electronically (OutboxDispatcher).</summary>
    private const string NoContactError = "no electronic contact";

    public static async Task<Results<Ok<Page<NoticeToDeliverItem>>, ProblemHttpResult>> List([AsParameters] Filters f, [AsParameters] CaseRequest r, CancellationToken ct)
    {
        var take = Paging.Clamp(f.Limit);
        var after = default(DateTimeOffset);
        var afterId = default(Guid);
        if (f.Cursor is not null && !ReceivedCursor.TryParse(f.Cursor, out after, out afterId))
        {
            return ProblemHandling.Validation("cursor", "分页游标无效。");
        }

        var db = r.Db;
        var failedNotices = db.NotificationOutbox.Where(m => m.Status == OutboxStatus.Failed && m.RecipientType == RecipientType.Complainant
            && (m.Kind == NotificationKind.AcceptanceNotice || m.Kind == NotificationKind.NonAcceptanceNotice) && m.ComplainantCaseId == m.CaseId);

        // Driven by the two small sets (failed notices, postal requests), then narrowed to what the caller sees.
        var candidates = failedNotices.Select(m => m.CaseId!.Value).Union(db.Complaints.Where(c => c.NoticeByPost).Select(c => c.Id));
        var query = db.Complaints.AsNoTracking().VisibleTo(db, r.Caller)
            .Where(c => candidates.Contains(c.Id) && c.DecidedAt != null && c.Status != ComplaintStatus.Withdrawn && !c.NoticeDeliveries.Any());
        if (f.Cursor is not null)
        {
            query = query.Where(c => c.DecidedAt > after || (c.DecidedAt == after && c.Id.CompareTo(afterId) > 0));
        }

        var rows = await query.OrderBy(c => c.DecidedAt).ThenBy(c => c.Id).Take(take + 1)
            .Select(c => new
            {
                c.Id,
                c.TrackingNumber,
                c.Status,
                NonAcceptance = c.NotAcceptedReason != null,
                DecidedAt = c.DecidedAt!.Value,
                c.NoticeByPost,
                LastError = failedNotices.Where(m => m.CaseId == c.Id).Select(m => m.LastError).FirstOrDefault(),
                HasAddress = c.Complainant.Address != null,
                c.Confidential,
                Handling = c.LeadAgencyId ?? c.AssignedAgencyId,
            })
            .ToListAsync(ct);

        var items = rows.Take(take).Select(x => new NoticeToDeliverItem(
            x.Id,
            x.TrackingNumber,
            x.Status,
            x.NonAcceptance ? DecisionNotice.NonAcceptance : DecisionNotice.Acceptance,
            x.DecidedAt.Cst(),
            x.NoticeByPost ? DeliveryNeed.PostRequested
                : x.LastError is not null && x.LastError.StartsWith(NoContactError, StringComparison.Ordinal) ? DeliveryNeed.NoElectronicContact
                : DeliveryNeed.SendingFailed,
            x.HasAddress,
            x.Confidential,
            x.Handling)).ToList();
        var next = rows.Count > take ? ReceivedCursor.Format(rows[take - 1].DecidedAt, rows[take - 1].Id) : null;
        return TypedResults.Ok(new Page<NoticeToDeliverItem>(items, next));
    }
}
