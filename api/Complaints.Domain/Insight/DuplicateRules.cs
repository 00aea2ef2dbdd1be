namespace Complaints.Domain.Insight;

/// <summary>Why a case is probably the same matter as the one being viewed (第十三条 同一投诉事项).</summary>
public enum DuplicateReason
{
    /// <summary>The same ID number (居民身份证 or 统一社会信用代码), compared by its blind index.</summary>
    SameComplainant,

    /// <summary>The same phone number, compared by its blind index.</summary>
    SamePhone,

    /// <summary>
    /// A confidential complainant matched by ID number or phone, shown to a caller who may not know who they are
    /// (第九条): the match counts, but which detail matched is not said.
    /// </summary>
    ConfidentialComplainantMatch,

    /// <summary>The same respondent agency and service item.</summary>
    SameAgencyAndServiceItem,

    /// <summary>The facts and request share most of their words (segmented Chinese).</summary>
    SimilarText,
}

/// <summary>The case being viewed, as the suggestion rules see it.</summary>
public sealed record DuplicateSubject(Guid Id, DateTimeOffset ReceivedAt, Guid RespondentAgencyId, string ServiceItem, IReadOnlyCollection<string> Words, bool Confidential);

/// <summary>An open case in the caller's remit received within the window, with what the store compared without decrypting.</summary>
public sealed record DuplicateCandidate(
    Guid Id, DateTimeOffset ReceivedAt, Guid RespondentAgencyId, string ServiceItem, IReadOnlyCollection<string> Words, bool Confidential, bool SameIdNumber, bool SamePhone);

/// <summary>A suggested duplicate: its score (0–1.25), the text similarity (0–1), the reasons, and the days between the two receipts.</summary>
public sealed record DuplicateMatch(Guid Id, double Score, double TextSimilarity, IReadOnlyList<DuplicateReason> Reasons, int DaysApart);

/// <summary>
/// 第十三条 lets an agency merge "同一投诉事项通过不同渠道分别投诉的". These rules say which open cases are probably
/// that same matter, and in which order a complaint officer should look at them.
/// <para>
/// [decision] A candidate is suggested when the complainant is the same (ID number or phone), or the texts are
/// similar (Dice coefficient of their topic words ≥ <see cref="SimilarTextThreshold"/>), or it concerns the same
/// agency and service item and the texts are at least loosely similar (≥ <see cref="LooseTextThreshold"/>).
/// The same agency and item alone (another person, another story) is not the same matter. Score: the same ID
/// number 0.45 (the same phone only 0.40), the same agency and item 0.25 (the same agency only 0.05), half the
/// text similarity, and up to 0.05 for being received closer in time. Highest first, ties by the nearer receipt
/// then id; at most <see cref="MaxSuggestions"/>.
/// </para>
/// </summary>
public static class DuplicateRules
{
    public const int WindowDays = 30;
    public const int MaxSuggestions = 10;
    public const double SimilarTextThreshold = 0.35;
    public const double LooseTextThreshold = 0.2;

    public static IReadOnlyList<DuplicateMatch> Rank(DuplicateSubject subject, IEnumerable<DuplicateCandidate> candidates, bool callerMaySeeConfidentialIdentity)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(candidates);
        var words = new HashSet<string>(subject.Words, StringComparer.Ordinal);
        var matches = new List<DuplicateMatch>();
        foreach (var c in candidates)
        {
            var days = Math.Abs((c.ReceivedAt - subject.ReceivedAt).TotalDays);
            if (c.Id == subject.Id || days > WindowDays)
            {
                continue;
            }

            var similarity = TextSimilarity.Dice(words, c.Words);
            var sameAgency = c.RespondentAgencyId == subject.RespondentAgencyId;
            var sameItem = sameAgency && SameServiceItem(subject.ServiceItem, c.ServiceItem);
            var sameIdentity = c.SameIdNumber || c.SamePhone;
            if (!(sameIdentity || similarity >= SimilarTextThreshold || (sameItem && similarity >= LooseTextThreshold)))
            {
                continue;
            }

            var reasons = new List<DuplicateReason>();
            if (sameIdentity && (subject.Confidential || c.Confidential) && !callerMaySeeConfidentialIdentity)
            {
                reasons.Add(DuplicateReason.ConfidentialComplainantMatch);
            }
            else
            {
                if (c.SameIdNumber)
                {
                    reasons.Add(DuplicateReason.SameComplainant);
                }

                if (c.SamePhone)
                {
                    reasons.Add(DuplicateReason.SamePhone);
                }
            }

            if (sameItem)
            {
                reasons.Add(DuplicateReason.SameAgencyAndServiceItem);
            }

            if (similarity >= SimilarTextThreshold || (sameItem && similarity >= LooseTextThreshold))
            {
                reasons.Add(DuplicateReason.SimilarText);
            }

            var score = (c.SameIdNumber ? 0.45 : c.SamePhone ? 0.40 : 0)
                + (sameItem ? 0.25 : sameAgency ? 0.05 : 0)
                + (0.5 * similarity)
                + (0.05 * (1 - (days / WindowDays)));
            matches.Add(new DuplicateMatch(c.Id, Math.Round(score, 4), Math.Round(similarity, 4), reasons, (int)Math.Floor(days)));
        }

        return matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.DaysApart)
            .ThenBy(m => m.Id)
            .Take(MaxSuggestions)
            .ToArray();
    }

    /// <summary>
    /// The same service item however it was written down: equal once spaces and case are ignored, or one name
    /// contains the other (a hotline operator writes "营业执照" for "营业执照办理").
    /// </summary>
    public static bool SameServiceItem(string a, string b)
    {
        var x = Compact(a);
        var y = Compact(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return false;
        }

        return x == y || (Math.Min(x.Length, y.Length) >= 4 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)));
    }

    private static string Compact(string s) =>
        new(ComplaintWords.Normalize(s ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
}

/// <summary>How alike two segmented texts are.</summary>
public static class TextSimilarity
{
    /// <summary>Dice's coefficient of the two sets of topic words: 2|A∩B| / (|A| + |B|), 0 when either is empty.</summary>
    public static double Dice(IReadOnlySet<string> a, IEnumerable<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var other = b as IReadOnlySet<string> ?? new HashSet<string>(b, StringComparer.Ordinal);
        if (a.Count == 0 || other.Count == 0)
        {
            return 0;
        }

        var shared = other.Count(a.Contains);
        return 2.0 * shared / (a.Count + other.Count);
    }
}
