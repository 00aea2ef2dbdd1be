using System.Text.RegularExpressions;
using Complaints.Api.Insight;
using Complaints.Domain.Insight;

namespace Complaints.Bench.Seeder;

/// <summary>
/// The insight and search words the service stores for a case (Insight/CaseText in the service), from the same
/// segmenter. The generated texts are made of a few dozen sentences, so each sentence is segmented once (its date
/// left out: digits and 年/月/日 are neither topic words nor anything the benchmark searches for) and reused.
/// </summary>
internal static partial class TextColumns
{
    private static readonly Dictionary<string, (string[] Topic, string[] Search)> Sentences = new(StringComparer.Ordinal);

    public static (string Insight, string Search) Of(GeneratedCase c)
    {
        var topic = new List<string>();
        var search = new List<string>(Segment(c.ServiceItemName).Search);
        foreach (var text in new[] { c.Request, c.Facts })
        {
            foreach (var s in SentencesOf(text))
            {
                topic.AddRange(s.Topic);
                search.AddRange(s.Search);
            }
        }

        foreach (var s in SentencesOf(c.Result))
        {
            search.AddRange(s.Search);
        }

        return (string.Join(' ', topic), string.Join(' ', search));
    }

    private static IEnumerable<(string[] Topic, string[] Search)> SentencesOf(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Date().Replace(text, "").Split('。', StringSplitOptions.RemoveEmptyEntries).Select(Segment);

    private static (string[] Topic, string[] Search) Segment(string sentence)
    {
        if (!Sentences.TryGetValue(sentence, out var words))
        {
            words = (ComplaintWords.TopicWords(ChineseSegmenter.Words(sentence)).ToArray(), ChineseSegmenter.SearchWords(sentence).ToArray());
            Sentences[sentence] = words;
        }

        return words;
    }

    [GeneratedRegex(@"\d{4}年\d{1,2}月\d{1,2}日")]
    private static partial Regex Date();
}
