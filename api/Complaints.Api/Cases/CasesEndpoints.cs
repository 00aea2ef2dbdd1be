using Complaints.Api.Auth;
using Complaints.Api.Docs;

namespace Complaints.Api.Cases;

/// <summary>api.md "Agency and management side". Who may act is the domain's rule; who may see is CaseVisibility's.</summary>
public static class CasesEndpoints
{
    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(Policies.Casework).WithAuthProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapGet("/", CaseQueue.List).WithName("ListCases")
            .WithMetadata(new QueryEnum("status", typeof(Domain.Cases.ComplaintStatus)), new QueryEnum("classification", typeof(Domain.Cases.Classification)))
            .WithSummary("The caller's queue: its agency's cases, or its division's and every division's below (keyset pagination, newest first).")
            .WithDescription("Filters: `status`, `overdue` (the running deadline has passed), `dueSoon` (due by the end of the next working day), "
                + "`dueBefore` (running deadline on or before a date), `classification`, `agency` (respondent, assigned or lead).");
        cases.MapGet("/notices-to-deliver", NoticesToDeliver.List).WithName("ListNoticesToDeliver")
            .WithSummary("The caller's decision notices still to be delivered by hand or post: automatic sending failed (no phone or app account, or the gateway gave up), or the complainant asked for post; until a delivery is recorded (第十一条第二款). Oldest decision first.");
        cases.MapGet("/{id:guid}", CaseReads.Get).WithName("GetCase").WithMetadata(new SendsETag())
            .WithSummary("A case with its deadlines and timeline; the complainant masked except for officers on non-confidential cases (第九条). Carries an ETag.");
        cases.MapGet("/{id:guid}/complainant", CaseReads.GetComplainant).RequireAuthorization(Policies.Officer).WithName("GetCaseComplainant")
            .WithSummary("The complainant's full identity, for named complaint officers only (第四、九条); every read is audited.");
        cases.MapGet("/{id:guid}/audit", CaseReads.GetAudit).WithName("GetCaseAudit")
            .WithSummary("Who read or changed what on this case, and when (officers and management departments).");

        Action(cases, "referral", CaseActions.Refer, "ReferCase", "Refer to the responsible agency with a 交办单 (management, within 2 working days, 第十条).");
        Action(cases, "acceptance", CaseActions.DecideAcceptance, "DecideAcceptance",
            "Accept and classify (onsite/offsite), or not accept under a 第八条 reason (agency within 3 working days, 第十一、十二条; the receiving department may decide not to accept before referral).");
        Action(cases, "extension", CaseActions.Extend, "ExtendCase", "Extend an offsite case once, before its deadline, to at most 20 working days, with a reason (第十三条).");
        Action(cases, "investigation-records", CaseActions.RecordInvestigation, "RecordInvestigation",
            "Record an investigation step (on-site investigation, interview, records retrieval, other) or the respondent's statement (`respondent_statement`, with `disputed` when it contradicts the complaint) (第十四条). An invalid finding, and any finding on a disputed case, needs at least one investigation step first.");
        Action(cases, "conclusion", CaseActions.Conclude, "ConcludeCase", "Conclude with a finding and the result (the handling or lead agency, 第十三、十四、十五条).");
        Action(cases, "merge", CaseActions.Merge, "MergeCase", "Merge into another open case about the same matter; every complainant still gets feedback (第十三条).");
        Action(cases, "coordination", CaseActions.Coordinate, "CoordinateCase", "Name a lead agency and cooperating agencies (management, 第十五条).");
        Action(cases, "revisit", CaseActions.Revisit, "RevisitCase", "Record a revisit: method and the complainant's satisfaction (第十六条).");
        Action(cases, "rectification", CaseActions.OrderRectification, "OrderRectification", "Order rectification with a due date (management, 第十六条).");
        Action(cases, "rectification/completion", CaseActions.CompleteRectification, "CompleteRectification", "Report the rectification done (agency).");
        Action(cases, "rectification/verification", CaseActions.VerifyRectification, "VerifyRectification", "Accept the rectification, or send it back (management).");
        Action(cases, "notice-delivery", CaseActions.RecordNoticeDelivery, "RecordNoticeDelivery",
            "Record how and when the 受理/不予受理通知书 reached the complainant: collected on site, post, SMS, app message, e-mail or another effective way (第十一条第二款). Once per notice, after the decision.");
        Action(cases, "major-report", CaseActions.ReportMajor, "ReportMajorComplaint", "Flag a major complaint reported to the government of that level (第四条).");

        app.MapGet("/api/v1/admin/audit/verification", CaseReads.VerifyAudit).WithTags("Administration")
            .RequireAuthorization(Policies.Admin).WithAuthProblems().WithName("VerifyAuditTrail")
            .WithSummary("Walk the hash chain of the audit log; reports the first changed, removed or reordered line.");
        return app;
    }

    private static void Action(RouteGroupBuilder cases, string path, Delegate handler, string name, string summary) =>
        cases.MapPost($"/{{id:guid}}/{path}", handler).WithName(name).WithSummary(summary).WithMetadata(new HonoursIfMatch())
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
