using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Reporting;

namespace Complaints.Api.Statistics;

/// <summary>
/// The SQL of the figures of 第十八条, whose table is the domain's <see cref="Figures"/>: for each counted figure's key, the
/// condition a stored case meets to be counted, over <c>complaints c</c> and the rectification and revisit joins of
/// <see cref="StatisticsQuery"/>. Derived figures have none (the domain computes them). FigureParityTests holds every
/// domain figure to have its SQL and every SQL to be a domain figure, and computes every figure both ways.
/// </summary>
public static class StatisticsFigures
{
    /// <summary>The SQL condition of each counted figure, by key.</summary>
    public static IReadOnlyDictionary<string, string> Sql { get; } = BuildSql();

    /// <summary>The counted figures of the domain's table, in its order, each with its SQL.</summary>
    public static IReadOnlyList<(Figure Figure, string Sql)> Counted { get; } =
        Figures.Counted.Select(f => (f, Sql.TryGetValue(f.Key, out var sql) ? sql : throw new InvalidOperationException($"The figure {f.Key} has no SQL."))).ToList();

    /// <summary>
    /// The counted figures that depend on the moment of the request (逾期未办: open and past its deadline <em>now</em>): they
    /// change with the passing of time alone, so they are never rolled up but counted at each request over the open cases
    /// (a running deadline, <c>running_due_at IS NOT NULL</c>, which each of them requires). docs/decisions/statistics-rollups.md.
    /// </summary>
    public static IReadOnlySet<string> Live { get; } = new HashSet<string>(StringComparer.Ordinal) { "overdueNow" };

    /// <summary>The counted figures kept in the rollups (every counted figure but the <see cref="Live"/> ones), in table order.</summary>
    public static IReadOnlyList<(Figure Figure, string Sql)> RolledUp { get; } = Counted.Where(f => !Live.Contains(f.Figure.Key)).ToList();

    /// <summary>
    /// The joins the conditions read beside a case <c>c</c>: r, its rectifications (any, any verified); lr, its latest revisit.
    /// The count from the cases and the rollups' per-case rows (StatisticsRollups) both use them.
    /// </summary>
    public static string PartsSql { get; } = $"""
        LEFT JOIN (SELECT complaint_id, bool_or(status = '{RectificationStatus.Verified}') AS verified FROM complaint_rectifications GROUP BY complaint_id) r
          ON r.complaint_id = c.id
        LEFT JOIN (SELECT DISTINCT ON (complaint_id) complaint_id, rating FROM complaint_revisits ORDER BY complaint_id, number DESC) lr
          ON lr.complaint_id = c.id
        """;

    /// <summary>EF stores these enums by member name (ComplaintConfiguration): the SQL literal of a value.</summary>
    private static string Stored<TEnum>(TEnum value)
        where TEnum : struct, Enum => $"'{value}'";

    private static Dictionary<string, string> BuildSql()
    {
        var sql = new Dictionary<string, string>(StringComparer.Ordinal) { ["received"] = "TRUE" };
        foreach (var ch in Enum.GetValues<Channel>())
        {
            sql[Figures.Key("received", ch)] = $"c.channel = {Stored(ch)}";
        }

        sql["accepted"] = $"(c.classification IS NOT NULL OR c.status IN ({Stored(ComplaintStatus.InHandling)}, {Stored(ComplaintStatus.Concluded)}))";
        sql["notAccepted"] = $"(c.status = {Stored(ComplaintStatus.NotAccepted)} OR c.not_accepted_reason IS NOT NULL)";
        foreach (var r in Enum.GetValues<NotAcceptedReason>())
        {
            sql[Figures.Key("notAccepted", r)] = $"c.not_accepted_reason = {Stored(r)}";
        }

        sql["referred"] = "c.referred_at IS NOT NULL";
        sql["referredOnTime"] = "(c.referred_at IS NOT NULL AND c.referred_on_time)";
        sql["referredLate"] = "(c.referred_at IS NOT NULL AND NOT c.referred_on_time)";
        sql["decided"] = "c.decided_at IS NOT NULL";
        sql["decidedOnTime"] = "(c.decided_at IS NOT NULL AND c.decided_on_time)";
        sql["decidedLate"] = "(c.decided_at IS NOT NULL AND NOT c.decided_on_time)";
        sql["onsite"] = $"c.classification = {Stored(Classification.Onsite)}";
        sql["offsite"] = $"c.classification = {Stored(Classification.Offsite)}";
        sql["concluded"] = $"c.status = {Stored(ComplaintStatus.Concluded)}";
        sql["concludedOnTime"] = $"(c.status = {Stored(ComplaintStatus.Concluded)} AND c.concluded_on_time)";
        sql["concludedLate"] = $"(c.status = {Stored(ComplaintStatus.Concluded)} AND NOT c.concluded_on_time)";
        sql["extended"] = "c.extended";
        sql["overdueNow"] = "c.running_due_at <= @now";
        sql["merged"] = $"c.status = {Stored(ComplaintStatus.Merged)}";
        foreach (var x in Enum.GetValues<Finding>())
        {
            sql[Figures.Key("finding", x)] = $"c.finding = {Stored(x)}";
        }

        foreach (var x in Enum.GetValues<SatisfactionRating>())
        {
            sql[Figures.Key("satisfaction", x)] = $"coalesce(c.complainant_rating, lr.rating) = {Stored(x)}";
        }

        sql["rectificationsOrdered"] = "r.complaint_id IS NOT NULL";
        sql["rectificationsCompleted"] = "coalesce(r.verified, false)";
        sql["major"] = "c.is_major";
        return sql;
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
        Concluded = c.Status == ComplaintStatus.Concluded,
        ConcludedOnTime = c.ConcludedOnTime,
        Extended = c.Extended,
        OverdueNow = c.RunningDeadline(calendar) is { } running && running.DueAt <= now,
        Merged = c.Status == ComplaintStatus.Merged,
        Finding = c.Finding,
        Satisfaction = c.Satisfaction,
        RectificationOrdered = c.Rectifications.Count > 0,
        RectificationCompleted = c.Rectifications.Any(r => r.Status == RectificationStatus.Verified),
        Major = c.IsMajor,
        RespondentAgencyId = c.Respondent.AgencyId,
        RespondentAgencyName = respondentAgencyName,
        ServiceItemName = c.ServiceItem.Name,
    };
}
