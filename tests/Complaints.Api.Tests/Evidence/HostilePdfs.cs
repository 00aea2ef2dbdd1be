using System.Globalization;
using System.Text;

namespace Complaints.Api.Tests.Evidence;

/// <summary>Hostile PDFs for issue #14, finding 1, built here byte by byte with exact cross-reference offsets.</summary>
public static class HostilePdfs
{
    private const string Catalog = "<< /Type /Catalog /Pages 2 0 R >>";
    private const string Pages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    private const string Page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>";
    private const string Content = "<< /Length 26 >>\nstream\nBT 72 760 Td (Receipt) Tj ET\nendstream";

    /// <summary>
    /// A stray <c>stream</c> keyword in an object written before the catalog: a byte scan that skips stream data jumps
    /// to the next <c>endstream</c> (the page content's), past the catalog and its script; a reader finds both by offset.
    /// </summary>
    public static byte[] StrayStreamBeforeScript() => Build(
    [
        (5, "(x) stream"),
        (1, "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>"),
        (2, Pages),
        (3, Page),
        (6, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"),
        (4, Content),
    ]);

    /// <summary>A clean file, then an incremental update that replaces the catalog with one whose additional actions run a script.</summary>
    public static byte[] IncrementalUpdateAddingScript() => Update(
        Build([(1, Catalog), (2, Pages), (3, Page), (4, Content)]),
        1, "<< /Type /Catalog /Pages 2 0 R /A#41 << /O << /S /JavaScript /JS (app.alert\\(1\\)) >> >> >>");

    /// <summary>A clean file, then an incremental update adding a link annotation that opens a URL, hidden behind a stray stream.</summary>
    public static byte[] IncrementalUpdateAddingUriBehindStrayStream()
    {
        var clean = Build([(1, Catalog), (2, Pages), (3, Page), (4, Content)]);
        var updated = Update(clean, 3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [5 0 R] >>");
        return Update(updated, 5, "<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI (https://evil.example/) >> >>");
    }

    public static byte[] WithCatalogEntries(string entries, params (int Number, string Body)[] extra) => Build(
    [
        (1, $"<< /Type /Catalog /Pages 2 0 R {entries} >>"), (2, Pages), (3, Page), (4, Content), .. extra,
    ]);

    public static byte[] Build(IReadOnlyList<(int Number, string Body)> objects)
    {
        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = pdf.Position;
            Write(pdf, $"{number} 0 obj\n{body}\nendobj\n");
        }

        var xref = pdf.Position;
        var size = offsets.Keys.Max() + 1;
        var table = new StringBuilder($"xref\n0 {size}\n0000000000 65535 f \n");
        for (var n = 1; n < size; n++)
        {
            table.Append(offsets.TryGetValue(n, out var offset) ? $"{offset:D10} 00000 n \n" : "0000000000 65535 f \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(pdf, table.ToString());
        return pdf.ToArray();
    }

    /// <summary>Appends an incremental update (PDF 7.5.6): the object, a cross-reference section for it, a trailer with /Prev.</summary>
    public static byte[] Update(byte[] original, int number, string body)
    {
        var text = Encoding.Latin1.GetString(original);
        var previous = long.Parse(text[(text.LastIndexOf("startxref", StringComparison.Ordinal) + 9)..text.LastIndexOf("%%EOF", StringComparison.Ordinal)].Trim(), CultureInfo.InvariantCulture);
        var size = int.Parse(text[(text.LastIndexOf("/Size ", StringComparison.Ordinal) + 6)..].Split(' ', '/', '>')[0], CultureInfo.InvariantCulture);
        using var pdf = new MemoryStream();
        pdf.Write(original);
        var offset = pdf.Position;
        Write(pdf, $"{number} 0 obj\n{body}\nendobj\n");
        var xref = pdf.Position;
        Write(pdf, $"xref\n0 1\n0000000000 65535 f \n{number} 1\n{offset:D10} 00000 n \ntrailer\n<< /Size {Math.Max(size, number + 1)} /Root 1 0 R /Prev {previous} >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
