namespace Complaints.Api.Evidence;

public enum EvidenceKind
{
    Image,
    Pdf,
}

/// <summary>
/// An uploaded piece of evidence (api.md "Complainant side"): the sanitised bytes live in
/// <see cref="IEvidenceStorage"/> under random keys; this row says whose they are and what they are.
/// Unattached uploads are deleted after <see cref="EvidenceOptions.UnattachedMaxAge"/>.
/// </summary>
public sealed class EvidenceFile
{
    public Guid Id { get; init; }

    /// <summary>The uploader's <c>sub</c> claim: only they may read it until it is attached to a case.</summary>
    public required string UploaderId { get; init; }

    public EvidenceKind Kind { get; init; }

    /// <summary>The content type of the stored bytes (after re-encoding), never the one the client declared.</summary>
    public required string ContentType { get; init; }

    /// <summary>Size in bytes of the stored (sanitised) file.</summary>
    public long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the stored (sanitised) bytes.</summary>
    public required string Sha256 { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public required string StorageKey { get; init; }

    /// <summary>The JPEG preview of an image; null for PDFs.</summary>
    public string? ThumbnailKey { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    /// <summary>
    /// The complaint this evidence was attached to; null until then. Attach with a conditional
    /// update (<c>WHERE complaint_id IS NULL</c>) in the complaint's transaction: the cleanup deletes
    /// only rows that are still unattached, so whichever of the two commits first wins cleanly.
    /// </summary>
    public Guid? ComplaintId { get; set; }
}
