using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Reporting;

namespace Complaints.Api.Statistics;

/// <summary>
/// One figure of 第十八条: its stable key (exports, the parity test), its Chinese label (the 办法's words), the condition
/// a stored case meets to be counted (<see cref="Sql"/>, over <c>complaints c</c> and the rectification and revisit
/// joins of <see cref="StatisticsQuery"/>), the same condition over a <see cref="CaseSummary"/> (<see cref="Counts"/>),
/// and where the figure sits in <see cref="ComplaintStatistics"/> (<see cref="Read"/>). Derived figures (rates, sums of
/// other figures) have no condition.
/// </summary>
public sealed record Figure(string Key, string Label, string? Sql, Func<CaseSummary, bool>? Counts, Func<ComplaintStatistics, object?> Read);

/// <summary>
/// The figures, defined once: live statistics (<see cref="StatisticsQuery"/>), report aggregation (reports store
/// <see cref="ComplaintStatistics"/>, built from these counts) and the spreadsheet export (Reports, one row per figure
/// in this order) all read this table. FigureParityTests computes every figure both ways over a generated data set.
/// </summary>
public static class StatisticsFigures
{
    public static IReadOnlyList<Figure> All { get; } = Build();

    /// <summary>The figures PostgreSQL counts: those with a condition.</summary>
    public static IReadOnlyList<Figure> Counted { get; } = All.Where(f => f.Sql is not null).ToList();

    /// <summary>EF stores these enums by member name (ComplaintConfiguration): the SQL literal of a value.</summary>
    private static string Stored<TEnum>(TEnum value)
        where TEnum : struct, Enum => $"'{value}'";

    private static List<Figure> Build()
    {
        var f = new List<Figure> { new("received", "收到投诉", "TRUE", _ => true, s => s.Received) };
        f.AddRange(Enum.GetValues<Channel>().Select(ch => new Figure($"received.{WireNames.Of(ch)}", $"收到投诉 · {ch.Name()}",
            $"c.channel = {Stored(ch)}", c => c.Channel == ch, s => s.ReceivedByChannel[ch])));
        f.Add(new("accepted", "受理", $"(c.classification IS NOT NULL OR c.status IN ({Stored(CaseStatus.InHandling)}, {Stored(CaseStatus.Concluded)}))",
            c => c.Classification is not null || c.Status is CaseStatus.InHandling or CaseStatus.Concluded, s => s.Accepted));
        f.Add(new("notAccepted", "不予受理", $"(c.status = {Stored(CaseStatus.NotAccepted)} OR c.not_accepted_reason IS NOT NULL)",
            c => c.Status == CaseStatus.NotAccepted || c.NotAcceptedReason is not null, s => s.NotAccepted));
        f.AddRange(Enum.GetValues<NotAcceptedReason>().Select(r => new Figure($"notAccepted.{WireNames.Of(r)}", $"不予受理 · {r.Article()} {r.Name()}",
            $"c.not_accepted_reason = {Stored(r)}", c => c.NotAcceptedReason == r, s => s.NotAcceptedByReason[r])));
        f.AddRange(
        [
            new("referred", "交办", "c.referred_at IS NOT NULL", c => c.Referred, s => s.Referred),
            new("referredOnTime", "按时交办", "(c.referred_at IS NOT NULL AND c.referred_on_time)", c => c.Referred && c.ReferredOnTime == true, s => s.ReferredOnTime),
            new("referredLate", "逾期交办", "(c.referred_at IS NOT NULL AND NOT c.referred_on_time)", c => c.Referred && c.ReferredOnTime == false, s => s.ReferredLate),
            new("decided", "作出受理决定", "c.decided_at IS NOT NULL", c => c.Decided, s => s.Decided),
            new("decidedOnTime", "按时作出受理决定", "(c.decided_at IS NOT NULL AND c.decided_on_time)", c => c.Decided && c.DecidedOnTime == true, s => s.DecidedOnTime),
            new("decidedLate", "逾期作出受理决定", "(c.decided_at IS NOT NULL AND NOT c.decided_on_time)", c => c.Decided && c.DecidedOnTime == false, s => s.DecidedLate),
            new("onsite", "现场处理类", $"c.classification = {Stored(Classification.Onsite)}", c => c.Classification == Classification.Onsite, s => s.Onsite),
            new("offsite", "非现场处理类", $"c.classification = {Stored(Classification.Offsite)}", c => c.Classification == Classification.Offsite, s => s.Offsite),
            new("concluded", "办结", $"c.status = {Stored(CaseStatus.Concluded)}", c => c.Concluded, s => s.Concluded),
            new("concludedOnTime", "按期办结", $"(c.status = {Stored(CaseStatus.Concluded)} AND c.concluded_on_time)", c => c.Concluded && c.ConcludedOnTime == true, s => s.ConcludedOnTime),
            new("concludedLate", "逾期办结", $"(c.status = {Stored(CaseStatus.Concluded)} AND NOT c.concluded_on_time)", c => c.Concluded && c.ConcludedOnTime == false, s => s.ConcludedLate),
            new("extended", "延期", "c.extended", c => c.Extended, s => s.Extended),
            new("overdueNow", "逾期未办", "c.running_due_at <= @now", c => c.OverdueNow, s => s.OverdueNow),
            new("merged", "合并处理", $"c.status = {Stored(CaseStatus.Merged)}", c => c.Merged, s => s.Merged),
        ]);
        f.AddRange(Enum.GetValues<Finding>().Select(x => new Figure($"finding.{WireNames.Of(x)}", $"调查结论 · {x.Name()}",
            $"c.finding = {Stored(x)}", c => c.Finding == x, s => s.Findings[x])));
        f.Add(new("invalid", "无效投诉", null, null, s => s.Invalid));
        f.AddRange(Enum.GetValues<SatisfactionRating>().Select(x => new Figure($"satisfaction.{WireNames.Of(x)}", $"满意度 · {x.Name()}",
            $"coalesce(c.complainant_rating, lr.rating) = {Stored(x)}", c => c.Satisfaction == x, s => s.Satisfaction[x])));
        f.AddRange(
        [
            new("satisfactionRate", "满意率", null, null, s => s.SatisfactionRate),
            new("rectificationsOrdered", "督促整改", "r.complaint_id IS NOT NULL", c => c.RectificationOrdered, s => s.RectificationsOrdered),
            new("rectificationsCompleted", "整改完成", "coalesce(r.verified, false)", c => c.RectificationCompleted, s => s.RectificationsCompleted),
            new("major", "重大投诉", "c.is_major", c => c.Major, s => s.Major),
        ]);
        return f;
    }

    /// <summary>The figures from the counts PostgreSQL returned (by key) and the two rankings.</summary>
    public static ComplaintStatistics From(IReadOnlyDictionary<string, int> n, IReadOnlyList<AgencyCount> agencies, IReadOnlyList<ServiceItemCount> items)
    {
        IReadOnlyDictionary<TEnum, int> By<TEnum>(string prefix)
            where TEnum : struct, Enum => Enum.GetValues<TEnum>().ToDictionary(v => v, v => n[$"{prefix}.{WireNames.Of(v)}"]);

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

    /// <summary>What the figures need to know of one stored case, as of <paramref name="now"/>.</summary>
    public static CaseSummary SummaryOf(Complaint c, string respondentAgencyName, IWorkingDayCalendar calendar, DateTimeOffset now) => new()
    {
        Channel = c.Channel,
        Status = c.Status,
        ReceivedAt = c.ReceivedAt,
        Referred = c.ReferredAt is not null,
        ReferredOnTime = c.ReferredOnTime,
        Decided = c.DecidedAt is not null,
        DecidedOnTime = c.DecidedOnTime,
        NotAcceptedReason = c.NotAcceptedReason,
        Classification = c.Classification,
        Concluded = c.Status == CaseStatus.Concluded,
        ConcludedOnTime = c.ConcludedOnTime,
        Extended = c.Extended,
        OverdueNow = c.RunningDeadline(calendar) is { } running && running.DueAt <= now,
        Merged = c.Status == CaseStatus.Merged,
        Finding = c.Finding,
        Satisfaction = c.EffectiveSatisfaction,
        RectificationOrdered = c.Rectifications.Count > 0,
        RectificationCompleted = c.Rectifications.Any(r => r.Status == RectificationStatus.Verified),
        Major = c.IsMajor,
        RespondentAgencyId = c.Respondent.AgencyId,
        RespondentAgencyName = respondentAgencyName,
        ServiceItemName = c.ServiceItem.Name,
    };
}
