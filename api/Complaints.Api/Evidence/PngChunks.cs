using System.Buffers.Binary;

namespace Complaints.Api.Evidence;

/// <summary>
/// Rewrites a PNG keeping only the chunks needed for its pixels (and <c>eXIf</c>, for the
/// orientation), before ImageSharp sees it. ImageSharp 2.1 inflates zTXt/iTXt/iCCP chunks without
/// a size cap, so a small text chunk could expand to gigabytes; dropping them unread also drops
/// text and XMP metadata (XMP lives in iTXt) and APNG frames.
/// </summary>
internal static class PngChunks
{
    private static readonly HashSet<string> Kept = ["IHDR", "PLTE", "tRNS", "IDAT", "IEND", "eXIf"];

    /// <summary>The filtered PNG, or null when the chunk structure is broken.</summary>
    public static byte[]? KeepEssential(byte[] png)
    {
        const int signature = 8;
        using var output = new MemoryStream(png.Length);
        output.Write(png, 0, signature);
        var position = signature;
        var sawHeader = false;
        while (position + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position, 4));
            if (length > (uint)(png.Length - position - 12))
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(png, position + 4, 4);
            var total = 12 + (int)length;
            if (!sawHeader && type != "IHDR")
            {
                return null;
            }

            sawHeader = true;
            if (Kept.Contains(type))
            {
                output.Write(png, position, total);
            }

            position += total;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null;
    }
}
