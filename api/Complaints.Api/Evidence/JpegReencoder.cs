using NetVips;
using VipsImage = NetVips.Image;

namespace Complaints.Api.Evidence;

/// <summary>
/// JPEG photos, re-encoded by libvips with libjpeg-turbo (docs/decisions/jpeg-evidence-with-libvips.md). The photo is decoded
/// once, into a frame kept for reuse (<see cref="FrameBuffers"/>), and both the stored photo and its thumbnail are encoded from
/// that frame: the entropy decoding of a phone photo is most of a decode's cost, and a thumbnail by shrink-on-load paid it a
/// second time. Only the JPEG loader ever sees the bytes: the caller has sniffed the signature and read the frame header.
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
    public static SanitizedImage? Reencode(byte[] input, ImageHeader header, FrameBuffers frames, int quality, int thumbnailQuality)
    {
        // One native copy of the upload for every loader below (each buffer loader copied it again).
        using var source = Source.NewFromMemory(input);
        using (var probe = VipsImage.JpegloadSource(source, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error))
        {
            if (probe.Width != header.Width || probe.Height != header.Height)
            {
                return null;
            }
        }

        using var upright = Fitted(source, EvidenceLimits.MaxLongSide);
        if (upright.Format != Enums.BandFormat.Uchar)
        {
            // Not 8 bits a sample (libjpeg-turbo's 12-bit JPEGs): streamed, with the thumbnail decoded a second time.
            return Streamed(source, upright, quality, thumbnailQuality);
        }

        var bytes = (long)upright.Width * upright.Height * upright.Bands;
        var frame = frames.Rent(bytes);
        try
        {
            return FromFrame(upright, frame, bytes, quality, thumbnailQuality);
        }
        finally
        {
            // Every image over the frame is disposed by now: the next decode may write into it.
            frames.Return(frame);
        }
    }

    /// <summary>Decodes <paramref name="upright"/> into <paramref name="frame"/>, then encodes the photo and its thumbnail from it.</summary>
    private static SanitizedImage FromFrame(VipsImage upright, FrameBuffers.Frame frame, long bytes, int quality, int thumbnailQuality)
    {
        using var decoded = VipsImage.NewFromMemory(frame.Pointer, (ulong)bytes, upright.Width, upright.Height, upright.Bands, upright.Format);
        upright.Write(decoded);
        var stored = decoded.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None, subsampleMode: Enums.ForeignSubsample.On);
        using var thumbnail = decoded.ThumbnailImage(EvidenceLimits.ThumbnailLongSide, height: EvidenceLimits.ThumbnailLongSide, size: Enums.Size.Down);
        var preview = thumbnail.JpegsaveBuffer(q: thumbnailQuality, keep: Enums.ForeignKeep.None, subsampleMode: Enums.ForeignSubsample.On);
        return new SanitizedImage(stored, "image/jpeg", upright.Width, upright.Height, preview);
    }

    /// <summary>The photo decoded strip by strip straight into the encoder; the thumbnail by shrink-on-load, a second decode.</summary>
    private static SanitizedImage Streamed(Source source, VipsImage upright, int quality, int thumbnailQuality)
    {
        var stored = upright.JpegsaveBuffer(q: quality, keep: Enums.ForeignKeep.None, subsampleMode: Enums.ForeignSubsample.On);
        using var thumbnail = Fitted(source, EvidenceLimits.ThumbnailLongSide);
        var preview = thumbnail.JpegsaveBuffer(q: thumbnailQuality, keep: Enums.ForeignKeep.None, subsampleMode: Enums.ForeignSubsample.On);
        return new SanitizedImage(stored, "image/jpeg", upright.Width, upright.Height, preview);
    }

    /// <summary>
    /// The photo within <paramref name="longSide"/> (never enlarged), turned upright by its EXIF orientation, in sRGB or grey
    /// (a CMYK photo is converted, as ImageSharp did), decoded lazily: nothing runs until it is saved.
    /// </summary>
    private static VipsImage Fitted(Source source, int longSide)
    {
        // fail_on goes to the loader in the option string: thumbnail's own failOn argument let a truncated scan through.
        var image = VipsImage.ThumbnailSource(source, longSide, optionString: "[fail_on=error]", height: longSide, size: Enums.Size.Down);
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
