using System.Runtime;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Complaints.Api.Evidence;

/// <summary>An image as stored: re-encoded, upright, at most 4096 px on its long side, without metadata.</summary>
public sealed record SanitizedImage(byte[] Content, string ContentType, int Width, int Height, byte[] Thumbnail);

/// <summary>
/// Turns an uploaded JPEG, PNG or WebP into a clean copy. Memory is bounded before a pixel is decoded: the dimensions
/// are read from the header of the form's temp file (<see cref="ImageHeaders"/>), anything above
/// <see cref="EvidenceLimits.MaxPixels"/> is refused, and the decode's estimated peak (<see cref="EstimateDecodeBytes"/>)
/// is reserved from the process-wide <see cref="DecodeMemoryBudget"/>, waiting while other decodes hold it; only then are
/// the upload's bytes read. A JPEG is re-encoded by libvips (<see cref="JpegReencoder"/>: photos are what citizens send,
/// and libjpeg-turbo decodes them once, into a frame reused between decodes, with a fraction of ImageSharp's time and memory,
/// within the same estimate). PNG and WebP are decoded on a private ImageSharp configuration that knows only these three formats,
/// whose allocator refuses any single buffer above <see cref="AllocationLimitMegabytes"/> and pools at most
/// <see cref="PoolMegabytes"/>. At most <see cref="ConcurrentDecodes"/> decodes use the CPU at once. When a burst of
/// decodes is over, the pool and the garbage collector give their memory back (<see cref="Trim"/>).
/// </summary>
public sealed class ImageSanitizer : IDisposable
{
    /// <summary>40 MP of Rgba32 is 160 MB; the JPEG decoder's component buffers are smaller than that.</summary>
    public const int AllocationLimitMegabytes = 200;

    /// <summary>What ImageSharp keeps for reuse between decodes; the rest is returned to the system when a buffer is freed.</summary>
    public const int PoolMegabytes = 32;

    public const int ConcurrentDecodes = 2;

    public const int JpegQuality = 85;

    /// <summary>Below this a budget refuses ordinary photos (a 12 MP phone photo needs ~60 MB); a configuration error.</summary>
    public const long MinimumDecodeMemoryBudget = 16L * 1024 * 1024;

    /// <summary>How long no decode must have started before the pools are trimmed.</summary>
    public static readonly TimeSpan TrimAfterQuiet = TimeSpan.FromSeconds(2);

    private const int ThumbnailQuality = 80;

    /// <summary>At the end of a burst, the estimates of the decodes not yet collected above which a full collection runs.</summary>
    private const long TrimCollectsFromBytes = 32L * 1024 * 1024;

    /// <summary>Scanline, row and deflate buffers of the codecs and the thumbnail: small next to the frames.</summary>
    private const long FixedOverheadBytes = 8L * 1024 * 1024;

    private readonly Configuration _configuration;
    private readonly SemaphoreSlim _decodes = new(ConcurrentDecodes, ConcurrentDecodes);
    private readonly DecodeMemoryBudget _budget;
    private readonly FrameBuffers _frames = new(ConcurrentDecodes);
    private readonly TimeSpan _waitTimeout;
    private readonly ILogger<ImageSanitizer> _logger;
    private long _uncollected;

    public ImageSanitizer(DecodeMemoryBudget budget, IOptions<EvidenceOptions> options, ILogger<ImageSanitizer> logger)
    {
        _budget = budget;
        _waitTimeout = options.Value.DecodeWaitTimeout;
        _logger = logger;
        _configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = AllocationLimitMegabytes,
                MaximumPoolSizeMegabytes = PoolMegabytes,
            }),
        };
        _budget.Idle += Trim;
        NativeHeap.ReturnLargeBlocksToTheSystem();
        JpegReencoder.Configure();
    }

    /// <summary>
    /// The most memory decoding, resizing and re-encoding this image can hold at once, in bytes: the decoded Rgba32 frame
    /// (4 bytes a pixel) with the decoder's own buffers and, while it is resized, the smaller copy beside it; afterwards the
    /// copy with its encoded output (a growing stream and its final array: at most 8 bytes a pixel for PNG, which a WebP
    /// may become, 2 for JPEG at quality 85); plus the upload's bytes
    /// (twice for PNG, whose essential chunks are copied). Measured for a 40 MP JPEG and PNG: 214–216 MB of peak RSS for
    /// 210 MB of frames.
    /// </summary>
    public static long EstimateDecodeBytes(ImageHeader header, long uploadBytes, SniffedType type)
    {
        var pixels = (long)header.Width * header.Height;
        var longSide = Math.Max(header.Width, header.Height);
        var fitted = longSide <= EvidenceLimits.MaxLongSide
            ? pixels
            : (long)Math.Ceiling(pixels * Math.Pow((double)EvidenceLimits.MaxLongSide / longSide, 2));
        var decoding = (pixels * 4) + header.DecoderBytes + (fitted < pixels ? fitted * 4 : 0);
        var encoding = (fitted * 4) + (fitted * (type == SniffedType.Jpeg ? 2 : 8));
        return Math.Max(decoding, encoding) + (uploadBytes * (type == SniffedType.Png ? 2 : 1)) + FixedOverheadBytes;
    }

    /// <summary>Sanitizes the upload read from <paramref name="upload"/> (seekable, <paramref name="length"/> bytes).</summary>
    public async Task<Checked<SanitizedImage>> SanitizeAsync(Stream upload, long length, SniffedType type, CancellationToken cancellationToken)
    {
        // The header only, from the temp file: a 20000 × 20000 PNG bomb is refused here without a pixel being decoded.
        ImageHeader? header;
        try
        {
            header = type == SniffedType.Webp ? IdentifyWebp(upload) : ImageHeaders.Read(upload, type);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogInformation("Evidence image header unreadable ({Exception})", e.GetType().Name);
            return EvidenceRejection.UnreadableImage;
        }

        if (header is null || header.Width <= 0 || header.Height <= 0)
        {
            return EvidenceRejection.UnreadableImage;
        }

        if ((long)header.Width * header.Height > EvidenceLimits.MaxPixels)
        {
            return EvidenceRejection.TooManyPixels;
        }

        var estimate = EstimateDecodeBytes(header, length, type);
        if (estimate > _budget.Capacity)
        {
            return EvidenceRejection.TooLargeToDecode(estimate, _budget.Capacity);
        }

        using var reservation = await _budget.ReserveAsync(estimate, _waitTimeout, cancellationToken);
        if (reservation is null)
        {
            _logger.LogWarning("Evidence image waited {Timeout} for {Megabytes} MB of the decode memory budget", _waitTimeout, estimate >> 20);
            return EvidenceRejection.DecodeBusy;
        }

        var result = await ReadAndSanitizeAsync(upload, length, header, type, cancellationToken);

        // The upload's array and the encoders' streams are garbage now, on the large-object heap, which a collection
        // reclaims only when the heap's own budget is spent: in a burst it would grow past the budget by whole decodes. So
        // once finished decodes add up to half the budget, they are collected before this reservation is given back. A
        // JPEG's pixels live in libvips, outside the managed heap: only its arrays (upload, photo, thumbnail) count.
        var garbage = type == SniffedType.Jpeg ? length + (result.Value is { } image ? image.Content.Length + image.Thumbnail.Length : 0) : estimate;
        if (Interlocked.Add(ref _uncollected, garbage) >= _budget.Capacity / 2)
        {
            Interlocked.Exchange(ref _uncollected, 0);
            Collect();
        }

        return result;
    }

    private async Task<Checked<SanitizedImage>> ReadAndSanitizeAsync(Stream upload, long length, ImageHeader header, SniffedType type, CancellationToken cancellationToken)
    {
        var bytes = new byte[length];
        upload.Position = 0;
        await upload.ReadExactlyAsync(bytes, cancellationToken);
        return await SanitizeReservedAsync(bytes, header, type, cancellationToken);
    }

    public void Dispose()
    {
        _budget.Idle -= Trim;
        _decodes.Dispose();
        _frames.Dispose();
        _configuration.MemoryAllocator.ReleaseRetainedResources();
    }

    /// <summary>
    /// After a burst: ImageSharp's pool is emptied and a compacting collection returns the large-object heap (the uploads'
    /// byte arrays, the encoded outputs) to the system, so that the process shrinks back instead of keeping its peak.
    /// </summary>
    private void Trim()
    {
        _configuration.MemoryAllocator.ReleaseRetainedResources();
        _frames.Trim();
        // A few small photos leave little behind: not worth a full collection.
        if (Interlocked.Exchange(ref _uncollected, 0) >= TrimCollectsFromBytes)
        {
            Collect();
        }

        NativeHeap.Trim();
    }

    /// <summary>A full, compacting collection that also returns the freed memory to the system (not just to the heap).</summary>
    private static void Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private async Task<Checked<SanitizedImage>> SanitizeReservedAsync(byte[] upload, ImageHeader header, SniffedType type, CancellationToken cancellationToken)
    {
        var input = upload;
        if (type == SniffedType.Png)
        {
            if (PngChunks.KeepEssential(upload) is not { } essential)
            {
                return EvidenceRejection.UnreadableImage;
            }

            input = essential;
        }
        else if (type == SniffedType.Webp && FileSignatures.IsAnimatedWebp(upload))
        {
            return EvidenceRejection.AnimatedImage;
        }
        else if (type == SniffedType.Jpeg)
        {
            return await ReencodeJpegAsync(upload, header, cancellationToken);
        }

        IImageInfo? info;
        IImageFormat? format;
        try
        {
            info = Image.Identify(_configuration, input, out format);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogInformation("Evidence image header unreadable ({Exception})", e.GetType().Name);
            return EvidenceRejection.UnreadableImage;
        }

        // The decoder must see the image that was estimated: a second frame header claiming more pixels is a lie.
        if (info is null || format is null || !Matches(format, type) || info.Width != header.Width || info.Height != header.Height)
        {
            return EvidenceRejection.UnreadableImage;
        }

        await _decodes.WaitAsync(cancellationToken);
        try
        {
            return Reencode(input, type);
        }
        catch (InvalidMemoryOperationException)
        {
            return EvidenceRejection.TooManyPixels;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The decoders read hostile bytes: whatever they throw means "not a usable image", never a 500.
            _logger.LogInformation("Evidence image undecodable ({Exception})", e.GetType().Name);
            return EvidenceRejection.UnreadableImage;
        }
        finally
        {
            _decodes.Release();
        }
    }

    private async Task<Checked<SanitizedImage>> ReencodeJpegAsync(byte[] upload, ImageHeader header, CancellationToken cancellationToken)
    {
        await _decodes.WaitAsync(cancellationToken);
        try
        {
            // The decoder must see the image that was estimated: a second frame header claiming more pixels is a lie.
            return JpegReencoder.Reencode(upload, header, _frames, JpegQuality, ThumbnailQuality) is { } clean ? clean : EvidenceRejection.UnreadableImage;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // libvips reads hostile bytes: whatever it reports means "not a usable image", never a 500.
            _logger.LogInformation("Evidence image undecodable ({Exception})", e.GetType().Name);
            return EvidenceRejection.UnreadableImage;
        }
        finally
        {
            _decodes.Release();
        }
    }

    /// <summary>WebP: ImageSharp reads the header (VP8, VP8L or VP8X); its decoders need about one more Rgba32 frame.</summary>
    private ImageHeader? IdentifyWebp(Stream upload)
    {
        upload.Position = 0;
        var info = Image.Identify(_configuration, upload);
        return info is null ? null : new ImageHeader(info.Width, info.Height, (long)info.Width * info.Height * 4);
    }

    private static bool Matches(IImageFormat format, SniffedType type) => type switch
    {
        SniffedType.Jpeg => format == JpegFormat.Instance,
        SniffedType.Png => format == PngFormat.Instance,
        SniffedType.Webp => format == WebpFormat.Instance,
        _ => false,
    };

    private SanitizedImage Reencode(byte[] input, SniffedType type)
    {
        using var image = Image.Load<Rgba32>(_configuration, input);
        var losslessWebp = type == SniffedType.Webp && image.Metadata.GetWebpMetadata().FileFormat == WebpFileFormatType.Lossless;

        // Orientation is applied to the pixels first: it lives in the EXIF that is removed next.
        image.Mutate(x => x.AutoOrient());
        StripMetadata(image);
        if (Math.Max(image.Width, image.Height) > EvidenceLimits.MaxLongSide)
        {
            image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(EvidenceLimits.MaxLongSide) }));
        }

        // WebP is normalised: lossless to PNG, lossy to JPEG. ImageSharp's WebP encoder has open reports of
        // fully transparent or corrupt output (issues 2763, 2801, 2920), and evidence must stay viewable.
        var asPng = type == SniffedType.Png || losslessWebp;
        using var stored = new MemoryStream();
        string contentType;
        if (asPng)
        {
            image.SaveAsPng(stored, new PngEncoder
            {
                ColorType = HasTransparency(image) ? PngColorType.RgbWithAlpha : PngColorType.Rgb,
                BitDepth = PngBitDepth.Bit8,
                ChunkFilter = PngChunkFilter.ExcludeAll,
            });
            contentType = "image/png";
        }
        else
        {
            if (type == SniffedType.Webp)
            {
                image.Mutate(x => x.BackgroundColor(Color.White));
            }

            image.SaveAsJpeg(stored, new JpegEncoder { Quality = JpegQuality, ColorType = JpegColorType.YCbCrRatio420 });
            contentType = "image/jpeg";
        }

        using var thumbnail = image.Clone(x =>
        {
            if (Math.Max(image.Width, image.Height) > EvidenceLimits.ThumbnailLongSide)
            {
                x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(EvidenceLimits.ThumbnailLongSide) });
            }

            x.BackgroundColor(Color.White);
        });
        using var preview = new MemoryStream();
        thumbnail.SaveAsJpeg(preview, new JpegEncoder { Quality = ThumbnailQuality, ColorType = JpegColorType.YCbCrRatio420 });

        return new SanitizedImage(stored.ToArray(), contentType, image.Width, image.Height, preview.ToArray());
    }

    /// <summary>Every profile that can carry a place, a person, a device or a time: EXIF (with GPS), XMP, IPTC, ICC, PNG text.</summary>
    private static void StripMetadata(Image<Rgba32> image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.IccProfile = null;
        image.Metadata.GetPngMetadata().TextData.Clear();
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
            frame.Metadata.IccProfile = null;
        }

        while (image.Frames.Count > 1)
        {
            image.Frames.RemoveFrame(1);
        }
    }

    private static bool HasTransparency(Image<Rgba32> image)
    {
        var transparent = false;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height && !transparent; y++)
            {
                foreach (var pixel in rows.GetRowSpan(y))
                {
                    if (pixel.A != byte.MaxValue)
                    {
                        transparent = true;
                        break;
                    }
                }
            }
        });
        return transparent;
    }
}
