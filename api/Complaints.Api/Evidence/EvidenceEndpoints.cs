using Complaints.Api.Idempotency;
using Complaints.Api.Infrastructure;
using Complaints.Api.Auth;
using Complaints.Api.Docs;

namespace Complaints.Api.Evidence;

/// <summary>api.md "Complainant side": evidence uploaded before (or while) a complaint is submitted.</summary>
public static class EvidenceEndpoints
{
    public static RouteGroupBuilder MapEvidence(this IEndpointRouteBuilder app)
    {
        // Any authenticated caller: complainants upload for themselves, staff for offline registrations.
        var group = app.MapGroup("/api/v1/evidence").WithTags("Evidence").RequireAuthorization(Policies.Authenticated).WithAuthProblems();

        group.MapPost("/", UploadEvidence.HandleAsync)
            .WithName("UploadEvidence")
            .WithSummary("Upload one evidence file (JPEG, PNG, WebP or PDF, at most 20 MiB) as the multipart field `file`.")
            .WithDescription("The type is judged from the file's bytes. Images are re-encoded upright, at most 4096 px on the long side, "
                + "with all metadata (EXIF incl. GPS, XMP, IPTC, ICC) removed; WebP is stored as JPEG (lossy) or PNG (lossless). "
                + "PDFs are stored as uploaded after a structure check; PDFs with JavaScript or launch actions, and encrypted PDFs, are refused. "
                + "An upload not attached to a complaint within 24 hours is deleted.")
            .Accepts<UploadEvidence.EvidenceUploadForm>("multipart/form-data")
            // A bearer-token API: browsers never attach the token by themselves and no cookie authenticates
            // anything, so a cross-site form post cannot act as the user; there is no CSRF to defend against.
            .DisableAntiforgery()
            .SpendsBudget(RateLimits.Upload)
            .WithIdempotency()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id}", ReadEvidence.GetFileAsync)
            .WithName("GetEvidence")
            .WithSummary("The stored (sanitised) file, to its uploader.")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png", "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/thumbnail", ReadEvidence.GetThumbnailAsync)
            .WithName("GetEvidenceThumbnail")
            .WithSummary("A JPEG preview of an image, at most 320 px on the long side (404 for PDFs).")
            .Produces<Stream>(StatusCodes.Status200OK, "image/jpeg")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return group;
    }
}
