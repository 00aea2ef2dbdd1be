using Complaints.Domain.Cases;

namespace Complaints.Domain.Reporting;

/// <summary>A respondent agency and how many complaints named it.</summary>
public sealed record AgencyCount(Guid AgencyId, string AgencyName, int Count);

/// <summary>A service item and how many complaints concerned it.</summary>
public sealed record ServiceItemCount(string ServiceItemName, int Count);

/// <summary>
/// The figures of 第十八条 (rules.md "Reporting"), computed from case summaries by a pure function.
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

    public static ComplaintStatistics Compute(IEnumerable<CaseSummary> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var all = cases.ToList();
        var satisfaction = CountBy(all, c => c.Satisfaction);
        var findings = CountBy(all, c => c.Finding);

        return new ComplaintStatistics(
            Received: all.Count,
            ReceivedByChannel: CountBy(all, c => (Channel?)c.Channel),
            Accepted: all.Count(IsAccepted),
            NotAccepted: all.Count(c => c.Status == CaseStatus.NotAccepted || c.NotAcceptedReason is not null),
            NotAcceptedByReason: CountBy(all, c => c.NotAcceptedReason),
            Referred: all.Count(c => c.Referred),
            ReferredOnTime: all.Count(c => c.Referred && c.ReferredOnTime == true),
            ReferredLate: all.Count(c => c.Referred && c.ReferredOnTime == false),
            Decided: all.Count(c => c.Decided),
            DecidedOnTime: all.Count(c => c.Decided && c.DecidedOnTime == true),
            DecidedLate: all.Count(c => c.Decided && c.DecidedOnTime == false),
            Onsite: all.Count(c => c.Classification == Classification.Onsite),
            Offsite: all.Count(c => c.Classification == Classification.Offsite),
            Concluded: all.Count(c => c.Concluded),
            ConcludedOnTime: all.Count(c => c.Concluded && c.ConcludedOnTime == true),
            ConcludedLate: all.Count(c => c.Concluded && c.ConcludedOnTime == false),
            Extended: all.Count(c => c.Extended),
            OverdueNow: all.Count(c => c.OverdueNow),
            Merged: all.Count(c => c.Merged),
            Findings: findings,
            Invalid: findings.Where(f => f.Key.IsInvalidComplaint()).Sum(f => f.Value),
            Satisfaction: satisfaction,
            Rated: satisfaction.Values.Sum(),
            SatisfactionRate: SatisfactionRateOf(satisfaction),
            RectificationsOrdered: all.Count(c => c.RectificationOrdered),
            RectificationsCompleted: all.Count(c => c.RectificationCompleted),
            Major: all.Count(c => c.Major),
            TopRespondentAgencies: RankAgencies(all),
            TopServiceItems: RankServiceItems(all));
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

    private static bool IsAccepted(CaseSummary c) =>
        c.Classification is not null || c.Status is CaseStatus.InHandling or CaseStatus.Concluded;

    private static IReadOnlyDictionary<TKey, int> CountBy<TKey>(List<CaseSummary> cases, Func<CaseSummary, TKey?> key)
        where TKey : struct, Enum
    {
        var counts = Enum.GetValues<TKey>().ToDictionary(k => k, _ => 0);
        foreach (var c in cases)
        {
            if (key(c) is { } value)
            {
                counts[value]++;
            }
        }

        return counts.AsReadOnly();
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
