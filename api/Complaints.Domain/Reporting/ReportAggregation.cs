using Complaints.Domain.Cases;

namespace Complaints.Domain.Reporting;

/// <summary>
/// 第十八条: a management department's report adds its own level's figures to the reports submitted by
/// the level below. Counts add up exactly; the satisfaction rate is recomputed from the summed scale;
/// the top-10 lists are merged by summing each entry's counts, which is exact for every entry that
/// appears in the lists being merged and may miss one that was eleventh everywhere.
/// </summary>
public static class ReportAggregation
{
    public static ComplaintStatistics Sum(IReadOnlyCollection<ComplaintStatistics> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var satisfaction = SumBy(parts, p => p.Satisfaction);
        return new ComplaintStatistics(
            Received: parts.Sum(p => p.Received),
            ReceivedByChannel: SumBy(parts, p => p.ReceivedByChannel),
            Accepted: parts.Sum(p => p.Accepted),
            NotAccepted: parts.Sum(p => p.NotAccepted),
            NotAcceptedByReason: SumBy(parts, p => p.NotAcceptedByReason),
            Referred: parts.Sum(p => p.Referred),
            ReferredOnTime: parts.Sum(p => p.ReferredOnTime),
            ReferredLate: parts.Sum(p => p.ReferredLate),
            Decided: parts.Sum(p => p.Decided),
            DecidedOnTime: parts.Sum(p => p.DecidedOnTime),
            DecidedLate: parts.Sum(p => p.DecidedLate),
            Onsite: parts.Sum(p => p.Onsite),
            Offsite: parts.Sum(p => p.Offsite),
            Concluded: parts.Sum(p => p.Concluded),
            ConcludedOnTime: parts.Sum(p => p.ConcludedOnTime),
            ConcludedLate: parts.Sum(p => p.ConcludedLate),
            Extended: parts.Sum(p => p.Extended),
            OverdueNow: parts.Sum(p => p.OverdueNow),
            Merged: parts.Sum(p => p.Merged),
            Findings: SumBy(parts, p => p.Findings),
            Invalid: parts.Sum(p => p.Invalid),
            Satisfaction: satisfaction,
            Rated: satisfaction.Values.Sum(),
            SatisfactionRate: ComplaintStatistics.SatisfactionRateOf(satisfaction),
            RectificationsOrdered: parts.Sum(p => p.RectificationsOrdered),
            RectificationsCompleted: parts.Sum(p => p.RectificationsCompleted),
            Major: parts.Sum(p => p.Major),
            TopRespondentAgencies: parts.SelectMany(p => p.TopRespondentAgencies)
                .GroupBy(a => a.AgencyId)
                .Select(g => new AgencyCount(g.Key, g.First().AgencyName, g.Sum(a => a.Count)))
                .OrderByDescending(a => a.Count).ThenBy(a => a.AgencyName, StringComparer.Ordinal).ThenBy(a => a.AgencyId)
                .Take(ComplaintStatistics.TopCount).ToArray(),
            TopServiceItems: parts.SelectMany(p => p.TopServiceItems)
                .GroupBy(s => s.ServiceItemName, StringComparer.Ordinal)
                .Select(g => new ServiceItemCount(g.Key, g.Sum(s => s.Count)))
                .OrderByDescending(s => s.Count).ThenBy(s => s.ServiceItemName, StringComparer.Ordinal)
                .Take(ComplaintStatistics.TopCount).ToArray());
    }

    private static IReadOnlyDictionary<TKey, int> SumBy<TKey>(IEnumerable<ComplaintStatistics> parts, Func<ComplaintStatistics, IReadOnlyDictionary<TKey, int>> pick)
        where TKey : struct, Enum
    {
        var sum = Enum.GetValues<TKey>().ToDictionary(k => k, _ => 0);
        foreach (var (key, count) in parts.SelectMany(pick))
        {
            sum[key] += count;
        }

        return sum;
    }
}
