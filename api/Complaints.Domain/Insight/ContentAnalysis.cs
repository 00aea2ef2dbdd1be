namespace Complaints.Domain.Insight;

/// <summary>
/// A recurring topic: a word or a phrase (two adjacent topic words), its TF-IDF score, in how many cases it occurs now
/// and in the previous period, the change in cases and in its share of the period's cases (0.35 = 35 percentage
/// points more of all complaints mention it), and example tracking numbers.
/// </summary>
public sealed record Topic(string Term, double Score, int Cases, int PreviousCases, int Change, double ShareChange, IReadOnlyList<string> Examples);

/// <summary>A service item: complaints now and before, ratings, and the 不满意 (dissatisfied or very dissatisfied) ones among them.</summary>
public sealed record ServiceItemTally(string ServiceItem, int Complaints, int PreviousComplaints, int Change, int Rated, int Dissatisfied, double? DissatisfiedShare);

/// <summary>第十六条 "定期对投诉内容进行分析": what people complained about in a period, against the previous one.</summary>
public sealed record ContentAnalysisResult(
    int Cases,
    int PreviousCases,
    IReadOnlyList<Topic> Keywords,
    IReadOnlyList<Topic> Phrases,
    IReadOnlyList<Topic> Rising,
    IReadOnlyList<ServiceItemTally> TopServiceItems,
    IReadOnlyList<ServiceItemTally> MostDissatisfied);

/// <summary>
/// The cases of one scope and period, as the analysis needs them: each case's topic words in order, its
/// tracking number (for examples), service item and satisfaction. Filled one case at a time (streamed from the
/// store), so a province's year never sits in memory as rows, only as counts.
/// </summary>
public sealed class TopicCorpus
{
    public const int ExamplesPerTopic = 3;

    internal Dictionary<string, TermStats> Terms { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, ItemStats> Items { get; } = new(StringComparer.Ordinal);

    public int Cases { get; private set; }

    /// <param name="words">The case's topic words in text order (<see cref="ComplaintWords.TopicWords"/>).</param>
    /// <param name="rated">Whether the case has a satisfaction rating; <paramref name="dissatisfied"/> whether it is 不满意 or 非常不满意.</param>
    public void Add(IReadOnlyList<string> words, string trackingNumber, string? serviceItem, bool rated, bool dissatisfied)
    {
        ArgumentNullException.ThrowIfNull(words);
        Cases++;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            Count(words[i], trackingNumber, seen);
            if (i + 1 < words.Count && words[i] != words[i + 1])
            {
                Count(words[i] + " " + words[i + 1], trackingNumber, seen);
            }
        }

        var item = serviceItem?.Trim();
        if (!string.IsNullOrEmpty(item))
        {
            if (!Items.TryGetValue(item, out var stats))
            {
                Items[item] = stats = new ItemStats();
            }

            stats.Complaints++;
            stats.Rated += rated ? 1 : 0;
            stats.Dissatisfied += rated && dissatisfied ? 1 : 0;
        }
    }

    private void Count(string term, string trackingNumber, HashSet<string> seenInCase)
    {
        if (!Terms.TryGetValue(term, out var stats))
        {
            Terms[term] = stats = new TermStats();
        }

        stats.Occurrences++;
        if (seenInCase.Add(term))
        {
            stats.Cases++;
            if (stats.Examples.Count < ExamplesPerTopic)
            {
                stats.Examples.Add(trackingNumber);
            }
        }
    }

    internal sealed class TermStats
    {
        public int Occurrences { get; set; }
        public int Cases { get; set; }
        public List<string> Examples { get; } = [];
    }

    internal sealed class ItemStats
    {
        public int Complaints { get; set; }
        public int Rated { get; set; }
        public int Dissatisfied { get; set; }
    }
}

/// <summary>
/// [decision] How the content of a period is analysed (第十六条), TF-IDF over the segmented facts and requests:
/// <list type="bullet">
/// <item>each case is a document; a term is a topic word or a phrase of two adjacent topic words;</item>
/// <item>score(t) = occurrences of t in the period × ln((N + 1) / cases containing t), N the period's cases: a term in
/// every complaint ("窗口" for a service hall) scores near zero, one that recurs in a share of them leads;</item>
/// <item>a topic recurs: it occurs in at least two cases (unless the period has only one);</item>
/// <item>rising topics: the largest increase in the share of the period's cases that mention the term, against the
/// previous period of the same length (a share, so that a busier period does not make every common word "rise");</item>
/// <item>service items: the most complained about, and the most 不满意 ratings (不满意 + 非常不满意, the 好差评 差评).</item>
/// </list>
/// </summary>
public static class ContentAnalysisRules
{
    public const int TopKeywords = 20;
    public const int TopPhrases = 10;
    public const int TopRising = 10;
    public const int TopServiceItems = 10;

    public static ContentAnalysisResult Analyse(TopicCorpus current, TopicCorpus previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var minimumCases = current.Cases > 1 ? 2 : 1;
        var scored = current.Terms
            .Where(t => t.Value.Cases >= minimumCases)
            .Select(t => ToTopic(t.Key, t.Value, current, previous))
            .OrderByDescending(t => t.Score).ThenByDescending(t => t.Cases).ThenBy(t => t.Term, StringComparer.Ordinal)
            .ToList();
        var keywords = scored.Where(t => !t.Term.Contains(' ', StringComparison.Ordinal)).Take(TopKeywords).ToArray();
        var phrases = scored.Where(t => t.Term.Contains(' ', StringComparison.Ordinal)).Take(TopPhrases).ToArray();
        var rising = scored.Where(t => t.ShareChange > 0)
            .OrderByDescending(t => t.ShareChange).ThenByDescending(t => t.Score).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(TopRising).ToArray();

        var items = current.Items.Select(i =>
        {
            var before = previous.Items.TryGetValue(i.Key, out var p) ? p.Complaints : 0;
            return new ServiceItemTally(i.Key, i.Value.Complaints, before, i.Value.Complaints - before, i.Value.Rated, i.Value.Dissatisfied,
                i.Value.Rated == 0 ? null : Math.Round((double)i.Value.Dissatisfied / i.Value.Rated, 4));
        }).ToList();
        var top = items.OrderByDescending(i => i.Complaints).ThenBy(i => i.ServiceItem, StringComparer.Ordinal).Take(TopServiceItems).ToArray();
        var dissatisfied = items.Where(i => i.Dissatisfied > 0)
            .OrderByDescending(i => i.Dissatisfied).ThenByDescending(i => i.DissatisfiedShare).ThenBy(i => i.ServiceItem, StringComparer.Ordinal)
            .Take(TopServiceItems).ToArray();
        return new ContentAnalysisResult(current.Cases, previous.Cases, keywords, phrases, rising, top, dissatisfied);
    }

    private static Topic ToTopic(string term, TopicCorpus.TermStats stats, TopicCorpus current, TopicCorpus previous)
    {
        var before = previous.Terms.TryGetValue(term, out var p) ? p.Cases : 0;
        var idf = Math.Log((current.Cases + 1.0) / stats.Cases);
        var shareChange = ((double)stats.Cases / current.Cases) - (previous.Cases == 0 ? 0 : (double)before / previous.Cases);
        return new Topic(term, Math.Round(stats.Occurrences * idf, 4), stats.Cases, before, stats.Cases - before, Math.Round(shareChange, 4), stats.Examples.ToArray());
    }
}

/// <summary>The period an analysis is compared with.</summary>
public static class AnalysisPeriods
{
    /// <summary>
    /// [decision] The previous period of the same length: whole months (a quarter, a half-year, a year, a month)
    /// are compared with as many months just before; any other range with as many days just before.
    /// </summary>
    public static (DateOnly From, DateOnly To) Previous(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }

        if (from.Day == 1 && to.AddDays(1).Day == 1)
        {
            var months = ((to.Year - from.Year) * 12) + (to.Month - from.Month) + 1;
            return (from.AddMonths(-months), from.AddDays(-1));
        }

        var days = to.DayNumber - from.DayNumber + 1;
        return (from.AddDays(-days), from.AddDays(-1));
    }
}
