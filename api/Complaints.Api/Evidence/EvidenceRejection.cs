using Complaints.Api.Infrastructure;
using Complaints.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Complaints.Api.Evidence;

/// <summary>Why an upload was refused, as a value; <see cref="ToProblem"/> is the one place it becomes HTTP.</summary>
public sealed record EvidenceRejection(ErrorCategory Category, string Code, string Detail)
{
    public const string TooLargeCode = "evidence.too_large";
    public const string UnsupportedTypeCode = "evidence.unsupported_type";
    public const string UnreadableCode = "evidence.unreadable";
    public const string TooManyPixelsCode = "evidence.too_many_pixels";
    public const string ActiveContentCode = "evidence.active_content";
    public const string QuotaExceededCode = "evidence.quota_exceeded";

    public static readonly EvidenceRejection TooLarge = new(ErrorCategory.TooLarge, TooLargeCode,
        $"文件超过 {EvidenceLimits.MaxFileBytes / 1024 / 1024} MiB 的上限。");

    public static readonly EvidenceRejection UnsupportedType = new(ErrorCategory.UnsupportedMediaType, UnsupportedTypeCode,
        "仅接受 JPEG、PNG、WebP 图片和 PDF 文件(按文件内容判断,而非文件名或声明的类型)。");

    public static readonly EvidenceRejection AnimatedImage = new(ErrorCategory.UnsupportedMediaType, UnsupportedTypeCode,
        "不接受动画图片,请上传静态图片。");

    public static readonly EvidenceRejection UnreadableImage = new(ErrorCategory.Unprocessable, UnreadableCode,
        "图片已损坏或无法解码。");

    public static readonly EvidenceRejection UnreadablePdf = new(ErrorCategory.Unprocessable, UnreadableCode,
        "PDF 文件结构不完整或已损坏。");

    public static readonly EvidenceRejection EncryptedPdf = new(ErrorCategory.Unprocessable, UnreadableCode,
        "PDF 文件已加密,无法检查其内容,请上传未加密的文件。");

    public static readonly EvidenceRejection TooManyPixels = new(ErrorCategory.Unprocessable, TooManyPixelsCode,
        $"图片像素过多(上限 {EvidenceLimits.MaxPixels / 1_000_000} 百万像素)。");

    public static readonly EvidenceRejection ActiveContent = new(ErrorCategory.Unprocessable, ActiveContentCode,
        "PDF 文件含有脚本或启动外部程序的动作,出于安全原因不予接收。");

    public static readonly EvidenceRejection QuotaExceeded = new(ErrorCategory.TooLarge, QuotaExceededCode,
        "未关联投诉的上传文件已达上限,请先在投诉中使用已上传的文件,或等待未使用的文件被清理后再上传。");

    /// <summary>Answered 503: the decode memory budget stayed taken for the whole wait; the client retries later.</summary>
    public static readonly EvidenceRejection DecodeBusy = new(ErrorCategory.Unavailable, ErrorCodes.Unavailable,
        "当前上传的图片较多,图片处理暂时繁忙,请稍后重试。");

    /// <summary>An image whose decoding alone would need more than the whole decode memory budget.</summary>
    public static EvidenceRejection TooLargeToDecode(long estimate, long budget) => new(ErrorCategory.Unprocessable, TooManyPixelsCode,
        $"处理这张图片约需 {estimate >> 20} MiB 内存,超过服务的图片解码内存上限({budget >> 20} MiB),请缩小图片尺寸后再上传。");

    public ProblemHttpResult ToProblem() => new DomainError(Category, Code, Detail).ToProblem();
}

/// <summary>The limits of api.md's evidence upload, in one place.</summary>
public static class EvidenceLimits
{
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>The whole multipart request: the file plus its framing. Kestrel stops reading beyond it.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (512 * 1024);

    /// <summary>Refused from the header alone (Image.Identify), before a single pixel is decoded.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Stored images are scaled down to fit this on their long side.</summary>
    public const int MaxLongSide = 4096;

    public const int ThumbnailLongSide = 320;
}

/// <summary>A value or the reason an upload was refused.</summary>
public readonly record struct Checked<T>(T? Value, EvidenceRejection? Rejection)
{
    public static implicit operator Checked<T>(T value) => new(value, null);

    public static implicit operator Checked<T>(EvidenceRejection rejection) => new(default, rejection);
}
