using Complaints.Domain.Cases;

namespace Complaints.Domain.Reporting;

/// <summary>
/// One figure of 第十八条: its stable key (exports, the API's SQL for it, the parity tests), its Chinese label (the 办法's
/// words), the condition a case meets to be counted (<see cref="Counts"/>), and where the figure sits in
/// <see cref="ComplaintStatistics"/> (<see cref="Read"/>). A derived figure (a rate, a sum of other figures) has no
/// condition: <see cref="Figures.Statistics"/> computes it from the counted ones.
/// </summary>
public sealed record Figure(string Key, string Label, Func<CaseSummary, bool>? Counts, Func<ComplaintStatistics, object?> Read)
{
    /// <summary>A number of cases: counted over cases, added up when reports are summed.</summary>
    public bool IsCounted => Counts is not null;

    /// <summary>This counted figure's number in <paramref name="statistics"/>.</summary>
    public int CountIn(ComplaintStatistics statistics) => (int)Read(statistics)!;
}

/// <summary>
/// The figures of 第十八条, defined once. <see cref="ComplaintStatistics.Compute(IEnumerable{CaseSummary})"/> counts each
/// counted figure over case summaries, <see cref="ReportAggregation.Sum"/> adds each up over reports, the API's
/// Statistics/StatisticsFigures gives each key its SQL condition (live statistics), and the report export writes one row
/// per figure in this order. <see cref="Statistics"/> is the one place a figure's key becomes a field.
/// </summary>
public static class Figures
{
    public static IReadOnlyList<Figure> All { get; } = Build();

    /// <summary>The figures that are numbers of cases, in table order.</summary>
    public static IReadOnlyList<Figure> Counted { get; } = All.Where(f => f.IsCounted).ToList();

    /// <summary>The key of the figure for one member of an enum-keyed distribution: <c>received.online_app</c>.</summary>
    public static string Key<TEnum>(string distribution, TEnum value)
        where TEnum : struct, Enum => $"{distribution}.{WireNames.Of(value)}";

    private static List<Figure> Build()
    {
        // Stored reports are read back as they were saved: a member added to an enum since then counts 0 there.
        static Func<ComplaintStatistics, object?> In<TEnum>(Func<ComplaintStatistics, IReadOnlyDictionary<TEnum, int>> distribution, TEnum value)
            where TEnum : struct, Enum => s => distribution(s).GetValueOrDefault(value);

        var f = new List<Figure> { new("received", "收到投诉", _ => true, s => s.Received) };
        f.AddRange(Enum.GetValues<Channel>().Select(ch => new Figure(Key("received", ch), $"收到投诉 · {ch.Name()}",
            c => c.Channel == ch, In(s => s.ReceivedByChannel, ch))));
        f.Add(new("accepted", "受理", c => c.Classification is not null || c.Status is ComplaintStatus.InHandling or ComplaintStatus.Concluded, s => s.Accepted));
        f.Add(new("notAccepted", "不予受理", c => c.Status == ComplaintStatus.NotAccepted || c.NotAcceptedReason is not null, s => s.NotAccepted));
        f.AddRange(Enum.GetValues<NotAcceptedReason>().Select(r => new Figure(Key("notAccepted", r), $"不予受理 · {r.Article()} {r.Name()}",
            c => c.NotAcceptedReason == r, In(s => s.NotAcceptedByReason, r))));
        f.AddRange(
        [
            new("referred", "交办", c => c.Referred, s => s.Referred),
            new("referredOnTime", "按时交办", c => c.Referred && c.ReferredOnTime == true, s => s.ReferredOnTime),
            new("referredLate", "逾期交办", c => c.Referred && c.ReferredOnTime == false, s => s.ReferredLate),
            new("decided", "作出受理决定", c => c.Decided, s => s.Decided),
            new("decidedOnTime", "按时作出受理决定", c => c.Decided && c.DecidedOnTime == true, s => s.DecidedOnTime),
            new("decidedLate", "逾期作出受理决定", c => c.Decided && c.DecidedOnTime == false, s => s.DecidedLate),
            new("onsite", "现场处理类", c => c.Classification == Classification.Onsite, s => s.Onsite),
            new("offsite", "非现场处理类", c => c.Classification == Classification.Offsite, s => s.Offsite),
            new("concluded", "办结", c => c.Concluded, s => s.Concluded),
            new("concludedOnTime", "按期办结", c => c.Concluded && c.ConcludedOnTime == true, s => s.ConcludedOnTime),
            new("concludedLate", "逾期办结", c => c.Concluded && c.ConcludedOnTime == false, s => s.ConcludedLate),
            new("extended", "延期", c => c.Extended, s => s.Extended),
            new("overdueNow", "逾期未办", c => c.OverdueNow, s => s.OverdueNow),
            new("merged", "合并处理", c => c.Merged, s => s.Merged),
        ]);
        f.AddRange(Enum.GetValues<Finding>().Select(x => new Figure(Key("finding", x), $"调查结论 · {x.Name()}",
            c => c.Finding == x, In(s => s.Findings, x))));
        f.Add(new("invalid", "无效投诉", null, s => s.Invalid));
        f.AddRange(Enum.GetValues<SatisfactionRating>().Select(x => new Figure(Key("satisfaction", x), $"满意度 · {x.Name()}",
            c => c.Satisfaction == x, In(s => s.Satisfaction, x))));
        f.AddRange(
        [
            new("satisfactionRate", "满意率", null, s => s.SatisfactionRate),
            new("rectificationsOrdered", "督促整改", c => c.RectificationOrdered, s => s.RectificationsOrdered),
            new("rectificationsCompleted", "整改完成", c => c.RectificationCompleted, s => s.RectificationsCompleted),
            new("major", "重大投诉", c => c.Major, s => s.Major),
        ]);
        return f;
    }

    /// <summary>
    /// The statistics from the number of each counted figure (by key) and the two rankings; the derived figures (无效投诉,
    /// the number rated, the satisfaction rate) are computed here from the counted ones.
    /// </summary>
    public static ComplaintStatistics Statistics(IReadOnlyDictionary<string, int> n, IReadOnlyList<AgencyCount> agencies, IReadOnlyList<ServiceItemCount> items)
    {
        ArgumentNullException.ThrowIfNull(n);
        IReadOnlyDictionary<TEnum, int> By<TEnum>(string distribution)
            where TEnum : struct, Enum => Enum.GetValues<TEnum>().ToDictionary(v => v, v => n[Key(distribution, v)]);

        var findings = By<Finding>("finding");
        var satisfaction = By<SatisfactionRating>("satisfaction");
        return new ComplaintStatistics(
            Received: n["received"], ReceivedByChannel: By<Channel>("received"), Accepted: n["accepted"], NotAccepted: n["notAccepted"],
            NotAcceptedByReason: By<NotAcceptedReason>("notAccepted"),
            Referred: n["referred"], ReferredOnTime: n["referredOnTime"], ReferredLate: n["referredLate"],
            Decided: n["decided"], DecidedOnTime: n["decidedOnTime"], DecidedLate: n["decidedLate"],
            Onsite: n["onsite"], Offsite: n["offsite"], Concluded: n["concluded"], ConcludedOnTime: n["concludedOnTime"], ConcludedLate: n["concludedLate"],
            Extended: n["extended"], OverdueNow: n["overdueNow"], Merged: n["merged"], Findings: findings,
            Invalid: findings.Where(x => x.Key.IsInvalidComplaint()).Sum(x => x.Value),
            Satisfaction: satisfaction, Rated: satisfaction.Values.Sum(), SatisfactionRate: ComplaintStatistics.SatisfactionRateOf(satisfaction),
            RectificationsOrdered: n["rectificationsOrdered"], RectificationsCompleted: n["rectificationsCompleted"], Major: n["major"],
            TopRespondentAgencies: agencies, TopServiceItems: items);
    }
}
