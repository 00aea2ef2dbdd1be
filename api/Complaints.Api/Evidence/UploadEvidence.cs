using System.Security.Claims;
using System.Security.Cryptography;
using Complaints.Api.Auth;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Evidence;

/// <summary>
/// POST /api/v1/evidence: one <c>file</c> in multipart/form-data. The type is judged from the bytes;
/// images are re-encoded without metadata, PDFs are checked and kept as uploaded.
/// </summary>
public static class UploadEvidence
{
    /// <summary>The 201 body. Width and height are present for images only (nulls are not written).</summary>
    public sealed record EvidenceView(Guid Id, EvidenceKind Kind, string ContentType, long Size, string Sha256, int? Width = null, int? Height = null);

    /// <summary>The request, for the OpenAPI document only: the handler reads the form itself, to own every failure.</summary>
    public sealed record EvidenceUploadForm(IFormFile File);

    public static EvidenceView AsView(this EvidenceFile evidence) =>
        new(evidence.Id, evidence.Kind, evidence.ContentType, evidence.Size, evidence.Sha256, evidence.Width, evidence.Height);

    public static async Task<Results<Created<EvidenceView>, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        ClaimsPrincipal user,
        ImageSanitizer images,
        IEvidenceStorage storage,
        ComplaintsDbContext db,
        UnitOfWork work,
        TimeProvider clock,
        IOptions<EvidenceOptions> options,
        CancellationToken cancellationToken)
    {
        var uploader = user.FindFirstValue(ClaimNames.Subject);
        if (string.IsNullOrEmpty(uploader))
        {
            return DomainError.Forbidden(ErrorCodes.Forbidden, "令牌中缺少用户标识(sub),无法登记上传者。").ToProblem();
        }

        var (upload, problem) = await ReadFileAsync(request, cancellationToken);
        if (upload is null)
        {
            return problem!;
        }

        var quota = options.Value.UnattachedQuotaBytes;
        if (await UnattachedBytesAsync(db, uploader, cancellationToken) + upload.Length > quota)
        {
            // Refused before the costly decoding; checked again, under a lock, when the upload is stored.
            return EvidenceRejection.QuotaExceeded.ToProblem();
        }

        var prepared = await PrepareAsync(upload, images, cancellationToken);
        if (prepared.Rejection is { } rejection)
        {
            if (rejection == EvidenceRejection.DecodeBusy)
            {
                request.HttpContext.Response.Headers.RetryAfter = DependencyFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return rejection.ToProblem();
        }

        var evidence = await StoreAsync(prepared.Value!, uploader, storage, db, work, clock, quota, cancellationToken);
        if (evidence is null)
        {
            return EvidenceRejection.QuotaExceeded.ToProblem();
        }

        return TypedResults.Created($"/api/v1/evidence/{evidence.Id}", evidence.AsView());
    }

    /// <summary>The stored form of an upload, before it has an id.</summary>
    private sealed record Prepared(EvidenceKind Kind, string ContentType, byte[] Content, int? Width, int? Height, byte[]? Thumbnail);

    /// <summary>The uploaded file, still in the form's buffer (a temp file beyond 64 KB): images are read only once their decode memory is reserved.</summary>
    private static async Task<(IFormFile? Upload, ProblemHttpResult? Problem)> ReadFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Kestrel stops reading a body past this (its default, ~28.6 MiB, is too generous here); a declared
        // Content-Length over it is refused before a byte is read. Set here, before anything reads the body.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = EvidenceLimits.MaxRequestBytes;
        }

        if (request.ContentLength > EvidenceLimits.MaxRequestBytes)
        {
            return (null, EvidenceRejection.TooLarge.ToProblem());
        }

        if (!request.HasFormContentType)
        {
            return (null, new DomainError(ErrorCategory.UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                "请以 multipart/form-data 上传,文件放在字段 file 中。").ToProblem());
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, EvidenceRejection.TooLarge.ToProblem());
        }
        catch (InvalidDataException)
        {
            return (null, DomainError.Invalid(ErrorCodes.Malformed, "multipart/form-data 请求体格式不正确。").ToProblem());
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // The body ended before the closing boundary.
            return (null, DomainError.Invalid(ErrorCodes.Malformed, "multipart/form-data 请求体不完整。").ToProblem());
        }

        var files = form.Files.GetFiles("file");
        if (files.Count != 1)
        {
            return (null, ProblemHandling.Validation("file", files.Count == 0 ? "请在字段 file 中上传一个文件。" : "一次只能上传一个文件。"));
        }

        var file = files[0];
        if (file.Length > EvidenceLimits.MaxFileBytes)
        {
            return (null, EvidenceRejection.TooLarge.ToProblem());
        }

        if (file.Length == 0)
        {
            return (null, ProblemHandling.Validation("file", "上传的文件是空的。"));
        }

        return (file, null);
    }

    private static async Task<Checked<Prepared>> PrepareAsync(IFormFile upload, ImageSanitizer images, CancellationToken cancellationToken)
    {
        await using var stream = upload.OpenReadStream();
        var head = new byte[16];
        var type = FileSignatures.Sniff(head.AsSpan(0, await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken)));
        switch (type)
        {
            case SniffedType.Pdf:
                var pdf = new byte[upload.Length];
                stream.Position = 0;
                await stream.ReadExactlyAsync(pdf, cancellationToken);
                return PdfInspector.Inspect(pdf) is { } rejection
                    ? rejection
                    : new Prepared(EvidenceKind.Pdf, "application/pdf", pdf, null, null, null);
            case SniffedType.Jpeg or SniffedType.Png or SniffedType.Webp:
                var image = await images.SanitizeAsync(stream, upload.Length, type, cancellationToken);
                return image.Value is { } clean
                    ? new Prepared(EvidenceKind.Image, clean.ContentType, clean.Content, clean.Width, clean.Height, clean.Thumbnail)
                    : image.Rejection!;
            default:
                return EvidenceRejection.UnsupportedType;
        }
    }

    private static Task<long> UnattachedBytesAsync(ComplaintsDbContext db, string uploader, CancellationToken cancellationToken) =>
        db.EvidenceFiles.Where(e => e.UploaderId == uploader && e.ComplaintId == null).SumAsync(e => e.Size, cancellationToken);

    /// <summary>Stores the upload, or returns null when it would take the uploader past the quota (nothing kept then).</summary>
    private static async Task<EvidenceFile?> StoreAsync(
        Prepared prepared, string uploader, IEvidenceStorage storage, ComplaintsDbContext db, UnitOfWork work, TimeProvider clock, long quota, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var evidence = new EvidenceFile
        {
            Id = Guid.CreateVersion7(now),
            UploaderId = uploader,
            Kind = prepared.Kind,
            ContentType = prepared.ContentType,
            Size = prepared.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(prepared.Content)),
            Width = prepared.Width,
            Height = prepared.Height,
            StorageKey = EvidenceStorageKeys.New(),
            ThumbnailKey = prepared.Thumbnail is null ? null : EvidenceStorageKeys.New(),
            UploadedAt = now,
        };

        try
        {
            using (var content = new MemoryStream(prepared.Content, writable: false))
            {
                await storage.SaveAsync(evidence.StorageKey, content, cancellationToken);
            }

            if (prepared.Thumbnail is not null)
            {
                using var thumbnail = new MemoryStream(prepared.Thumbnail, writable: false);
                await storage.SaveAsync(evidence.ThumbnailKey!, thumbnail, cancellationToken);
            }
        }
        catch
        {
            // The store failed half-way: take back what it stored, and report the failure.
            await DeleteFilesAsync(storage, evidence);
            throw;
        }

        // Nothing refers to the files without their row: should the request's work not commit (this save fails, or the
        // Idempotency-Key's transaction is rolled back after it), the unit of work takes them back.
        work.OnRollback(() => DeleteFilesAsync(storage, evidence));

        // One uploader's concurrent uploads are counted one after another: a transaction-scoped lock per uploader, released at commit.
        var stored = await work.TrySaveAsync(async t =>
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"evidence-quota:" + uploader}, 0))", t);
            if (await UnattachedBytesAsync(db, uploader, t) + evidence.Size > quota)
            {
                return false;
            }

            db.EvidenceFiles.Add(evidence);
            return true;
        }, cancellationToken);

        if (!stored)
        {
            // Refused, yet the request goes on (and an Idempotency-Key's transaction commits its answer): taken back now.
            await DeleteFilesAsync(storage, evidence);
            return null;
        }

        return evidence;
    }

    private static async Task DeleteFilesAsync(IEvidenceStorage storage, EvidenceFile evidence)
    {
        await DeleteQuietlyAsync(storage, evidence.StorageKey);
        if (evidence.ThumbnailKey is not null)
        {
            await DeleteQuietlyAsync(storage, evidence.ThumbnailKey);
        }
    }

    private static async Task DeleteQuietlyAsync(IEvidenceStorage storage, string key)
    {
        try
        {
            await storage.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or DependencyUnavailableException)
        {
            // The store is down as well: an object without a row is unreachable, only wasted space.
        }
    }
}
