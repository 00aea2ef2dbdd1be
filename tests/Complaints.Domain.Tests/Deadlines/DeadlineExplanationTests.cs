using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using static Complaints.Domain.Tests.Calendars;

namespace Complaints.Domain.Tests.Deadlines;

public class DeadlineExplanationTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    [Fact]
    public void The_acceptance_deadline_explains_its_article_start_skipped_holiday_and_makeup_day_in_chinese_第十一条()
    {
        var deadline = DeadlineRules.Acceptance(Shipped, new DateTimeOffset(2026, 2, 13, 15, 0, 0, Cst));

        Assert.Equal(
            "依据第十一条,决定是否受理的期限为3个工作日:自2026年2月13日(星期五)收到投诉,当日不计入,自次日起算,"
            + "第3个工作日为2026年2月25日(星期三),期限至该日24时止。其间非工作日共9天:2026年2月15日至2月23日(春节)。"
            + "2026年2月14日(星期六)为调休上班日,计为工作日。",
            deadline.Explain(Shipped));
    }

    [Fact]
    public void A_plain_count_of_working_days_is_explained_as_a_count_not_as_a_period_of_the_办法()
    {
        var deadline = DeadlineRules.Count(Shipped, D("2026-03-02"), 10);
        var text = deadline.Explain(Shipped);

        Assert.Equal(DeadlineKind.WorkingDayCount, deadline.Kind);
        Assert.StartsWith("自2026年3月2日(星期一)起计算10个工作日:当日不计入,自次日起算,第10个工作日为2026年3月16日(星期一)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("依据", text, StringComparison.Ordinal);
        Assert.DoesNotContain("受理", text, StringComparison.Ordinal);
        Assert.Equal("计算0个工作日:期限为2026年3月2日(星期一)当日24时止。", DeadlineRules.Count(Shipped, D("2026-03-02"), 0).Explain(Shipped));
    }

    [Theory]
    [InlineData(DeadlineKind.Referral, 2, "依据第十条,交办投诉的期限为2个工作日")]
    [InlineData(DeadlineKind.Acceptance, 3, "依据第十一条,决定是否受理的期限为3个工作日")]
    [InlineData(DeadlineKind.OffsiteHandling, 10, "依据第十三条第(二)项,非现场处理类投诉办结的期限为10个工作日")]
    [InlineData(DeadlineKind.ExtendedHandling, 20, "依据第十三条第(二)项,延期后办结的期限为20个工作日")]
    [InlineData(DeadlineKind.OnsiteHandling, 0, "依据第十三条第(一)项,现场处理类投诉应当日完成")]
    public void Each_statutory_period_is_explained_in_its_own_words_第十条_第十一条_第十三条(DeadlineKind kind, int days, string opening)
    {
        var deadline = DeadlineRules.Statutory(Shipped, kind, D("2026-03-02"));

        Assert.Equal(days, deadline.WorkingDays);
        Assert.StartsWith(opening, deadline.Explain(Shipped), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRules.Statutory(Shipped, DeadlineKind.WorkingDayCount, D("2026-03-02")));
    }

    [Fact]
    public void Without_a_calendar_the_explanation_still_names_weekends_and_holidays()
    {
        var deadline = DeadlineRules.Referral(Shipped, new DateTimeOffset(2026, 9, 30, 9, 0, 0, Cst));

        var text = deadline.Explain();

        Assert.StartsWith("依据第十条,交办投诉的期限为2个工作日:自2026年9月30日(星期三)接收投诉,", text, StringComparison.Ordinal);
        Assert.Contains("其间非工作日共7天:2026年10月1日至10月7日(节假日、周末)。", text, StringComparison.Ordinal);
        Assert.DoesNotContain("调休", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_onsite_deadline_is_explained_as_the_same_day()
    {
        var deadline = DeadlineRules.Handling(Shipped, new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cst), Classification.Onsite, extended: false);

        Assert.Equal("依据第十三条第(一)项,现场处理类投诉应当日完成,期限为受理当日2026年3月2日(星期一)24时止。", deadline.Explain(Shipped));
    }

    [Fact]
    public void A_provisional_deadline_says_which_notice_is_missing()
    {
        var deadline = DeadlineRules.Handling(Shipped, new DateTimeOffset(2026, 12, 30, 9, 0, 0, Cst), Classification.Offsite, extended: false);

        var text = deadline.Explain(Shipped);

        Assert.StartsWith("依据第十三条第(二)项,非现场处理类投诉办结的期限为10个工作日:自2026年12月30日(星期三)受理,", text, StringComparison.Ordinal);
        Assert.EndsWith("该期限为暂定:2027年国务院节假日安排尚未载入,暂按周六、周日休息计算,安排公布后可能变化。", text, StringComparison.Ordinal);
        Assert.Equal([2027], deadline.MissingScheduleYears(Shipped));
        Assert.Contains("所涉年度国务院节假日安排尚未载入", deadline.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_in_late_december_waits_for_the_next_years_notice()
    {
        var deadline = DeadlineRules.Acceptance(Shipped, new DateTimeOffset(2026, 12, 22, 9, 0, 0, Cst));

        Assert.Equal([2027], deadline.MissingScheduleYears(Shipped));
        Assert.Empty(DeadlineRules.Acceptance(Shipped, new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cst)).MissingScheduleYears(Shipped));
    }

    [Fact]
    public void A_holiday_across_new_year_is_one_run_written_with_both_years()
    {
        var deadline = DeadlineRules.Acceptance(Shipped, new DateTimeOffset(2022, 12, 30, 9, 0, 0, Cst));

        Assert.Equal([new(D("2022-12-31"), D("2023-01-02"))], deadline.SkippedPeriods());
        Assert.Contains("2022年12月31日至2023年1月2日(元旦)", deadline.Explain(Shipped), StringComparison.Ordinal);
    }

    [Fact]
    public void An_extended_deadline_lists_the_national_day_holiday_the_weekends_and_the_makeup_saturday_第十三条()
    {
        var deadline = DeadlineRules.Handling(Shipped, new DateTimeOffset(2026, 9, 30, 9, 0, 0, Cst), Classification.Offsite, extended: true);

        var text = deadline.Explain(Shipped);

        Assert.StartsWith("依据第十三条第(二)项,延期后办结的期限为20个工作日:自2026年9月30日(星期三)受理,", text, StringComparison.Ordinal);
        Assert.Contains("第20个工作日为2026年11月3日(星期二)", text, StringComparison.Ordinal);
        Assert.Contains("其间非工作日共14天:2026年10月1日至10月7日(国庆节)、2026年10月11日(周末)、", text, StringComparison.Ordinal);
        Assert.Contains("2026年10月31日至11月1日(周末)。2026年10月10日(星期六)为调休上班日,计为工作日。", text, StringComparison.Ordinal);
    }
}
