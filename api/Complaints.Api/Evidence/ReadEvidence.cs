using System.Security.Claims;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Complaints.Api.Evidence;

/// <summary>
/// GET /api/v1/evidence/{id} and /thumbnail: the stored (sanitised) bytes, to whoever
/// <see cref="EvidenceAccess.CanReadAsync"/> allows; to anyone else it does not exist.
/// </summary>
public static class ReadEvidence
{
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetFileAsync(
        Guid id, ClaimsPrincipal user, ComplaintsDbContext db, EvidenceAccess access, IEvidenceStorage storage, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var evidence = await FindReadableAsync(id, user, db, access, cancellationToken);
        if (evidence is null)
        {
            return NotFound();
        }

        return await ServeAsync(storage, response, evidence.StorageKey, evidence.ContentType, evidence.Sha256, cancellationToken);
    }

    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> GetThumbnailAsync(
        Guid id, ClaimsPrincipal user, ComplaintsDbContext db, EvidenceAccess access, IEvidenceStorage storage, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var evidence = await FindReadableAsync(id, user, db, access, cancellationToken);
        if (evidence is null)
        {
            return NotFound();
        }

        if (evidence.ThumbnailKey is null)
        {
            return DomainError.NotFound(ErrorCodes.NotFound, "只有图片证据有缩略图。").ToProblem();
        }

        return await ServeAsync(storage, response, evidence.ThumbnailKey, "image/jpeg", evidence.Sha256 + "-thumbnail", cancellationToken);
    }

    private static async Task<EvidenceFile?> FindReadableAsync(
        Guid id, ClaimsPrincipal user, ComplaintsDbContext db, EvidenceAccess access, CancellationToken cancellationToken)
    {
        var evidence = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return evidence is not null && await access.CanReadAsync(user, evidence, cancellationToken) ? evidence : null;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ServeAsync(
        IEvidenceStorage storage, HttpResponse response, string key, string contentType, string tag, CancellationToken cancellationToken)
    {
        var stream = await storage.OpenReadAsync(key, cancellationToken);
        if (stream is null)
        {
            // The row outlived its file (a cleanup in progress): to the caller, it is gone.
            return NotFound();
        }

        // Personal data: no cache may keep it (a shared computer's browser cache included); the ETag still answers 304.
        response.Headers.CacheControl = "private, no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return TypedResults.File(stream, contentType, entityTag: new EntityTagHeaderValue($"\"{tag}\""));
    }

    private static ProblemHttpResult NotFound() =>
        DomainError.NotFound(ErrorCodes.NotFound, "证据不存在。").ToProblem();
}
