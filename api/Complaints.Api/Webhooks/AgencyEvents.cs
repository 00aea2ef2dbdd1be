using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Webhooks;

/// <summary>An agency or a management department: whom an event is addressed to.</summary>
public sealed record Party(Guid? AgencyId, string? RegionCode)
{
    public static Party Agency(Guid id) => new(id, null);

    public static Party Department(string regionCode) => new(null, regionCode);

    /// <summary>The agency handling the case: the lead (第十五条), else the one it was referred to, else the respondent.</summary>
    public static Party HandlingAgency(Complaint c) => Agency(c.HandlingAgencyId ?? c.Respondent.AgencyId);

    /// <summary>The department that received the case, else the one supervising the respondent's region (第五条).</summary>
    public static Party SupervisingDepartment(ComplaintsDbContext db, Complaint c) =>
        Department(c.ReceivingRegionCode ?? db.Entry(c).Property<string>(ComplaintConfiguration.RegionCode).CurrentValue);
}

/// <summary>
/// Raises events for agencies' and departments' systems: one outbox row per active webhook subscription of the
/// addressed body, added to the caller's unit of work (never saved here), so an event exists exactly when the
/// change it announces was committed, and the dispatcher delivers it like any notice (retries, lease, dead letters).
/// Data carries no personal data: case id, tracking number, wire names and dates only.
/// </summary>
public static class AgencyEvents
{
    // Compiled once: every case's change looks its addressee's subscriptions up, and a LINQ query is otherwise parsed and
    // funcletized on each call (with a condition over the captured Party, compiled into a delegate each time).
    private static readonly Func<ComplaintsDbContext, Guid, IAsyncEnumerable<Guid>> OfAgency = EF.CompileAsyncQuery(
        (ComplaintsDbContext db, Guid agencyId) => db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active && s.AgencyId == agencyId).Select(s => s.Id));

    private static readonly Func<ComplaintsDbContext, string?, IAsyncEnumerable<Guid>> OfDepartment = EF.CompileAsyncQuery(
        (ComplaintsDbContext db, string? regionCode) => db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active && s.RegionCode == regionCode).Select(s => s.Id));

    public static async Task RaiseAsync(
        ComplaintsDbContext db, Party to, NotificationKind kind, Guid? caseId, string? trackingNumber,
        IReadOnlyDictionary<string, string?> data, DateTimeOffset now, CancellationToken ct)
    {
        var type = AgencyEventTypes.Of(kind);

        IReadOnlyList<Guid> subscriptions = db.SubscriptionsRead.TryGetValue(to, out var read) ? read
            : to.AgencyId is { } agencyId ? await OfAgency(db, agencyId).ToListAsync(ct)
            : await OfDepartment(db, to.RegionCode).ToListAsync(ct);

        if (subscriptions.Count == 0)
        {
            return;
        }

        var payload = data.Where(d => d.Value is not null && type.Data.ContainsKey(d.Key)).ToDictionary(d => d.Key, d => d.Value!, StringComparer.Ordinal);
        foreach (var subscription in subscriptions)
        {
            db.NotificationOutbox.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(now),
                CaseId = caseId,
                TrackingNumber = trackingNumber,
                Kind = kind,
                RecipientType = RecipientType.Subscription,
                SubscriptionId = subscription,
                Payload = new Dictionary<string, string>(payload, StringComparer.Ordinal),
                Status = OutboxStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }
    }

    public static Task RaiseAsync(ComplaintsDbContext db, Party to, NotificationKind kind, Complaint c, IReadOnlyDictionary<string, string?> data, DateTimeOffset now, CancellationToken ct) =>
        RaiseAsync(db, to, kind, c.Id, c.TrackingNumber, data, now, ct);

    /// <summary>第十条: the agency a case was referred to learns of it, with the 交办单.</summary>
    public static Task ReferredAsync(ComplaintsDbContext db, Complaint c, DateOnly? acceptanceDue, DateTimeOffset now, CancellationToken ct) =>
        c.AssignedAgencyId is { } agency
            ? RaiseAsync(db, Party.Agency(agency), NotificationKind.CaseReferred, c, new Dictionary<string, string?>
            {
                ["status"] = WireNames.Of(c.Status),
                ["acceptanceDue"] = acceptanceDue?.ToString("yyyy-MM-dd"),
                ["referralForm"] = $"/api/v1/cases/{c.Id}/documents/referral-form",
            }, now, ct)
            : Task.CompletedTask;

    /// <summary>A new complaint: the agency that received it directly, or the department that is to refer it.</summary>
    public static Task ReceivedAsync(ComplaintsDbContext db, Complaint c, DateOnly? dueDate, DateTimeOffset now, CancellationToken ct)
    {
        var to = c.Status == ComplaintStatus.PendingReferral ? Party.SupervisingDepartment(db, c) : Party.HandlingAgency(c);
        return RaiseAsync(db, to, NotificationKind.CaseReceived, c, new Dictionary<string, string?>
        {
            ["status"] = WireNames.Of(c.Status),
            ["channel"] = WireNames.Of(c.Channel),
            ["dueDate"] = dueDate?.ToString("yyyy-MM-dd"),
        }, now, ct);
    }

    /// <summary>第十六条: 不满意 or 非常不满意 calls for a revisit: the handling agency and the supervising department hear of it.</summary>
    public static async Task RatedAsync(ComplaintsDbContext db, Complaint c, SatisfactionRating rating, string ratedBy, DateTimeOffset now, CancellationToken ct)
    {
        if (rating is not (SatisfactionRating.Dissatisfied or SatisfactionRating.VeryDissatisfied))
        {
            return;
        }

        var data = new Dictionary<string, string?> { ["rating"] = WireNames.Of(rating), ["ratedBy"] = ratedBy };
        await RaiseAsync(db, Party.HandlingAgency(c), NotificationKind.RatedDissatisfied, c, data, now, ct);
        await RaiseAsync(db, Party.SupervisingDepartment(db, c), NotificationKind.RatedDissatisfied, c, data, now, ct);
    }

    /// <summary>第十六条: each drawn case's handling agency learns that it will be reviewed.</summary>
    public static async Task SpotCheckDrawnAsync(ComplaintsDbContext db, Guid spotCheckId, IReadOnlyList<Guid> caseIds, DateTimeOffset now, CancellationToken ct)
    {
        if (caseIds.Count == 0 || !await db.WebhookSubscriptions.AnyAsync(s => s.Active && s.AgencyId != null, ct))
        {
            return;
        }

        var drawn = await db.Complaints.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.TrackingNumber, Agency = c.LeadAgencyId ?? c.AssignedAgencyId ?? c.Respondent.AgencyId }).ToListAsync(ct);
        foreach (var c in drawn)
        {
            await RaiseAsync(db, Party.Agency(c.Agency), NotificationKind.SpotCheckDrawn, c.Id, c.TrackingNumber,
                new Dictionary<string, string?> { ["spotCheckId"] = spotCheckId.ToString() }, now, ct);
        }
    }
}
