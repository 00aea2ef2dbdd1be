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
/// Turns an uploaded JPEG, PNG or WebP into a clean copy: the header is identified first and anything
/// above <see cref="EvidenceLimits.MaxPixels"/> is refused before decoding; decoding runs on a private
/// ImageSharp configuration that knows only these three formats and whose allocator refuses any single
/// buffer above <see cref="AllocationLimitMegabytes"/>; at most <see cref="ConcurrentDecodes"/> decodes
/// run at once, so the worst case stays near 2 × 40 MP × 4 bytes.
/// </summary>
public sealed class ImageSanitizer : IDisposable
{
    /// <summary>40 MP of Rgba32 is 160 MB; the JPEG decoder's component buffers are smaller than that.</summary>
    public const int AllocationLimitMegabytes = 200;

    public const int ConcurrentDecodes = 2;

    public const int JpegQuality = 85;

    private const int ThumbnailQuality = 80;

    private readonly Configuration _configuration;
    private readonly SemaphoreSlim _decodes = new(ConcurrentDecodes, ConcurrentDecodes);
    private readonly ILogger<ImageSanitizer> _logger;

    public ImageSanitizer(ILogger<ImageSanitizer> logger)
    {
        _logger = logger;
        _configuration = new Configuration(new JpegConfigurationModule(), new PngConfigurationModule(), new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = AllocationLimitMegabytes,
                MaximumPoolSizeMegabytes = 64,
            }),
        };
    }

    public async Task<Checked<SanitizedImage>> SanitizeAsync(byte[] upload, SniffedType type, CancellationToken cancellationToken)
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

        // The header only: a 20000 × 20000 PNG bomb is refused here without a pixel being decoded.
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

        if (info is null || format is null || !Matches(format, type) || info.Width <= 0 || info.Height <= 0)
        {
            return EvidenceRejection.UnreadableImage;
        }

        if ((long)info.Width * info.Height > EvidenceLimits.MaxPixels)
        {
            return EvidenceRejection.TooManyPixels;
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

    public void Dispose()
    {
        _decodes.Dispose();
        _configuration.MemoryAllocator.ReleaseRetainedResources();
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
