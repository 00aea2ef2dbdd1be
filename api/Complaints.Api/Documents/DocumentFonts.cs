using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Complaints.Api.Documents;

/// <summary>Configuration section <c>Documents</c>.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>
    /// A TrueType font (.ttf) or collection (.ttc, first face) with CJK glyphs, embedded in the PDFs.
    /// Debian's fonts-wqy-microhei by default (scripts/ensure-fonts.sh, the Dockerfile).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string FontPath { get; set; } = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
}

/// <summary>
/// The CJK font of the PDF forms. PDFsharp 6 finds no fonts by itself on Linux and takes them from a
/// process-wide <see cref="IFontResolver"/>; this host's font is known to it by a family name that
/// carries the path, so hosts configured with different fonts in one process (the tests) never mix.
/// </summary>
public sealed class DocumentFonts(IOptions<DocumentOptions> options, ILogger<DocumentFonts> logger)
{
    /// <summary>The family to ask PDFsharp for, or null (logged) when the font file is missing or unreadable.</summary>
    public string? Family()
    {
        var path = options.Value.FontPath;
        try
        {
            return CjkFontResolver.Register(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            logger.LogError(e, "The PDF font {FontPath} cannot be read (Documents:FontPath)", path);
            return null;
        }
    }
}

/// <summary>Serves the registered font faces to PDFsharp. Installed once per process; registration is thread-safe.</summary>
internal sealed class CjkFontResolver : IFontResolver
{
    private const string FamilyPrefix = "complaints-cjk:";
    private static readonly CjkFontResolver Instance = new();
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, byte[]> Faces = new(StringComparer.Ordinal);

    private CjkFontResolver()
    {
    }

    /// <summary>Reads the font at <paramref name="path"/> once and returns the family name that draws with it.</summary>
    public static string Register(string path)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
            else if (GlobalFontSettings.FontResolver != Instance)
            {
                throw new InvalidOperationException("Another PDFsharp font resolver is installed in this process.");
            }

            var family = FamilyPrefix + path;
            if (!Faces.ContainsKey(family))
            {
                Faces[family] = TrueTypeCollection.FirstFace(File.ReadAllBytes(path));
            }

            return family;
        }
    }

    // The face name is the family name: one face per font file. PDFsharp simulates bold by stroking.
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        Faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold ? XStyleSimulations.BoldSimulation : XStyleSimulations.None) : null;

    public byte[]? GetFont(string faceName) => Faces.GetValueOrDefault(faceName);
}

/// <summary>
/// PDFsharp 6.2.4 cannot read a TrueType collection (a .ttc fails with a NullReferenceException in
/// OpenTypeFontFace; FontResolverInfo.CollectionNumber is documented "not yet implemented"), and the
/// CJK fonts Debian ships are collections. So the first face is rebuilt as a standalone TrueType font:
/// its table directory is copied with the offsets rewritten, and its tables (which in a collection
/// are addressed from the start of the file and may be shared with other faces) are copied after it.
/// </summary>
internal static class TrueTypeCollection
{
    private const int OffsetTableLength = 12;
    private const int TableRecordLength = 16;

    public static byte[] FirstFace(byte[] file)
    {
        var source = file.AsSpan();
        if (source.Length < 4 || !source[..4].SequenceEqual("ttcf"u8))
        {
            return file;
        }

        var face = ToInt(Read32(source, 12, file.Length));
        var tableCount = Read16(source, face + 4, file.Length);
        var directoryLength = OffsetTableLength + (TableRecordLength * tableCount);
        Check(face + directoryLength, file.Length);

        long total = directoryLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = face + OffsetTableLength + (TableRecordLength * i);
            var offset = Read32(source, record + 8, file.Length);
            var length = Read32(source, record + 12, file.Length);
            Check((long)offset + length, file.Length);
            total += Padded(length);
        }

        if (total > Array.MaxLength)
        {
            throw new InvalidDataException("The font collection's first face is too large.");
        }

        var output = new byte[total];
        source.Slice(face, OffsetTableLength).CopyTo(output);
        var at = directoryLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = source.Slice(face + OffsetTableLength + (TableRecordLength * i), TableRecordLength);
            var offset = ToInt(BinaryPrimitives.ReadUInt32BigEndian(record[8..]));
            var length = ToInt(BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            var copy = output.AsSpan(OffsetTableLength + (TableRecordLength * i), TableRecordLength);
            record[..8].CopyTo(copy); // tag and checksum are unchanged: the table's bytes are
            BinaryPrimitives.WriteUInt32BigEndian(copy[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(copy[12..], (uint)length);
            source.Slice(offset, length).CopyTo(output.AsSpan(at));
            at += (int)Padded((uint)length);
        }

        return output;
    }

    private static uint Read32(ReadOnlySpan<byte> source, int at, int length)
    {
        Check(at + 4L, length);
        return BinaryPrimitives.ReadUInt32BigEndian(source[at..]);
    }

    private static int Read16(ReadOnlySpan<byte> source, int at, int length)
    {
        Check(at + 2L, length);
        return BinaryPrimitives.ReadUInt16BigEndian(source[at..]);
    }

    private static long Padded(uint length) => (length + 3L) & ~3L;

    private static int ToInt(uint value) => value <= int.MaxValue ? (int)value : throw new InvalidDataException("A font offset is out of range.");

    private static void Check(long end, int length)
    {
        if (end > length)
        {
            throw new InvalidDataException("The font collection is truncated.");
        }
    }
}
