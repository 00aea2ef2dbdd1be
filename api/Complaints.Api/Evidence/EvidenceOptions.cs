namespace Complaints.Api.Evidence;

/// <summary>Configuration section <c>Evidence</c>.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";
    public const string FileSystemStorage = "filesystem";
    public const string S3Storage = "s3";

    /// <summary><c>filesystem</c> (default: one process, <see cref="StorageFolder"/>) or <c>s3</c> (<c>Evidence:S3</c>, shared by replicas).</summary>
    public string Storage { get; set; } = FileSystemStorage;

    /// <summary>
    /// Where <see cref="FileSystemEvidenceStorage"/> keeps the files; relative paths are under the
    /// content root. Unset: a folder under the system temp directory, fine for development only.
    /// </summary>
    public string? StorageFolder { get; set; }

    /// <summary>api.md: an upload not attached to a complaint within 24 h is deleted.</summary>
    public TimeSpan UnattachedMaxAge { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The most one user may hold in uploads not (yet) attached to a complaint, in bytes; beyond it an upload gets 413
    /// <c>evidence.quota_exceeded</c> until some are attached or cleaned up. Bounds what one account can park in storage.
    /// </summary>
    public long UnattachedQuotaBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>
    /// The bytes image decoding may hold at once, across all uploads of this process (default 256 MiB). Each decode reserves
    /// its estimate (from the header: pixels × 4 for the decoded frame, the resized copy, the encoded output, the upload's
    /// bytes and, for progressive JPEG and WebP, the decoder's own buffers) and waits until it fits; an image whose estimate
    /// alone exceeds the budget is refused (422 <c>evidence.too_many_pixels</c>).
    /// </summary>
    public long DecodeMemoryBudget { get; set; } = 256L * 1024 * 1024;

    /// <summary>How long an upload waits for <see cref="DecodeMemoryBudget"/> before it is answered 503 with <c>Retry-After</c>.</summary>
    public TimeSpan DecodeWaitTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
