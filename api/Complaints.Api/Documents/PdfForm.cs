using System.Globalization;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Complaints.Api.Documents;

/// <summary>
/// A <see cref="FormSheet"/> as an A4 PDF (20 mm margins) drawn with PDFsharp. The font is embedded
/// as a Unicode subset, so the text, the tracking number included, can be searched and copied.
/// Long values (facts run to 10 000 characters) continue on the next page; every page carries the
/// tracking number and its page number in the footer.
/// </summary>
internal sealed class PdfForm
{
    private const double Mm = 72 / 25.4;
    private const double Margin = 20 * Mm;
    private const double LabelWidth = 30 * Mm;
    private const double Padding = 1.5 * Mm;
    private const double BodySize = 10.5;
    private const double LineFactor = 1.45;

    private static readonly XColor LabelShade = XColor.FromArgb(242, 242, 242);
    private static readonly XColor SectionShade = XColor.FromArgb(228, 228, 228);

    private readonly PdfDocument _document = new();
    private readonly List<PdfPage> _pages = [];
    private readonly XFont _body;
    private readonly XFont _bold;
    private readonly XFont _title;
    private readonly XFont _annex;
    private readonly XFont _small;
    private readonly Dictionary<(XFont Font, int Rune), double> _widths = [];
    private XGraphics? _graphics;
    private double _y;

    private PdfForm(string family)
    {
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        _body = new XFont(family, BodySize, XFontStyleEx.Regular, unicode);
        _bold = new XFont(family, BodySize, XFontStyleEx.Bold, unicode);
        _title = new XFont(family, 18, XFontStyleEx.Bold, unicode);
        _annex = new XFont(family, 12, XFontStyleEx.Regular, unicode);
        _small = new XFont(family, 9, XFontStyleEx.Regular, unicode);
    }

    private const double PageWidth = 210 * Mm;
    private const double PageHeight = 297 * Mm;
    private const double ContentWidth = PageWidth - (2 * Margin);
    private const double Bottom = PageHeight - Margin;

    private XGraphics G => _graphics ?? throw new InvalidOperationException("No page is open.");

    public static byte[] Render(FormSheet sheet, string fontFamily)
    {
        var form = new PdfForm(fontFamily);
        return form.Draw(sheet);
    }

    private byte[] Draw(FormSheet sheet)
    {
        _document.Info.Title = $"{sheet.Title} {sheet.TrackingNumber}";
        _document.Info.Subject = sheet.Annex;
        _document.Info.Creator = "云南省政务服务投诉处理系统";
        _document.Options.CompressContentStreams = true;
        NewPage();

        DrawLine(sheet.Annex, _annex, Margin, XStringFormats.TopLeft);
        _y += Height(_annex) + (3 * Mm);
        DrawLine(sheet.Title, _title, PageWidth / 2, XStringFormats.TopCenter);
        _y += Height(_title) + (3 * Mm);
        DrawLine($"编号:{sheet.TrackingNumber}", _body, PageWidth - Margin, XStringFormats.TopRight);
        _y += Height(_body) + (2 * Mm);

        for (var i = 0; i < sheet.Paragraphs.Count; i++)
        {
            var text = i == 0 && sheet.Paragraphs[i].EndsWith(':') ? sheet.Paragraphs[i] : "\u3000\u3000" + sheet.Paragraphs[i];
            Flow(text, _body, Margin, ContentWidth);
            _y += 1 * Mm;
        }

        foreach (var row in sheet.Rows)
        {
            DrawRow(row);
        }

        if (sheet.Notes.Count > 0)
        {
            _y += 2 * Mm;
            foreach (var note in sheet.Notes)
            {
                Flow(note, _small, Margin, ContentWidth);
            }
        }

        if (sheet.Signature.Count > 0)
        {
            _y += 8 * Mm;
            foreach (var line in sheet.Signature)
            {
                EnsureRoom(Height(_body));
                DrawLine(line, _body, PageWidth - Margin - (40 * Mm), XStringFormats.TopCenter);
                _y += Height(_body) * 1.3;
            }
        }

        _graphics?.Dispose();
        _graphics = null;
        DrawFooters(sheet.TrackingNumber);

        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void DrawRow(FormRow row)
    {
        if (row.Heading is { } heading)
        {
            var height = Height(_bold) + (2 * Padding);
            EnsureRoom(height);
            var box = new XRect(Margin, _y, ContentWidth, height);
            G.DrawRectangle(new XPen(XColors.Black, 0.75), new XSolidBrush(SectionShade), box);
            DrawLine(heading, _bold, Margin + Padding, XStringFormats.TopLeft, _y + Padding);
            _y += height;
            return;
        }

        // Columns: label | value (| label | value); a single cell's value spans the rest of the row.
        var valueWidth = row.Cells.Count == 1 ? ContentWidth - LabelWidth : (ContentWidth / 2) - LabelWidth;
        var cells = row.Cells.Select(c => (Label: Wrap(c.Label, _body, LabelWidth - (2 * Padding)), Value: Wrap(c.Value, _body, valueWidth - (2 * Padding)))).ToList();
        var lineCount = cells.Max(c => Math.Max(c.Label.Count, c.Value.Count));
        var lineHeight = Height(_body);

        // A row that fits on a fresh page is not split; a longer one fills this page and continues on the next.
        var whole = (lineCount * lineHeight) + (2 * Padding);
        if (_y + whole > Bottom && whole <= Bottom - Margin)
        {
            NewPage();
        }

        for (var start = 0; start < lineCount;)
        {
            var fit = (int)Math.Floor((Bottom - _y - (2 * Padding)) / lineHeight);
            if (fit < 1)
            {
                NewPage();
                continue;
            }

            var take = Math.Min(fit, lineCount - start);
            var height = (take * lineHeight) + (2 * Padding);
            var x = Margin;
            foreach (var (label, value) in cells)
            {
                DrawCell(label, start, take, x, LabelWidth, height, shaded: true);
                DrawCell(value, start, take, x + LabelWidth, valueWidth, height, shaded: false);
                x += LabelWidth + valueWidth;
            }

            _y += height;
            start += take;
            if (start < lineCount)
            {
                NewPage();
            }
        }
    }

    private void DrawCell(IReadOnlyList<string> lines, int start, int take, double x, double width, double height, bool shaded)
    {
        var box = new XRect(x, _y, width, height);
        var pen = new XPen(XColors.Black, 0.75);
        if (shaded)
        {
            G.DrawRectangle(pen, new XSolidBrush(LabelShade), box);
        }
        else
        {
            G.DrawRectangle(pen, box);
        }

        var lineHeight = Height(_body);
        for (var i = 0; i < take && start + i < lines.Count; i++)
        {
            var format = shaded ? XStringFormats.TopCenter : XStringFormats.TopLeft;
            var left = shaded ? x + (width / 2) : x + Padding;
            G.DrawString(lines[start + i], _body, XBrushes.Black, new XPoint(left, _y + Padding + (i * lineHeight)), format);
        }
    }

    private void Flow(string text, XFont font, double x, double width)
    {
        foreach (var line in Wrap(text, font, width))
        {
            EnsureRoom(Height(font));
            DrawLine(line, font, x, XStringFormats.TopLeft);
            _y += Height(font);
        }
    }

    private void DrawLine(string text, XFont font, double x, XStringFormat format, double? y = null) =>
        G.DrawString(text, font, XBrushes.Black, new XPoint(x, y ?? _y), format);

    private void EnsureRoom(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _pages.Add(page);
        _graphics = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    private void DrawFooters(string trackingNumber)
    {
        for (var i = 0; i < _pages.Count; i++)
        {
            using var g = XGraphics.FromPdfPage(_pages[i], XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"{trackingNumber}    第 {i + 1} 页 共 {_pages.Count} 页");
            g.DrawString(text, _small, XBrushes.Black, new XPoint(PageWidth / 2, PageHeight - (12 * Mm)), XStringFormats.TopCenter);
        }
    }

    private static double Height(XFont font) => font.Size * LineFactor;

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>. Chinese breaks between any two
    /// characters, except that closing punctuation never starts a line (it takes the character before
    /// it along); a run of Latin letters or digits (a tracking number, a masked phone) moves whole to
    /// the next line when it can, so it stays searchable as one word.
    /// </summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in Normalise(text).Split('\n'))
        {
            var line = new List<string>();
            var lineWidth = 0.0;
            void Break()
            {
                lines.Add(string.Concat(line).TrimEnd());
                line.Clear();
                lineWidth = 0;
            }

            foreach (var token in Tokens(paragraph))
            {
                var tokenWidth = Measure(token, font);
                if (lineWidth + tokenWidth > width && line.Count > 0)
                {
                    if (token == " ")
                    {
                        Break();
                        continue;
                    }

                    // 避头尾: a closing mark takes the character before it to the next line rather than start
                    // a line; an opening mark never ends one.
                    var carried = line.Count > 1 && (IsMark(token, ClosingMarks) || IsMark(line[^1], OpeningMarks)) ? line[^1] : null;
                    if (carried is not null)
                    {
                        line.RemoveAt(line.Count - 1);
                    }

                    Break();
                    if (carried is not null)
                    {
                        line.Add(carried);
                        lineWidth = Measure(carried, font);
                    }
                }

                if (tokenWidth > width)
                {
                    // A word longer than the line: break it between characters.
                    foreach (var rune in token.EnumerateRunes())
                    {
                        var runeWidth = Measure(rune, font);
                        if (lineWidth + runeWidth > width && line.Count > 0)
                        {
                            Break();
                        }

                        line.Add(rune.ToString());
                        lineWidth += runeWidth;
                    }

                    continue;
                }

                line.Add(token);
                lineWidth += tokenWidth;
            }

            Break();
        }

        return lines;
    }

    private static bool IsMark(string token, string marks) => token.Length == 1 && marks.Contains(token[0], StringComparison.Ordinal);

    // ASCII and full-width opening marks (（《「『“‘【〈).
    private const string OpeningMarks = "([{\uFF08\u300A\u300C\u300E\u201C\u2018\u3010\u3008";

    // ASCII and full-width closing marks (，。、；：？！）》」』”’】〉…), written as escapes so that no editor folds them.
    private const string ClosingMarks = ",.;:!?)]}%\uFF0C\u3002\u3001\uFF1B\uFF1A\uFF1F\uFF01\uFF09\u300B\u300D\u300F\u201D\u2019\u3011\u3009\u2026";

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.ReplaceLineEndings("\n").EnumerateRunes())
        {
            if (rune.Value == '\n')
            {
                builder.Append('\n');
            }
            else if (rune.Value == '\t')
            {
                builder.Append(' ');
            }
            else if (!Rune.IsControl(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Words of Latin letters, digits and the marks codes are made of; every other character alone.</summary>
    private static IEnumerable<string> Tokens(string paragraph)
    {
        var word = new StringBuilder();
        foreach (var rune in paragraph.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || WordMarks.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                word.Append((char)rune.Value);
                continue;
            }

            if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }

            yield return rune.ToString();
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private const string WordMarks = "-_*./@+#'&";

    private double Measure(string token, XFont font)
    {
        var total = 0.0;
        foreach (var rune in token.EnumerateRunes())
        {
            total += Measure(rune, font);
        }

        return total;
    }

    private double Measure(Rune rune, XFont font)
    {
        if (!_widths.TryGetValue((font, rune.Value), out var width))
        {
            width = G.MeasureString(rune.ToString(), font).Width;
            _widths[(font, rune.Value)] = width;
        }

        return width;
    }
}
