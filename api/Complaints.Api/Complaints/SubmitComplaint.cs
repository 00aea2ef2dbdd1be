using System.Security.Claims;
using System.Text.Json;
using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Idempotency;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Complaints.Api.Validation;
using Complaints.Api.Webhooks;
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
        HttpContext http,
        CancellationToken ct)
    {
        var (caller, now, queryCode) = (Caller.From(user), clock.GetUtcNow(), QueryCode.Generate());
        var form = FormOf(request);
        var found = await LoadAsync(db, caller.Subject, form, now, ct);

        // 第四至七、九条: whose identity, checked and sealed; the respondent and evidence on file; who receives it, by whom, on which channel.
        var submitted = Intake.Submit(form, caller.ToActor(), caller.IsComplainant ? ComplainantIdentity.ClaimsOf(user) : null, found,
            Guid.CreateVersion7(now), queryCode, protector.Encrypt, now);
        if (!submitted.IsSuccess)
        {
            return submitted.Error!.ToProblem();
        }

        var complaint = submitted.Value.Complaint;
        db.Complaints.Add(complaint);
        ComplaintStore.SetShadowState(db, complaint, found.RespondentRegionCode!, ComplainantIdentity.Protect(submitted.Value, protector), calendar);
        await ComplaintChange.Received(complaint).StageAsync(db, audit, calendar, caller, now, ct);
        void Received() => ComplaintsMetrics.Received.Add(1, new KeyValuePair<string, object?>("channel", WireNames.Of(complaint.Channel)));
        if (http.Items[IntakeClaim.Item] is IntakeClaim claim)
        {
            // Committed with its key and this answer in the intake writer's next group (docs/decisions/intake-group-commit.md).
            _ = form.EvidenceIds.Count == 0 ? 0 : throw new InvalidOperationException("Submissions with evidence are not group-committed (GroupCommits).");
            claim.Stage(work.TakeAddedRows(), $"{found.RespondentRegionCode}|{form.Respondent.AgencyId}", Received);
        }
        else if (!await work.TrySaveAsync(form.EvidenceIds.Count == 0 ? null : t => EvidenceAttachment.TryAttachAsync(db, complaint.Id, form.EvidenceIds, t), ct))
        {
            return ProblemHandling.Validation("evidenceIds", "证明材料已附加到其他投诉或已过期,请重新上传。");
        }
        else
        {
            Received();
        }

        var view = new SubmittedComplaintView(complaint.Id, complaint.TrackingNumber, queryCode.Value, complaint.Status, complaint.ReceivedAt.Cst(),
            DeadlinesView.From(complaint.Deadlines(calendar, now)));
        return TypedResults.Created(caller.IsComplainant ? $"/api/v1/me/complaints/{complaint.Id}" : $"/api/v1/cases/{complaint.Id}", view);
    }

    /// <summary>
    /// Which keyed submissions are committed in groups (<see cref="IntakeClaim"/>): those without evidence. Attaching
    /// evidence can fail for one submission alone, so those keep a transaction of their own.
    /// </summary>
    public static bool GroupCommits(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in body.EnumerateObject())
        {
            // The binder matches names case-insensitively (web defaults); so does this.
            if (string.Equals(property.Name, "evidenceIds", StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() == 0;
            }
        }

        return true;
    }

    /// <summary>The body as the domain's form. Present: the declared rules ([ZhRequired]) are enforced before the handler runs.</summary>
    private static IntakeForm FormOf(SubmitComplaintRequest request) => new(
        request.Channel!.Value,
        ComplainantIdentity.ParticularsOf(request.Complainant),
        request.ContactAddress,
        new Respondent(request.Respondent!.AgencyId!.Value, request.Respondent.StaffName, request.Respondent.WindowNumber),
        request.ServiceItem is null ? null : new ServiceItem(request.ServiceItem.Name ?? "", request.ServiceItem.Code),
        request.Request,
        request.Facts,
        request.EvidenceIds ?? [],
        request.Confidential,
        request.NoticeByPost ?? false);

    /// <summary>
    /// What intake needs from the store (<see cref="IntakeRecords"/>). The usual case, no evidence, in one round trip: the
    /// agency (active ones only) and the next serial of its region and day; with evidence: the agency, the evidence, the serial.
    /// </summary>
    private static async Task<IntakeRecords> LoadAsync(ComplaintsDbContext db, string uploader, IntakeForm form, DateTimeOffset now, CancellationToken ct)
    {
        var agencyId = form.Respondent.AgencyId;
        if (form.EvidenceIds.Count == 0)
        {
            return await DrawForAgencyAsync(db, agencyId, now, ct) is { } drawn ? new(drawn.Region, true, drawn.Tracking) : new(null, true, null);
        }

        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId && a.Active).Select(a => new { a.Id, a.RegionCode }).FirstOrDefaultAsync(ct);
        if (agency is null)
        {
            return new(null, true, null);
        }

        return await EvidenceAttachment.IsUsableAsync(db, uploader, form.EvidenceIds, ct)
            ? new(agency.RegionCode, true, await NextTrackingNumberAsync(db, agency.RegionCode, now, ct))
            : new(agency.RegionCode, false, null);
    }

    /// <summary>
    /// <see cref="NextTrackingNumberAsync"/> for the respondent agency's region, found in the same statement:
    /// null when there is no such active agency (then nothing is drawn). The same statement reads the webhook subscriptions
    /// of the agency and of its region's department, one of which the case-received event is addressed to
    /// (<see cref="ComplaintsDbContext.SubscriptionsRead"/>). On the request's connection, so a request never
    /// needs a second pooled connection while it holds one. Inside a request's transaction the serial is only spent when
    /// the complaint is stored; a group-committed submission draws it in a statement of its own, so a group that fails
    /// skips its numbers (docs/decisions/intake-group-commit.md).
    /// </summary>
    private static async Task<(string Region, TrackingNumber Tracking)?> DrawForAgencyAsync(ComplaintsDbContext db, Guid agencyId, DateTimeOffset now, CancellationToken ct)
    {
        var day = ChinaTime.DateOf(now);
        var drawn = await ContextSql.ReadAsync(db, DrawForAgency,
            r => (Region: r.GetString(0), Serial: r.GetInt32(1), OfAgency: r.GetFieldValue<Guid[]>(2), OfRegion: r.GetFieldValue<Guid[]>(3)), ct,
            ContextSql.Value(day), ContextSql.Value(agencyId));
        if (drawn is not [var row])
        {
            return null;
        }

        db.SubscriptionsRead[Party.Agency(agencyId)] = row.OfAgency;
        db.SubscriptionsRead[Party.Department(row.Region)] = row.OfRegion;

        var created = TrackingNumber.Create(row.Region, day, row.Serial);
        return created.IsSuccess ? (row.Region, created.Value) : throw new InvalidOperationException($"Tracking number overflow for {row.Region} on {day}: {created.Error!.Code}");
    }

    private const string DrawForAgency = """
        INSERT INTO tracking_sequences (region_code, day, last)
        SELECT a.region_code, $1, 1 FROM agencies a WHERE a.id = $2 AND a.active
        ON CONFLICT (region_code, day) DO UPDATE SET last = tracking_sequences.last + 1
        RETURNING region_code, last,
            ARRAY(SELECT s.id FROM webhook_subscriptions s WHERE s.agency_id = $2 AND s.active),
            ARRAY(SELECT s.id FROM webhook_subscriptions s WHERE s.region_code = tracking_sequences.region_code AND s.active)
        """;

    /// <summary>Unique per (region, CST day): the counter row is incremented atomically by PostgreSQL.</summary>
    private static async Task<TrackingNumber> NextTrackingNumberAsync(ComplaintsDbContext db, string regionCode, DateTimeOffset now, CancellationToken ct)
    {
        var day = ChinaTime.DateOf(now);
        var sequence = await ContextSql.ReadAsync(db, DrawForRegion, r => r.GetInt32(0), ct, ContextSql.Value(regionCode), ContextSql.Value(day));
        var created = TrackingNumber.Create(regionCode, day, sequence[0]);
        return created.IsSuccess ? created.Value : throw new InvalidOperationException($"Tracking number overflow for {regionCode} on {day}: {created.Error!.Code}");
    }

    private const string DrawForRegion = """
        INSERT INTO tracking_sequences (region_code, day, last) VALUES ($1, $2, 1)
        ON CONFLICT (region_code, day) DO UPDATE SET last = tracking_sequences.last + 1
        RETURNING last
        """;
}
