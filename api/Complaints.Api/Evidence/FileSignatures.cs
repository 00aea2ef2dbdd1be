namespace Complaints.Api.Evidence;

public enum SniffedType
{
    Unknown,
    Jpeg,
    Png,
    Webp,
    Pdf,
}

/// <summary>The type of an upload, judged from its first bytes only: never its name or declared content type.</summary>
public static class FileSignatures
{
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static SniffedType Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return SniffedType.Jpeg;
        }

        if (bytes.StartsWith(Png))
        {
            return SniffedType.Png;
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SniffedType.Webp;
        }

        // Strictly at offset 0: readers tolerate junk before the header, but then so would a polyglot.
        return bytes.StartsWith("%PDF-"u8) ? SniffedType.Pdf : SniffedType.Unknown;
    }

    /// <summary>The VP8X "animation" flag of an extended WebP.</summary>
    public static bool IsAnimatedWebp(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 21 && bytes[12..16].SequenceEqual("VP8X"u8) && (bytes[20] & 0x02) != 0;
}
