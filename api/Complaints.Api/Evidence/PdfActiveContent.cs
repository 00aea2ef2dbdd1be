using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Complaints.Api.Evidence;

/// <summary>
/// Active content in a PDF, found by parsing it as a reader does (PdfPig): every object the cross-reference sections
/// name (all revisions of an incrementally updated file, objects inside object streams; when the cross-reference is
/// broken, PdfPig rebuilds it from the objects it finds) is read as tokens, and every dictionary key and name value is
/// compared with the names that make a PDF act: scripts, automatic and additional actions, launching programs, opening
/// URLs, submitting or importing form data, embedded files, XFA forms, rich media. A byte scan alone was fooled by a
/// stray <c>stream</c> keyword that made it skip the objects after it; a parser reads objects where the file says they are.
/// </summary>
public static class PdfActiveContent
{
    public static readonly IReadOnlySet<string> ActiveNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "OpenAction", "AA", "Launch", "URI", "SubmitForm", "ImportData", "ResetForm",
        "EmbeddedFile", "EmbeddedFiles", "FileAttachment", "XFA", "RichMedia", "RichMediaExecute", "GoToR", "GoToE",
        "Rendition", "Movie", "Sound",
    };

    private const int MaxDepth = 64;

    public enum Verdict
    {
        Clean,
        Active,
        Unreadable,
    }

    public static Verdict Inspect(byte[] pdf)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(pdf);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Verdict.Unreadable;
        }

        using (document)
        {
            var unreadable = false;
            foreach (var reference in document.Structure.CrossReferenceTable.ObjectOffsets.Keys)
            {
                try
                {
                    if (IsActive(document.Structure.GetObject(reference).Data, 0))
                    {
                        return Verdict.Active;
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // An object a reader cannot parse: keep looking for active content, then refuse the file as unreadable.
                    unreadable = true;
                }
            }

            return unreadable ? Verdict.Unreadable : Verdict.Clean;
        }
    }

    private static bool IsActive(IToken? token, int depth)
    {
        if (depth > MaxDepth)
        {
            return true;
        }

        switch (token)
        {
            case NameToken name:
                return ActiveNames.Contains(name.Data);
            case StreamToken stream:
                return IsActive(stream.StreamDictionary, depth + 1);
            case DictionaryToken dictionary:
                foreach (var (key, value) in dictionary.Data)
                {
                    if (ActiveNames.Contains(key) || IsActive(value, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case ArrayToken array:
                return array.Data.Any(item => IsActive(item, depth + 1));
            default:
                return false;
        }
    }
}
