using System.IO.Compression;
using System.Text;

namespace Complaints.Api.Evidence;

/// <summary>
/// Checks an uploaded PDF without rendering it; the PDF is then stored byte for byte as uploaded.
/// <list type="bullet">
/// <item>Structure: <c>%PDF-n.n</c> at offset 0, <c>%%EOF</c> in the last 1 KiB, a <c>startxref</c> offset inside
/// the file, a cross-reference (<c>xref</c> table or <c>/XRef</c> stream) and a catalog (<c>/Root</c>).
/// The offset is not required to hit exactly: readers repair slightly wrong offsets, and so do many real files.</item>
/// <item>Active content is refused (<see cref="PdfActiveContent.ActiveNames"/>: scripts, automatic and additional actions,
/// launch, URI, form submission, embedded files, XFA, rich media), first by a byte scan, then by parsing every object with
/// a PDF library (<see cref="PdfActiveContent"/>): the files are opened by staff
/// in desktop readers, and a complaint never needs a script. Names are compared after <c>#xx</c> unescaping, and
/// compressed object streams (where PDF 1.5+ keeps dictionaries) are inflated, within a budget, and scanned too.</item>
/// <item>Encrypted PDFs are refused: their objects cannot be inspected, and staff could not read them anyway.</item>
/// </list>
/// </summary>
public static class PdfInspector
{
    private const int TailWindow = 1024;

    /// <summary>Total inflated bytes of object streams examined; beyond it the file is refused as a likely bomb.</summary>
    private const long InflateBudget = 64L * 1024 * 1024;

    private static readonly IReadOnlySet<string> ActiveNames = PdfActiveContent.ActiveNames;

    public static EvidenceRejection? Inspect(byte[] pdf)
    {
        if (!HasStructure(pdf))
        {
            return EvidenceRejection.UnreadablePdf;
        }

        var scan = new Scan();
        if (!scan.Run(pdf, insideObjectStream: false))
        {
            return scan.BudgetExceeded || scan.Broken ? EvidenceRejection.UnreadablePdf : EvidenceRejection.ActiveContent;
        }

        if (!scan.Names.Contains("Root") || !(scan.Names.Contains("XRef") || scan.SawXrefKeyword))
        {
            return EvidenceRejection.UnreadablePdf;
        }

        if (scan.Names.Contains("Encrypt"))
        {
            return EvidenceRejection.EncryptedPdf;
        }

        // The byte scan passed; now read the file as a reader would (see PdfActiveContent).
        return PdfActiveContent.Inspect(pdf) switch
        {
            PdfActiveContent.Verdict.Active => EvidenceRejection.ActiveContent,
            PdfActiveContent.Verdict.Unreadable => EvidenceRejection.UnreadablePdf,
            _ => null,
        };
    }

    private static bool HasStructure(byte[] pdf)
    {
        var bytes = pdf.AsSpan();
        if (bytes.Length < 64 || !bytes.StartsWith("%PDF-"u8) || !char.IsAsciiDigit((char)bytes[5]) || bytes[6] != '.' || !char.IsAsciiDigit((char)bytes[7]))
        {
            return false;
        }

        var tailStart = Math.Max(0, bytes.Length - TailWindow);
        var tail = bytes[tailStart..];
        var eof = tail.LastIndexOf("%%EOF"u8);
        if (eof < 0)
        {
            return false;
        }

        var startxref = tail[..eof].LastIndexOf("startxref"u8);
        if (startxref < 0)
        {
            return false;
        }

        var rest = tail[(startxref + "startxref".Length)..eof];
        var i = 0;
        while (i < rest.Length && IsWhitespace(rest[i]))
        {
            i++;
        }

        long offset = 0;
        var digits = 0;
        while (i < rest.Length && char.IsAsciiDigit((char)rest[i]) && digits < 12)
        {
            offset = (offset * 10) + (rest[i] - '0');
            digits++;
            i++;
        }

        return digits > 0 && offset >= 8 && offset < tailStart + startxref;
    }

    private static bool IsWhitespace(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    /// <summary>A tokenizer just good enough to find names outside strings, comments and stream bodies.</summary>
    private sealed class Scan
    {
        private long _inflated;

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public bool SawXrefKeyword { get; private set; }

        public bool BudgetExceeded { get; private set; }

        public bool Broken { get; private set; }

        /// <summary>False as soon as active content is found, the inflate budget is spent or an object stream is broken.</summary>
        public bool Run(ReadOnlySpan<byte> b, bool insideObjectStream)
        {
            var objectStreamPending = false;
            var flatePending = false;
            var filtered = false;
            var i = 0;
            while (i < b.Length)
            {
                var c = b[i];
                if (c == '%')
                {
                    while (i < b.Length && b[i] != '\n' && b[i] != '\r')
                    {
                        i++;
                    }
                }
                else if (c == '(')
                {
                    i = SkipLiteralString(b, i);
                }
                else if (c == '/')
                {
                    var (name, next) = ReadName(b, i + 1);
                    i = next;
                    Names.Add(name);
                    if (ActiveNames.Contains(name))
                    {
                        return false;
                    }

                    objectStreamPending |= name == "ObjStm";
                    flatePending |= name == "FlateDecode";
                    filtered |= name == "Filter";
                }
                else if (c == 'x' && !insideObjectStream && IsKeyword(b, i, "xref"u8))
                {
                    SawXrefKeyword = true;
                    i += 4;
                }
                else if (c == 's' && !insideObjectStream && IsKeyword(b, i, "stream"u8))
                {
                    var dataStart = i + 6;
                    if (dataStart < b.Length && b[dataStart] == '\r')
                    {
                        dataStart++;
                    }

                    if (dataStart < b.Length && b[dataStart] == '\n')
                    {
                        dataStart++;
                    }

                    var end = b[dataStart..].IndexOf("endstream"u8);
                    if (end < 0)
                    {
                        Broken = true;
                        return false;
                    }

                    if (objectStreamPending && !InspectObjectStream(b.Slice(dataStart, end), flatePending, filtered))
                    {
                        return false;
                    }

                    objectStreamPending = flatePending = filtered = false;
                    i = dataStart + end + "endstream".Length;
                }
                else if (c == 'e' && IsKeyword(b, i, "endobj"u8))
                {
                    objectStreamPending = flatePending = filtered = false;
                    i += 6;
                }
                else
                {
                    i++;
                }
            }

            return true;
        }

        private bool InspectObjectStream(ReadOnlySpan<byte> data, bool flate, bool filtered)
        {
            if (!filtered)
            {
                return Run(data, insideObjectStream: true);
            }

            if (!flate)
            {
                // Another filter (LZW, ASCII85…) on an object stream: nothing ordinary writes that; it cannot be checked.
                Broken = true;
                return false;
            }

            byte[] inflated;
            try
            {
                using var source = new MemoryStream(data.ToArray());
                using var zlib = new ZLibStream(source, CompressionMode.Decompress);
                using var target = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = zlib.Read(buffer)) > 0)
                {
                    _inflated += read;
                    if (_inflated > InflateBudget)
                    {
                        BudgetExceeded = true;
                        return false;
                    }

                    target.Write(buffer, 0, read);
                }

                inflated = target.ToArray();
            }
            catch (InvalidDataException)
            {
                Broken = true;
                return false;
            }

            return Run(inflated, insideObjectStream: true);
        }

        private static bool IsKeyword(ReadOnlySpan<byte> b, int i, ReadOnlySpan<byte> keyword) =>
            b[i..].StartsWith(keyword)
            && (i == 0 || IsWhitespace(b[i - 1]) || IsDelimiter(b[i - 1]))
            && (i + keyword.Length == b.Length || IsWhitespace(b[i + keyword.Length]) || IsDelimiter(b[i + keyword.Length]));

        private static int SkipLiteralString(ReadOnlySpan<byte> b, int i)
        {
            var depth = 0;
            for (; i < b.Length; i++)
            {
                switch (b[i])
                {
                    case (byte)'\\':
                        i++;
                        break;
                    case (byte)'(':
                        depth++;
                        break;
                    case (byte)')':
                        if (--depth == 0)
                        {
                            return i + 1;
                        }

                        break;
                }
            }

            return i;
        }

        private static (string Name, int Next) ReadName(ReadOnlySpan<byte> b, int i)
        {
            var name = new StringBuilder();
            while (i < b.Length && !IsWhitespace(b[i]) && !IsDelimiter(b[i]) && name.Length < 128)
            {
                if (b[i] == '#' && i + 2 < b.Length && IsHex(b[i + 1]) && IsHex(b[i + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(b.Slice(i + 1, 2)), 16));
                    i += 3;
                }
                else
                {
                    name.Append((char)b[i]);
                    i++;
                }
            }

            return (name.ToString(), i);
        }

        private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);
    }
}
