using Complaints.Api.Complaints;
using Complaints.Api.Infrastructure;
using Complaints.Api.Validation;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Jurisdiction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Validation;

namespace Complaints.Api.Cases;

[ValidatableType]
public sealed record ReferralRequest([property: ZhRequired] Guid? AgencyId, [property: ZhMaxLength(ComplaintLimits.ShortTextMaxLength)] string? Note);

public enum AcceptanceDecision
{
    Accept,
    NotAccept,
}

[ValidatableType]
public sealed record AcceptanceRequest(
    [property: ZhRequired] AcceptanceDecision? Decision, Classification? Classification, NotAcceptedReason? Reason, Guid? RelatedCaseId,
    [property: ZhMaxLength(ComplaintLimits.LongTextMaxLength)] string? Explanation);

[ValidatableType]
public sealed record ExtensionRequest([property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.ShortTextMaxLength)] string? Reason);

/// <summary><c>disputed</c> only with <c>respondent_statement</c>: the statement contradicts the complaint (第十四条).</summary>
[ValidatableType]
public sealed record InvestigationRecordRequest([property: ZhRequired] InvestigationMethod? Method, [property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.LongTextMaxLength)] string? Summary, bool? Disputed = null);

[ValidatableType]
public sealed record ConclusionRequest([property: ZhRequired] Finding? Finding, [property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.LongTextMaxLength)] string? Result, [property: ZhMaxLength(ComplaintLimits.LongTextMaxLength)] string? Measures);

[ValidatableType]
public sealed record MergeRequest([property: ZhRequired] Guid? IntoCaseId);

[ValidatableType]
public sealed record CoordinationRequest([property: ZhRequired] Guid? LeadAgencyId, IReadOnlyList<Guid>? CooperatingAgencyIds);

[ValidatableType]
public sealed record RevisitRequest([property: ZhRequired] RevisitMethod? Method, [property: ZhRequired] SatisfactionRating? Rating, [property: ZhMaxLength(ComplaintLimits.LongTextMaxLength)] string? Note);

[ValidatableType]
public sealed record RectificationRequest([property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.LongTextMaxLength)] string? Requirement, [property: ZhRequired] DateOnly? DueDate);

[ValidatableType]
public sealed record RectificationCompletionRequest([property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.LongTextMaxLength)] string? Report);

[ValidatableType]
public sealed record RectificationVerificationRequest([property: ZhRequired] bool? Accepted, [property: ZhMaxLength(ComplaintLimits.LongTextMaxLength)] string? Note);

[ValidatableType]
public sealed record MajorReportRequest([property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.LongTextMaxLength)] string? Summary);

/// <summary>第十一条第二款: how and on which day (CST, <c>yyyy-MM-dd</c>) the decision notice reached the complainant; <c>note</c> describes an <c>other</c> way.</summary>
[ValidatableType]
public sealed record NoticeDeliveryRequest(
    [property: ZhRequired] DeliveryMethod? Method, [property: ZhRequired] DateOnly? DeliveredOn,
    [property: ZhMaxLength(ComplaintLimits.ShortTextMaxLength)] string? Note);

/// <summary>
/// api.md "Agency and management side": each action loads the case the caller may see, honours
/// If-Match, makes one domain call and saves it under the case's version through <see cref="ComplaintChange"/>,
/// which derives the audit lines and notices from the domain's events. Checks the domain cannot make
/// (the directory, the region tree) are made here, before that call. The bodies' declared rules
/// (<c>[ZhRequired]</c> and the rest) are enforced before any of this runs, so a required member is present here.
/// </summary>
public static class CaseActions
{
    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Refer(Guid id, ReferralRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.referred", ct, async (c, actor, now) =>
        {
            var agencyId = body.AgencyId!.Value;
            return ReceivingDepartmentOnly(c, r) ?? await AgencyInRegionAsync(r, agencyId, c, "agencyId")
                ?? c.Refer(r.Calendar, agencyId, body.Note, actor, now).Error;
        });

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> DecideAcceptance(Guid id, AcceptanceRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, body.Decision == AcceptanceDecision.NotAccept ? "case.not_accepted" : "case.accepted", ct, async (c, actor, now) =>
        {
            switch (body.Decision)
            {
                case AcceptanceDecision.Accept:
                    return body.Classification is { } classification
                        ? c.Accept(r.Calendar, classification, actor, now).Error
                        : Missing("classification", "分类(现场处理类或者非现场处理类,第十二条)");
                case AcceptanceDecision.NotAccept:
                    if (body.Reason is not { } reason)
                    {
                        return Missing("reason", "不予受理的理由(第八条)");
                    }

                    if (c.Status == ComplaintStatus.PendingReferral && ReceivingDepartmentOnly(c, r) is { } notReceiver)
                    {
                        return notReceiver;
                    }

                    Complaint? related = null;
                    if (body.RelatedCaseId is { } relatedId)
                    {
                        related = await CaseAccess.FindVisibleAsync(r.Db, relatedId, r.Caller, tracking: false, CancellationToken.None);
                        if (related is null)
                        {
                            return DomainError.Invalid("complaint.related_case_not_found", "关联的投诉不存在。", "第八条", "relatedCaseId");
                        }
                    }

                    return c.NotAccept(r.Calendar, reason, related, body.Explanation, actor, now).Error;
                default:
                    return Missing("decision", "受理决定(受理或者不予受理,第十一条)");
            }
        });

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Extend(Guid id, ExtensionRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.extended", ct, (c, actor, now) => Task.FromResult(c.Extend(r.Calendar, body.Reason, actor, now).Error));

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> RecordInvestigation(Guid id, InvestigationRecordRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.investigation_recorded", ct, (c, actor, now) => Task.FromResult(
            c.AddInvestigationRecord(body.Method!.Value, body.Summary, actor, now, body.Disputed ?? false).Error));

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Conclude(Guid id, ConclusionRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.concluded", ct, (c, actor, now) => Task.FromResult(
            c.Conclude(r.Calendar, body.Finding!.Value, body.Result, body.Measures, actor, now).Error));

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Merge(Guid id, MergeRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.merged", ct, async (c, actor, now) =>
        {
            var intoId = body.IntoCaseId!.Value;
            // Tracked, so the target's new merged complainant and timeline entry are saved with the source.
            var into = await CaseAccess.FindVisibleAsync(r.Db, intoId, r.Caller, tracking: true, CancellationToken.None);
            if (into is null)
            {
                return DomainError.Invalid("complaint.merge_target_not_found", "合并到的投诉不存在。", "第十三条", "intoCaseId");
            }

            // The target changes too (its MergedInto event, the complainant merged in): the same path, staged here.
            var intoChange = ComplaintChange.Begin(into);
            var error = c.Merge(into, actor, now).Error;
            if (error is null)
            {
                await intoChange.StageAsync(r.Db, r.Audit, r.Calendar, r.Caller, now, ct);
            }

            return error;
        });

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Coordinate(Guid id, CoordinationRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.coordinated", ct, async (c, actor, now) =>
        {
            var lead = body.LeadAgencyId!.Value;
            // 第十五条 across divisions: the department whose remit holds the case and every agency named coordinates
            // (本级, or the common higher level); agencies may come from any division within that remit.
            var cooperating = body.CooperatingAgencyIds ?? [];
            var named = new List<(string Field, string Region)>();
            foreach (var (agency, field) in cooperating.Select(a => (a, "cooperatingAgencyIds")).Prepend((lead, "leadAgencyId")))
            {
                var region = await r.Db.Agencies.AsNoTracking().Where(a => a.Id == agency && a.Active).Select(a => a.RegionCode).FirstOrDefaultAsync();
                if (region is null)
                {
                    return DomainError.Invalid("complaint.agency_not_found", "政务服务机构不存在。", "第十五条", field);
                }

                named.Add((field, region));
            }

            if (r.Caller.IsManagement && r.Caller.RegionCode is { } department
                && CoordinationRemit.Check(department, ComplaintStore.RegionOf(r.Db, c), named) is { } outside)
            {
                return outside;
            }

            return c.Coordinate(lead, cooperating.ToArray(), actor, now).Error;
        });

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> Revisit(Guid id, RevisitRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.revisited", ct, (c, actor, now) => Task.FromResult(
            c.RecordRevisit(body.Method!.Value, body.Rating!.Value, body.Note, actor, now).Error));

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> OrderRectification(Guid id, RectificationRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.rectification_ordered", ct, (c, actor, now) => Task.FromResult(
            c.OrderRectification(body.Requirement, body.DueDate!.Value, actor, now).Error));

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> CompleteRectification(Guid id, RectificationCompletionRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.rectification_completed", ct, (c, actor, now) => Task.FromResult(c.CompleteRectification(body.Report, actor, now).Error));

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> VerifyRectification(Guid id, RectificationVerificationRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.rectification_verified", ct, (c, actor, now) => Task.FromResult(
            c.VerifyRectification(body.Accepted!.Value, body.Note, actor, now).Error));

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> ReportMajor(Guid id, MajorReportRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.major_reported", ct, (c, actor, now) => Task.FromResult(c.FlagMajor(body.Summary, actor, now).Error));

    public static Task<Results<Ok<CaseView>, ProblemHttpResult>> RecordNoticeDelivery(Guid id, NoticeDeliveryRequest body, [AsParameters] CaseRequest r, CancellationToken ct) =>
        Act(id, r, "case.notice_delivered", ct, (c, actor, now) => Task.FromResult(
            c.RecordNoticeDelivery(body.Method!.Value, body.DeliveredOn!.Value, body.Note, actor, now).Error)); // [ZhRequired]

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Act(
        Guid id, CaseRequest r, string metricAction, CancellationToken ct, Func<Complaint, Actor, DateTimeOffset, Task<DomainError?>> action)
    {
        var caller = r.Caller;
        var complaint = await CaseAccess.FindVisibleAsync(r.Db, id, caller, tracking: true, ct);
        if (complaint is null)
        {
            return CaseAccess.NotFound();
        }

        if (CaseAccess.CheckIfMatch(r.Http.Request, ComplaintStore.VersionOf(r.Db, complaint)) is { } preconditionFailed)
        {
            return preconditionFailed;
        }

        var change = ComplaintChange.Begin(complaint);
        var now = r.Clock.GetUtcNow();
        if (await action(complaint, caller.ToActor(), now) is { } error)
        {
            return error.ToProblem();
        }

        await change.StageAsync(r.Db, r.Audit, r.Calendar, caller, now, ct);

        // The view before the save: an officer's read of the complainant in it is audited in the same transaction.
        var view = r.Work.Show(CaseAccess.ViewOf(r, complaint));
        if (!await ComplaintStore.TrySaveStagedAsync(r.Work, ct))
        {
            return ComplainantActions.ConcurrentChange();
        }

        ComplaintsMetrics.Decisions.Add(1, new KeyValuePair<string, object?>("action", metricAction));
        r.Http.Response.Headers.ETag = CaseViewMapping.ETag(view.Version);
        return TypedResults.Ok(view);
    }

    /// <summary>rules.md: referral belongs to the department that received the case (第十条).</summary>
    private static DomainError? ReceivingDepartmentOnly(Complaint c, CaseRequest r) =>
        r.Caller.IsManagement && c.ReceivingRegionCode is { } receiving && r.Caller.RegionCode != receiving
            ? DomainError.Forbidden(ComplaintErrors.NotPermitted, $"该投诉由区划 {receiving} 的政务服务管理部门接收,应由其交办或协调(第五条、第十条)。", "第五条")
            : null;

    /// <summary>第五条: the agency must exist and lie within the case's region.</summary>
    private static async Task<DomainError?> AgencyInRegionAsync(CaseRequest r, Guid agencyId, Complaint c, string field)
    {
        var region = await r.Db.Agencies.AsNoTracking().Where(a => a.Id == agencyId && a.Active).Select(a => a.RegionCode).FirstOrDefaultAsync();
        var caseRegion = c.ReceivingRegionCode ?? r.Caller.RegionCode;
        return region is null || (caseRegion is not null && !RegionCode.IsWithin(region, caseRegion))
            ? DomainError.Invalid("complaint.agency_not_found", "政务服务机构不存在或不在本行政区域内(第五条)。", "第五条", field)
            : null;
    }

    private static DomainError Missing(string field, string what) => DomainError.Invalid(ComplaintErrors.Required, $"缺少{what}。", null, field);
}

