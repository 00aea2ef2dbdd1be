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
}
