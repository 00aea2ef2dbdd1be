using System.Security.Claims;
using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Complaints.Api.Validation;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Validation;

namespace Complaints.Api.Complaints;

/// <summary>
/// 第七条第(一)项. <c>idType</c> names the document of <c>idNumber</c>; without it a person's number is read as a 居民身份证 and an
/// organisation's as a 统一社会信用代码 (as before the other documents were accepted).
/// </summary>
[ValidatableType]
public sealed record ComplainantInput(
    [property: ZhRequired] ComplainantType? Type,
    [property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.OpaqueMaxLength)] string? Name,
    [property: ZhMaxLength(ComplaintLimits.OpaqueMaxLength)] string? IdNumber,
    [property: ZhMaxLength(ComplaintLimits.OpaqueMaxLength)] string? Phone,
    [property: ZhMaxLength(ComplaintLimits.OpaqueMaxLength)] string? Address,
    IdType? IdType = null);

[ValidatableType]
public sealed record RespondentInput(
    [property: ZhRequired] Guid? AgencyId,
    [property: ZhMaxLength(ComplaintLimits.StaffNameMaxLength)] string? StaffName,
    [property: ZhMaxLength(ComplaintLimits.WindowNumberMaxLength)] string? WindowNumber);

[ValidatableType]
public sealed record ServiceItemInput(
    [property: ZhMaxLength(ComplaintLimits.ServiceItemCodeMaxLength)] string? Code,
    [property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.ServiceItemNameMaxLength)] string? Name);

/// <summary>
/// api.md <c>POST /api/v1/complaints</c>. <c>complainant</c> is given only by staff registering an offline channel. An online
/// complainant may add a 联系地址 (<c>contactAddress</c>, 第七条), required with <c>noticeByPost</c> (notices by post, 第十一条第二款).
/// </summary>
[ValidatableType]
public sealed record SubmitComplaintRequest(
    [property: ZhRequired] Channel? Channel,
    ComplainantInput? Complainant,
    [property: ZhRequired] RespondentInput? Respondent,
    [property: ZhRequired] ServiceItemInput? ServiceItem,
    [property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.RequestMaxLength)] string? Request,
    [property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.FactsMaxLength)] string? Facts,
    [property: ZhMaxLength(ComplaintLimits.MaxEvidence)] IReadOnlyList<Guid>? EvidenceIds,
    bool Confidential,
    [property: ZhMaxLength(ComplaintLimits.ShortTextMaxLength)] string? ContactAddress = null,
    bool? NoticeByPost = null);

/// <summary>第六、七条: receive a complaint from any channel and route it per 第五条.</summary>
public static class SubmitComplaint
{
    public static async Task<Results<Created<SubmittedComplaintView>, ProblemHttpResult>> Handle(
        SubmitComplaintRequest request,
        ClaimsPrincipal user,
        ComplaintsDbContext db,
        AuditTrail audit,
        UnitOfWork work,
        PersonalDataProtector protector,
        IWorkingDayCalendar calendar,
        TimeProvider clock,
        CancellationToken ct)
    {
        var caller = Caller.From(user);
        var actor = caller.ToActor();
        var now = clock.GetUtcNow();
        // Present: the declared rules ([ZhRequired]) are enforced before the handler runs.
        var channel = request.Channel!.Value;
        var agencyId = request.Respondent!.AgencyId!.Value;

        // 第七条: whose identity (the token's or the registration's), checked; then protected before it is stored.
        var identified = Intake.Identify(actor, caller.IsComplainant ? ComplainantIdentity.ClaimsOf(user) : null,
            ComplainantIdentity.ParticularsOf(request.Complainant), request.ContactAddress, ChinaTime.DateOf(now));
        if (!identified.IsSuccess)
        {
            return identified.Error!.ToProblem();
        }

        var identity = ComplainantIdentity.Protect(identified.Value, protector);
        var evidenceIds = request.EvidenceIds ?? [];
        string regionCode;
        TrackingNumber tracking;
        if (evidenceIds.Count == 0)
        {
            // The usual case in one round trip: the agency (active ones only) and the next serial of its region and day.
            if (await DrawForAgencyAsync(db, agencyId, now, ct) is not { } drawn)
            {
                return ProblemHandling.Validation("respondent.agencyId", "被投诉的政务服务机构不存在。");
            }

            (regionCode, tracking) = drawn;
        }
        else
        {
            var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId && a.Active).Select(a => new { a.Id, a.RegionCode }).FirstOrDefaultAsync(ct);
            if (agency is null)
            {
                return ProblemHandling.Validation("respondent.agencyId", "被投诉的政务服务机构不存在。");
            }

            if (await EvidenceAttachment.CheckAsync(db, caller.Subject, evidenceIds, ct) is { } evidenceProblem)
            {
                return evidenceProblem;
            }

            regionCode = agency.RegionCode;
            tracking = await NextTrackingNumberAsync(db, regionCode, now, ct);
        }

        var queryCode = QueryCode.Generate();
        var submission = new ComplaintSubmission(
            channel,
            identity.Snapshot,
            new Respondent(agencyId, request.Respondent.StaffName, request.Respondent.WindowNumber),
            request.ServiceItem is null ? null : new ServiceItem(request.ServiceItem.Name ?? "", request.ServiceItem.Code),
            request.Request,
            request.Facts,
            evidenceIds,
            request.Confidential,
            request.NoticeByPost ?? false);
        // 第四、五、六条: who receives it (the registering agency, or the respondent's management department), by whom, on which channel.
        var received = Intake.Register(Guid.CreateVersion7(now), tracking.Value, QueryCode.Hash(tracking, queryCode), submission, regionCode, actor, now);
        if (!received.IsSuccess)
        {
            return received.Error!.ToProblem();
        }

        var complaint = received.Value;
        db.Complaints.Add(complaint);
        ComplaintStore.SetShadowState(db, complaint, regionCode, identity, calendar);
        await ComplaintChange.Received(complaint).StageAsync(db, audit, calendar, caller, now, ct);
        if (!await work.TrySaveAsync(evidenceIds.Count == 0 ? null : t => EvidenceAttachment.TryAttachAsync(db, complaint.Id, evidenceIds, t), ct))
        {
            return ProblemHandling.Validation("evidenceIds", "证明材料已附加到其他投诉或已过期,请重新上传。");
        }

        ComplaintsMetrics.Received.Add(1, new KeyValuePair<string, object?>("channel", WireNames.Of(complaint.Channel)));
        var view = new SubmittedComplaintView(complaint.Id, complaint.TrackingNumber, queryCode.Value, complaint.Status, complaint.ReceivedAt.Cst(),
            DeadlinesView.From(complaint.Deadlines(calendar, now)));
        var location = caller.IsComplainant ? $"/api/v1/me/complaints/{complaint.Id}" : $"/api/v1/cases/{complaint.Id}";
        return TypedResults.Created(location, view);
    }

    /// <summary>
    /// <see cref="NextTrackingNumberAsync"/> for the respondent agency's region, found in the same statement:
    /// null when there is no such active agency (then nothing is drawn). On the request's connection, so inside an
    /// idempotent request's transaction the serial is only spent when the complaint is stored (no gaps), and a
    /// request never needs a second pooled connection while it holds one.
    /// </summary>
    private static async Task<(string Region, TrackingNumber Tracking)?> DrawForAgencyAsync(ComplaintsDbContext db, Guid agencyId, DateTimeOffset now, CancellationToken ct)
    {
        var day = ChinaTime.DateOf(now);
        var drawn = await db.Database.SqlQuery<DrawnSerial>($"""
            INSERT INTO tracking_sequences (region_code, day, last)
            SELECT a.region_code, {day}, 1 FROM agencies a WHERE a.id = {agencyId} AND a.active
            ON CONFLICT (region_code, day) DO UPDATE SET last = tracking_sequences.last + 1
            RETURNING region_code AS "Region", last AS "Serial"
            """).ToListAsync(ct);
        if (drawn is not [var row])
        {
            return null;
        }

        var created = TrackingNumber.Create(row.Region, day, row.Serial);
        return created.IsSuccess ? (row.Region, created.Value) : throw new InvalidOperationException($"Tracking number overflow for {row.Region} on {day}: {created.Error!.Code}");
    }

    private sealed record DrawnSerial(string Region, int Serial);

    /// <summary>Unique per (region, CST day): the counter row is incremented atomically by PostgreSQL.</summary>
    private static async Task<TrackingNumber> NextTrackingNumberAsync(ComplaintsDbContext db, string regionCode, DateTimeOffset now, CancellationToken ct)
    {
        var day = ChinaTime.DateOf(now);
        var sequence = await db.Database.SqlQuery<int>($"""
            INSERT INTO tracking_sequences (region_code, day, last) VALUES ({regionCode}, {day}, 1)
            ON CONFLICT (region_code, day) DO UPDATE SET last = tracking_sequences.last + 1
            RETURNING last AS "Value"
            """).ToListAsync(ct);
        var created = TrackingNumber.Create(regionCode, day, sequence[0]);
        return created.IsSuccess ? created.Value : throw new InvalidOperationException($"Tracking number overflow for {regionCode} on {day}: {created.Error!.Code}");
    }
}
