namespace Complaints.Domain.Reporting;

/// <summary>
/// 第十八条: a management department's report adds its own level's figures to the reports submitted by
/// the level below. Each counted figure of <see cref="Figures"/> adds up exactly; the derived ones (the satisfaction
/// rate among them) are recomputed from the sums; the top-10 lists are merged by summing each entry's counts, which is exact for every entry that
/// appears in the lists being merged and may miss one that was eleventh everywhere.
/// </summary>
public static class ReportAggregation
{
    public static ComplaintStatistics Sum(IReadOnlyCollection<ComplaintStatistics> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var agencies = parts.SelectMany(p => p.TopRespondentAgencies)
            .GroupBy(a => a.AgencyId)
            .Select(g => new AgencyCount(g.Key, g.First().AgencyName, g.Sum(a => a.Count)))
            .OrderByDescending(a => a.Count).ThenBy(a => a.AgencyName, StringComparer.Ordinal).ThenBy(a => a.AgencyId)
            .Take(ComplaintStatistics.TopCount).ToArray();
        var items = parts.SelectMany(p => p.TopServiceItems)
            .GroupBy(s => s.ServiceItemName, StringComparer.Ordinal)
            .Select(g => new ServiceItemCount(g.Key, g.Sum(s => s.Count)))
            .OrderByDescending(s => s.Count).ThenBy(s => s.ServiceItemName, StringComparer.Ordinal)
            .Take(ComplaintStatistics.TopCount).ToArray();
        return Figures.Statistics(Figures.Counted.ToDictionary(f => f.Key, f => parts.Sum(f.CountIn)), agencies, items);
    }
}
