using System.Net;
using System.Text;

namespace Complaints.Api.Documents;

/// <summary>
/// A <see cref="FormSheet"/> as a self-contained, printable A4 page in Chinese. Every value is
/// HTML-encoded: complaint text is the complainant's own words and may contain markup.
/// </summary>
internal static class HtmlForm
{
    /// <summary>
    /// Sent with every page: nothing but the inline style may load or run, so that even a value that
    /// escaped encoding could not script the reader's browser.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string Style = """
        @page { size: A4; margin: 20mm }
        * { box-sizing: border-box }
        body { margin: 0; color: #000; background: #fff; font-size: 10.5pt; line-height: 1.6;
               font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", "WenQuanYi Micro Hei", serif }
        .sheet { width: 170mm; margin: 0 auto }
        .annex { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 12pt }
        h1 { margin: 4mm 0 2mm; text-align: center; font-size: 18pt; letter-spacing: 0.05em;
             font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif }
        .number { margin: 0 0 3mm; text-align: right }
        p.text { margin: 0 0 2mm; text-indent: 2em; white-space: pre-wrap; overflow-wrap: anywhere }
        p.salutation { margin: 2mm 0; text-indent: 0 }
        table { width: 100%; border-collapse: collapse; table-layout: fixed }
        th, td { border: 0.75pt solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left;
                 white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all }
        th { width: 30mm; font-weight: normal; text-align: center; vertical-align: middle; background: #f2f2f2 }
        tr.section th { width: auto; text-align: left; font-weight: bold; background: #e4e4e4 }
        tr { break-inside: avoid; page-break-inside: avoid }
        .notes { margin: 3mm 0 0; padding: 0; list-style: none; font-size: 9pt }
        .notes li { margin: 0 0 1mm }
        .signature { margin: 10mm 0 0 auto; width: 80mm; text-align: center; line-height: 2 }
        @media screen { body { padding: 10mm 0; background: #eee } .sheet { background: #fff; padding: 20mm; width: 210mm } }
        """;

    public static string Render(FormSheet sheet)
    {
        var html = new StringBuilder(8 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(sheet.Title)).Append(' ').Append(E(sheet.TrackingNumber)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n<main class=\"sheet\">\n");
        html.Append("<div class=\"annex\">").Append(E(sheet.Annex)).Append("</div>\n");
        html.Append("<h1>").Append(E(sheet.Title)).Append("</h1>\n");
        html.Append("<p class=\"number\">编号:<span class=\"tracking-number\">").Append(E(sheet.TrackingNumber)).Append("</span></p>\n");

        for (var i = 0; i < sheet.Paragraphs.Count; i++)
        {
            // The first paragraph of a notice is its salutation, which is not indented.
            var css = i == 0 && sheet.Paragraphs[i].EndsWith(':') ? "text salutation" : "text";
            html.Append("<p class=\"").Append(css).Append("\">").Append(E(sheet.Paragraphs[i])).Append("</p>\n");
        }

        if (sheet.Rows.Count > 0)
        {
            html.Append("<table>\n<colgroup><col style=\"width:30mm\"><col><col style=\"width:30mm\"><col></colgroup>\n<tbody>\n");
            foreach (var row in sheet.Rows)
            {
                AppendRow(html, row);
            }

            html.Append("</tbody>\n</table>\n");
        }

        if (sheet.Notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">\n");
            foreach (var note in sheet.Notes)
            {
                html.Append("<li>").Append(E(note)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (sheet.Signature.Count > 0)
        {
            html.Append("<div class=\"signature\">\n");
            foreach (var line in sheet.Signature)
            {
                html.Append("<div>").Append(E(line)).Append("</div>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendRow(StringBuilder html, FormRow row)
    {
        if (row.Heading is { } heading)
        {
            html.Append("<tr class=\"section\"><th colspan=\"4\" scope=\"colgroup\">").Append(E(heading)).Append("</th></tr>\n");
            return;
        }

        html.Append("<tr>");
        foreach (var cell in row.Cells)
        {
            html.Append("<th scope=\"row\">").Append(E(cell.Label)).Append("</th>");
            html.Append(row.Cells.Count == 1 ? "<td colspan=\"3\">" : "<td>").Append(E(cell.Value)).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
