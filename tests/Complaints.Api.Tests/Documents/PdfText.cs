using System.Text;
using UglyToad.PdfPig;

namespace Complaints.Api.Tests.Documents;

/// <summary>What a reader (or a search index) gets out of a PDF: its pages' text, by PdfPig.</summary>
public static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        Assert.True(pdf.AsSpan().StartsWith("%PDF-"u8), "not a PDF: no %PDF- header");
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    public static string Of(byte[] pdf)
    {
        var text = new StringBuilder();
        foreach (var page in Pages(pdf))
        {
            text.AppendLine(page);
        }

        return text.ToString();
    }
}
