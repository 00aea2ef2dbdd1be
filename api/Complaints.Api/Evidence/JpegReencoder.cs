using NetVips;
using VipsImage = NetVips.Image;

namespace Complaints.Api.Evidence;

/// <summary>
/// JPEG photos, re-encoded by libvips with libjpeg-turbo (docs/decisions/jpeg-evidence-with-libvips.md). The photo is decoded
/// strip by strip straight into the encoder (sequential access), so it exists as a whole frame only when it must be turned
/// upright; the thumbnail is decoded at 1/2 to 1/8 of its size by the JPEG decoder itself (DCT scaling, shrink-on-load).
/// Only the JPEG loader ever sees the bytes: the caller has sniffed the signature and read the frame header.
/// </summary>
internal static class JpegReencoder
{
    private static int _configured;

    /// <summary>Once per process: no operation cache (it would keep decoded images between requests), no untrusted loaders.</summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }

        NetVips.NetVips.BlockUntrusted = true;
        Cache.Max = 0;
        Cache.MaxMem = 0;
        Cache.MaxFiles = 0;
    }

    /// <summary>
    /// The stored photo (upright, at most <see cref="EvidenceLimits.MaxLongSide"/>, no metadata) and its thumbnail; null when
    /// libvips reads another frame size than <paramref name="header"/> (the one the decode memory was reserved for). Throws
    /// <see cref="VipsException"/> on anything the decoder finds wrong, truncation included.
    /// </summary>
    public static SanitizedImage? Reencode(byte[] input, ImageHeader header, int quality, int thumbnailQuality)
    {
        using (var probe = VipsImage.JpegloadBuffer(input, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error))
        {
            if (probe.Width != header.Width || probe.Height != header.Height)
            {
                return null;
            }
        }

        using var upright = Fitted(input, EvidenceLimits.MaxLongSide);
        var stored = upright.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None, subsampleMode: Enums.ForeignSubsample.On);
        using var thumbnail = Fitted(input, EvidenceLimits.ThumbnailLongSide);
        var preview = thumbnail.JpegsaveBuffer(q: thumbnailQuality, keep: Enums.ForeignKeep.None, subsampleMode: Enums.ForeignSubsample.On);
        return new SanitizedImage(stored, "image/jpeg", upright.Width, upright.Height, preview);
    }

    /// <summary>
    /// The photo within <paramref name="longSide"/> (never enlarged), turned upright by its EXIF orientation, in sRGB or grey
    /// (a CMYK photo is converted, as ImageSharp did), decoded lazily: nothing runs until it is saved.
    /// </summary>
    private static VipsImage Fitted(byte[] input, int longSide)
    {
        // fail_on goes to the loader in the option string: thumbnail's own failOn argument let a truncated scan through.
        var image = VipsImage.ThumbnailBuffer(input, longSide, optionString: "[fail_on=error]", height: longSide, size: Enums.Size.Down);
        if (image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw)
        {
            return image;
        }

        using (image)
        {
            return image.Colourspace(Enums.Interpretation.Srgb);
        }
    }
}
