using System.Buffers.Binary;

namespace Complaints.Api.Evidence;

/// <summary>An image's dimensions from its header, and the bytes its decoder holds beyond the decoded frame.</summary>
public sealed record ImageHeader(int Width, int Height, long DecoderBytes = 0);

/// <summary>
/// The dimensions of a PNG or JPEG read from its header without ImageSharp, so that nothing of the file beyond its frame
/// header is parsed before the decode memory is reserved (ImageSharp's PNG identification inflates text chunks).
/// </summary>
public static class ImageHeaders
{
    /// <summary>The header of <paramref name="upload"/> (read from its start), or null when it is not where the format puts it.</summary>
    public static ImageHeader? Read(Stream upload, SniffedType type)
    {
        upload.Position = 0;
        return type switch
        {
            SniffedType.Png => Png(upload),
            SniffedType.Jpeg => Jpeg(upload),
            _ => null,
        };
    }

    /// <summary>PNG: IHDR is the first chunk, right after the 8-byte signature.</summary>
    private static ImageHeader? Png(Stream upload)
    {
        Span<byte> head = stackalloc byte[24];
        if (upload.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(head[16..20]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(head[20..24]);
        return width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new ImageHeader((int)width, (int)height);
    }

    /// <summary>
    /// JPEG: the segments are walked up to the first start-of-frame. A progressive frame keeps every DCT coefficient of
    /// every component until the last scan: 2 bytes per sample (64 shorts per 8 × 8 block) at each component's sampling.
    /// A baseline frame is converted strip by strip.
    /// </summary>
    private static ImageHeader? Jpeg(Stream upload)
    {
        Span<byte> two = stackalloc byte[2];
        if (upload.ReadAtLeast(two, 2, throwOnEndOfStream: false) < 2 || two[0] != 0xFF || two[1] != 0xD8)
        {
            return null;
        }

        while (true)
        {
            var marker = NextMarker(upload);
            switch (marker)
            {
                case < 0 or 0xD9 or 0xDA:
                    // End of file or image, or a scan before any frame header.
                    return null;
                case 0x01 or (>= 0xD0 and <= 0xD7):
                    continue;
            }

            if (upload.ReadAtLeast(two, 2, throwOnEndOfStream: false) < 2)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(two);
            if (length < 2)
            {
                return null;
            }

            // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var frame = new byte[length - 2];
                if (upload.ReadAtLeast(frame, frame.Length, throwOnEndOfStream: false) < frame.Length)
                {
                    return null;
                }

                return Frame(frame, progressive: marker is 0xC2 or 0xC6 or 0xCA or 0xCE);
            }

            upload.Seek(length - 2, SeekOrigin.Current);
        }
    }

    private static ImageHeader? Frame(ReadOnlySpan<byte> frame, bool progressive)
    {
        if (frame.Length < 6)
        {
            return null;
        }

        int height = BinaryPrimitives.ReadUInt16BigEndian(frame[1..3]);
        int width = BinaryPrimitives.ReadUInt16BigEndian(frame[3..5]);
        int components = frame[5];
        if (width == 0 || height == 0 || components == 0 || frame.Length < 6 + (3 * components))
        {
            // Height 0 defers it to a DNL marker: not something evidence needs, and not estimable.
            return null;
        }

        int maxH = 1, maxV = 1;
        for (var c = 0; c < components; c++)
        {
            maxH = Math.Max(maxH, frame[7 + (3 * c)] >> 4);
            maxV = Math.Max(maxV, frame[7 + (3 * c)] & 0x0F);
        }

        long coefficients = 0;
        if (progressive)
        {
            for (var c = 0; c < components; c++)
            {
                var h = Math.Max(1, frame[7 + (3 * c)] >> 4);
                var v = Math.Max(1, frame[7 + (3 * c)] & 0x0F);
                var blocksAcross = ((long)width * h / maxH + 7) / 8 + 1;
                var blocksDown = ((long)height * v / maxV + 7) / 8 + 1;
                coefficients += blocksAcross * blocksDown * 64 * sizeof(short);
            }
        }

        return new ImageHeader(width, height, coefficients);
    }

    /// <summary>The next marker code after 0xFF fill bytes, or -1 at the end of the stream.</summary>
    private static int NextMarker(Stream upload)
    {
        int b;
        do
        {
            b = upload.ReadByte();
        }
        while (b >= 0 && b != 0xFF);

        while (b == 0xFF)
        {
            b = upload.ReadByte();
        }

        return b;
    }
}
