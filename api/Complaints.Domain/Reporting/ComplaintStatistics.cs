using Complaints.Domain.Cases;

namespace Complaints.Domain.Reporting;

/// <summary>A respondent agency and how many complaints named it.</summary>
public sealed record AgencyCount(Guid AgencyId, string AgencyName, int Count);

/// <summary>A service item and how many complaints concerned it.</summary>
public sealed record ServiceItemCount(string ServiceItemName, int Count);

/// <summary>
/// The figures of 第十八条 (rules.md "Reporting"), computed from case summaries by a pure function; which figures
/// there are, and how each is counted, is the table <see cref="Figures"/>.
/// Every enum-keyed distribution lists all members, zeros included, in declaration order.
/// </summary>
/// <param name="Accepted">Cases classified on acceptance (第十二条) or in handling / concluded.</param>
/// <param name="NotAccepted">Cases with status not_accepted or a 第八条 reason.</param>
/// <param name="ReferredLate">Referred after the 2 working days of 第十条.</param>
/// <param name="Decided">Accepted or not accepted by a decision (第十一条; 第十条 for a department's rejection).</param>
/// <param name="DecidedLate">Decided after the period that was running (第十一条's 3 working days).</param>
/// <param name="ConcludedLate">Concluded after the 第十三条 time limit.</param>
/// <param name="Invalid">无效投诉 (第十四条): unsubstantiated plus unverifiable findings.</param>
/// <param name="Rated">Cases with a satisfaction rating.</param>
/// <param name="SatisfactionRate">
/// (非常满意 + 满意 + 基本满意) / <paramref name="Rated"/>, between 0 and 1, unrounded; null when
/// nothing was rated, so that "no ratings" is not shown as 0 %.
/// </param>
/// <param name="TopRespondentAgencies">At most 10, most complaints first; ties by name, then id.</param>
/// <param name="TopServiceItems">At most 10, most complaints first; ties by name; blank names left out.</param>
public sealed record ComplaintStatistics(
    int Received,
    IReadOnlyDictionary<Channel, int> ReceivedByChannel,
    int Accepted,
    int NotAccepted,
    IReadOnlyDictionary<NotAcceptedReason, int> NotAcceptedByReason,
    int Referred,
    int ReferredOnTime,
    int ReferredLate,
    int Decided,
    int DecidedOnTime,
    int DecidedLate,
    int Onsite,
    int Offsite,
    int Concluded,
    int ConcludedOnTime,
    int ConcludedLate,
    int Extended,
    int OverdueNow,
    int Merged,
    IReadOnlyDictionary<Finding, int> Findings,
    int Invalid,
    IReadOnlyDictionary<SatisfactionRating, int> Satisfaction,
    int Rated,
    double? SatisfactionRate,
    int RectificationsOrdered,
    int RectificationsCompleted,
    int Major,
    IReadOnlyList<AgencyCount> TopRespondentAgencies,
    IReadOnlyList<ServiceItemCount> TopServiceItems)
{
    public const int TopCount = 10;

    /// <summary>
    /// [decision] The satisfaction rate: the three upper levels of 好差评 over everything rated; null
    /// when nothing was rated. Every figure of the service (live, per case, summed reports) uses this.
    /// </summary>
    public static double? SatisfactionRateOf(IReadOnlyDictionary<SatisfactionRating, int> satisfaction)
    {
        ArgumentNullException.ThrowIfNull(satisfaction);
        var rated = satisfaction.Values.Sum();
        var satisfied = satisfaction.Where(s => !s.Key.IsNegative()).Sum(s => s.Value);
        return rated == 0 ? null : (double)satisfied / rated;
    }

    /// <summary>Each counted figure of <see cref="Figures"/> over the cases, and the two rankings.</summary>
    public static ComplaintStatistics Compute(IEnumerable<CaseSummary> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var all = cases.ToList();
        return Figures.Statistics(Figures.Counted.ToDictionary(f => f.Key, f => all.Count(f.Counts!)), RankAgencies(all), RankServiceItems(all));
    }

    /// <summary>
    /// The figures for the complaints received in <paramref name="period"/> (CST), each as it
    /// stands now: a cohort view, so that a quarter's report can be recomputed and still agree.
    /// The period that contains 2022-07-10 counts from that day (第十九条).
    /// </summary>
    public static ComplaintStatistics Compute(IEnumerable<CaseSummary> cases, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(period);
        return Compute(cases.Where(c => period.Counts(c.ReceivedAt)));
    }

    private static AgencyCount[] RankAgencies(List<CaseSummary> cases) =>
    [
        .. cases
            .GroupBy(c => c.RespondentAgencyId)
            .Select(g => new AgencyCount(g.Key, g.MaxBy(c => c.ReceivedAt)!.RespondentAgencyName, g.Count()))
            .OrderByDescending(a => a.Count)
            .ThenBy(a => a.AgencyName, StringComparer.Ordinal)
            .ThenBy(a => a.AgencyId)
            .Take(TopCount),
    ];

    private static ServiceItemCount[] RankServiceItems(List<CaseSummary> cases) =>
    [
        .. cases
            .Where(c => !string.IsNullOrWhiteSpace(c.ServiceItemName))
            .GroupBy(c => c.ServiceItemName.Trim(), StringComparer.Ordinal)
            .Select(g => new ServiceItemCount(g.Key, g.Count()))
            .OrderByDescending(s => s.Count)
            .ThenBy(s => s.ServiceItemName, StringComparer.Ordinal)
            .Take(TopCount),
    ];
}
