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

    /// <summary>
    /// What <c>to_tsvector('simple', search_terms)</c> makes of the space-joined words (each word a lexeme, with its
    /// positions), for the COPY: the words are lower-case already and contain no characters the parser would split on.
    /// </summary>
    public static NpgsqlTypes.NpgsqlTsVector Vector(string search)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var position = 0;
        foreach (var word in search.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            position = Math.Min(position + 1, 16383);
            if (!positions.TryGetValue(word, out var list))
            {
                positions[word] = list = [];
            }

            if (list.Count < 256)
            {
                list.Add(position);
            }
        }

        var text = string.Join(' ', positions.Select(p => $"'{p.Key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}':{string.Join(',', p.Value)}"));
        // Obsolete because it cannot parse everything PostgreSQL can; these lexemes are quoted plain words, which it reads exactly.
#pragma warning disable CS0618
        return NpgsqlTypes.NpgsqlTsVector.Parse(text);
#pragma warning restore CS0618
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
