using System.Globalization;
using System.Text;
using Complaints.Domain.Calendar;
using Complaints.Domain.Common;

namespace Complaints.Domain.Deadlines;

/// <summary>
/// Explains a <see cref="Deadline"/> to the people it binds (complainant, agency, supervisor), in
/// Chinese: which article, from which date, which days were not counted and why, and whether the
/// result is provisional. The deadline alone carries the dates; a calendar adds holiday names,
/// make-up working days and the years whose notice is missing.
/// </summary>
public static class DeadlineExplanation
{
    private static readonly string[] WeekdayNames = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    /// <summary>The skipped (non-working) days grouped into runs of consecutive days.</summary>
    public static IReadOnlyList<DateRange> SkippedPeriods(this Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return DateRange.RunsOf(deadline.SkippedDays);
    }

    /// <summary>The years whose State Council notice the deadline is waiting for (empty unless provisional).</summary>
    public static IReadOnlyList<int> MissingScheduleYears(this Deadline deadline, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(calendar);
        var years = new SortedSet<int>();
        for (var day = deadline.Start.AddDays(1); day <= deadline.Due; day = day.AddDays(1))
        {
            if (!calendar.HasSchedule(day.Year))
            {
                years.Add(day.Year);
            }

            if (!WorkingDays.IsSettled(calendar, day) && calendar.HasSchedule(day.Year))
            {
                years.Add(day.Year + 1);
            }
        }

        return [.. years];
    }

    /// <summary>
    /// E.g. "依据第十一条,决定是否受理的期限为3个工作日:自2026年2月13日(星期五)收到投诉,当日不计入,
    /// 自次日起算,第3个工作日为2026年2月25日(星期三),期限至该日24时止。其间非工作日共9天:
    /// 2026年2月15日至2月23日(春节)。2026年2月14日(星期六)为调休上班日,计为工作日。"
    /// </summary>
    public static string Explain(this Deadline deadline, IWorkingDayCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var text = new StringBuilder();
        if (deadline.Kind == DeadlineKind.WorkingDayCount)
        {
            // Not a period of the 办法: say what was counted, without borrowing an article or a subject.
            if (deadline.WorkingDays == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"计算0个工作日:期限为{Day(deadline.Start)}当日24时止。");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"自{Day(deadline.Start)}起计算{deadline.WorkingDays}个工作日:当日不计入,自次日起算,");
                text.Append(CultureInfo.InvariantCulture, $"第{deadline.WorkingDays}个工作日为{Day(deadline.Due)},期限至该日24时止。");
            }
        }
        else if (deadline.WorkingDays == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"依据{deadline.Article},{Subject(deadline.Kind)}应当日完成,期限为{StartEvent(deadline.Kind)}当日{Day(deadline.Start)}24时止。");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"依据{deadline.Article},{Subject(deadline.Kind)}的期限为{deadline.WorkingDays}个工作日:");
            text.Append(CultureInfo.InvariantCulture, $"自{Day(deadline.Start)}{StartEvent(deadline.Kind)},当日不计入,自次日起算,");
            text.Append(CultureInfo.InvariantCulture, $"第{deadline.WorkingDays}个工作日为{Day(deadline.Due)},期限至该日24时止。");
        }

        var runs = deadline.SkippedPeriods();
        if (runs.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"其间非工作日共{deadline.SkippedDays.Count}天:");
            text.AppendJoin('、', runs.Select(run => $"{Range(run)}({Reason(run, calendar)})"));
            text.Append('。');
        }

        if (calendar is not null)
        {
            var makeup = new List<DateOnly>();
            for (var day = deadline.Start.AddDays(1); day <= deadline.Due; day = day.AddDays(1))
            {
                if (WorkingDays.IsWeekend(day) && calendar.IsWorkingDay(day))
                {
                    makeup.Add(day);
                }
            }

            if (makeup.Count > 0)
            {
                text.AppendJoin('、', makeup.Select(Day));
                text.Append("为调休上班日,计为工作日。");
            }
        }

        if (deadline.Provisional)
        {
            var years = calendar is null ? [] : deadline.MissingScheduleYears(calendar);
            var which = years.Count == 0 ? "所涉年度" : string.Join('、', years.Select(y => y.ToString(CultureInfo.InvariantCulture) + "年"));
            text.Append(CultureInfo.InvariantCulture, $"该期限为暂定:{which}国务院节假日安排尚未载入,暂按周六、周日休息计算,安排公布后可能变化。");
        }

        return text.ToString();
    }

    /// <summary>The period's name in Chinese, e.g. 决定是否受理.</summary>
    public static string Name(this DeadlineKind kind) => Subject(kind);

    private static string Subject(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Referral => "交办投诉",
        DeadlineKind.Acceptance => "决定是否受理",
        DeadlineKind.OnsiteHandling => "现场处理类投诉",
        DeadlineKind.OffsiteHandling => "非现场处理类投诉办结",
        DeadlineKind.ExtendedHandling => "延期后办结",
        _ => "工作日计算",
    };

    private static string StartEvent(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Referral => "接收投诉",
        DeadlineKind.Acceptance => "收到投诉",
        _ => "受理",
    };

    private static string Reason(DateRange run, IWorkingDayCalendar? calendar)
    {
        var reasons = new List<string>();
        for (var day = run.From; day <= run.To; day = day.AddDays(1))
        {
            var reason = (calendar as StateCouncilCalendar)?.Entry(day)?.Name
                ?? (WorkingDays.IsWeekend(day) ? "周末" : "节假日");
            if (!reasons.Contains(reason))
            {
                reasons.Add(reason);
            }
        }

        return string.Join('、', reasons);
    }

    private static string Day(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日({WeekdayNames[(int)date.DayOfWeek]})");

    private static string Range(DateRange run)
    {
        var from = string.Create(CultureInfo.InvariantCulture, $"{run.From.Year}年{run.From.Month}月{run.From.Day}日");
        if (run.Days == 1)
        {
            return from;
        }

        var to = run.To.Year == run.From.Year
            ? string.Create(CultureInfo.InvariantCulture, $"{run.To.Month}月{run.To.Day}日")
            : string.Create(CultureInfo.InvariantCulture, $"{run.To.Year}年{run.To.Month}月{run.To.Day}日");
        return $"{from}至{to}";
    }
}
