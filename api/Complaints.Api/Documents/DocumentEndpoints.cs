using System.Security.Claims;
using Complaints.Api.Auth;
using Complaints.Api.Docs;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Complaints.Api.Documents;

/// <summary>
/// api.md <c>GET /api/v1/cases/{id}/documents/{kind}</c>: the annex forms of the regulation for one
/// case, as JSON, a printable HTML page or a PDF, chosen by <c>Accept</c>.
/// </summary>
public static class DocumentEndpoints
{
    public const string NotAvailable = "document.not_available";
    public const string UnknownKind = "document.unknown_kind";
    public const string NotAcceptable = "document.not_acceptable";
    public const string FontUnavailable = "document.font_unavailable";

    public static IServiceCollection AddCaseDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DocumentOptions>(DocumentOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<DocumentFonts>();
        return services;
    }

    public static RouteGroupBuilder MapCaseDocuments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases/{id:guid}/documents").WithTags("Documents")
            .RequireAuthorization(Policies.Casework).WithAuthProblems();

        Map<ReferralFormDocument>(group, "GetReferralForm",
            "附件1《政务服务投诉交办单》 (第十条): the referral to the responsible agency, with the 第十一条 decision deadline.",
            "409 `document.not_available` until the case is referred, and for a case an agency received directly (never referred).");
        Map<AcceptanceNoticeDocument>(group, "GetAcceptanceNotice",
            "附件2《政务服务投诉受理/不予受理通知书》 (第十一条): the decision, its classification and handling deadline or its 第八条 reason.",
            "409 `document.not_available` until the case is accepted or not accepted.");
        Map<RegistrationFormDocument>(group, "GetRegistrationForm",
            "附件3《政务服务投诉处理情况登记表》 (第十七条): the archive sheet of the case as it stands.",
            "Available at every stage.");

        // Any other kind: a problem that names the kinds there are, rather than a bare 404.
        group.MapGet("/{kind}", (string kind) => DomainError.NotFound(UnknownKind,
                $"没有名为「{kind}」的文书;可用的文书为 {ReferralFormDocument.Kind}、{AcceptanceNoticeDocument.Kind}、{RegistrationFormDocument.Kind}。").ToProblem())
            .ExcludeFromDescription();
        return group;
    }

    private static void Map<TDocument>(RouteGroupBuilder group, string name, string summary, string availability)
        where TDocument : ICaseDocument<TDocument> =>
        group.MapGet("/" + TDocument.Kind, GetAsync<TDocument>)
            .Produces(StatusCodes.Status200OK, typeof(TDocument), DocumentFormats.Json, DocumentFormats.Html, DocumentFormats.Pdf)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // One 200 in three formats: only the JSON one has the record's schema; the page and the PDF are bytes.
                if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
                {
                    content[DocumentFormats.Html] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                    content[DocumentFormats.Pdf] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                }

                return Task.CompletedTask;
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName(name)
            .WithSummary(summary)
            .WithDescription("`Accept: application/json` (the default, also for `*/*`) returns the form's data; `text/html` a printable A4 page in "
                + "Chinese; `application/pdf` a PDF with an embedded CJK font. The complainant's ID and phone numbers appear masked only; on a "
                + "confidential case the complainant is 「保密」 to anyone but a named complaint officer (第九条). A case outside the caller's "
                + $"remit is 404. {availability}");

    private static async Task<Results<Ok<TDocument>, ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> GetAsync<TDocument>(
        Guid id,
        HttpContext http,
        ClaimsPrincipal user,
        ComplaintsDbContext db,
        IWorkingDayCalendar calendar,
        TimeProvider clock,
        DocumentFonts fonts,
        CancellationToken ct)
        where TDocument : ICaseDocument<TDocument>
    {
        // Even masked, a form carries personal data: no cache keeps it, and each format is its own response.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Vary = HeaderNames.Accept;

        if (DocumentFormats.Negotiate(http.Request) is not { } format)
        {
            return new DomainError(ErrorCategory.NotAcceptable, NotAcceptable,
                $"文书可以 {DocumentFormats.Json}、{DocumentFormats.Html} 或 {DocumentFormats.Pdf} 格式提供,请在 Accept 请求头中选择其一。").ToProblem();
        }

        var caller = Caller.From(user);
        var complaint = await CaseFile.FindVisibleAsync(db, id, caller, ct);
        if (complaint is null)
        {
            return DomainProblems.ComplaintNotFound();
        }

        var now = clock.GetUtcNow();
        TDocument? document = default;
        if (complaint.Status == ComplaintStatus.Merged && await CaseFile.FindMergeTargetAsync(db, complaint, ct) is { } target
            && TDocument.Unavailable(target) is null)
        {
            // 第十一、十三条: e.g. the acceptance notice of the case it went into, addressed to this complainant.
            document = TDocument.ForMerged(await CaseFile.LoadAsync(db, complaint, caller, calendar, now, ct), await CaseFile.LoadAsync(db, target, caller, calendar, now, ct));
        }

        if (document is null && TDocument.Unavailable(complaint) is { } reason)
        {
            return DomainError.Conflict(NotAvailable, reason).ToProblem(title: "文书尚不能出具");
        }

        document ??= TDocument.From(await CaseFile.LoadAsync(db, complaint, caller, calendar, now, ct));
        switch (format)
        {
            case DocumentFormat.Html:
                http.Response.Headers.ContentSecurityPolicy = HtmlForm.ContentSecurityPolicy;
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Content(HtmlForm.Render(document.ToSheet()), "text/html; charset=utf-8");
            case DocumentFormat.Pdf:
                if (fonts.Family() is not { } family)
                {
                    return new DomainError(ErrorCategory.Unavailable, FontUnavailable,
                        "PDF 所需的中文字体暂不可用,请改用 HTML 格式打印或稍后重试。").ToProblem();
                }

                var sheet = document.ToSheet();
                http.Response.Headers.ContentDisposition = $"inline; filename=\"{sheet.TrackingNumber}-{TDocument.Kind}.pdf\"";
                return TypedResults.File(PdfForm.Render(sheet, family), DocumentFormats.Pdf);
            default:
                return TypedResults.Ok(document);
        }
    }
}
