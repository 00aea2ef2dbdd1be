using Complaints.Domain.Insight;

namespace Complaints.Domain.Tests.Insight;

/// <summary>第十六条 定期对投诉内容进行分析: TF-IDF topics, service items and the change against the previous period.</summary>
public class ContentAnalysisTests
{
    private static TopicCorpus Corpus(params (string Words, string Item, string? Rating)[] cases)
    {
        var corpus = new TopicCorpus();
        var n = 0;
        foreach (var (words, item, rating) in cases)
        {
            corpus.Add(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), $"TS530102-20260706-{++n:D4}", item, rating is not null, rating == "差");
        }

        return corpus;
    }

    [Fact]
    public void A_planted_topic_leads_and_a_word_in_every_complaint_does_not_第十六条()
    {
        var current = Corpus(
            ("窗口 叫号 系统故障 排队 系统故障", "营业执照", null),
            ("窗口 材料 告知 不全", "营业执照", "差"),
            ("窗口 叫号 系统故障 过号", "不动产登记", "差"),
            ("窗口 收费 票据", "不动产登记", "好"),
            ("窗口 系统故障 等候", "社保卡", null));
        var previous = Corpus(("窗口 材料 告知", "营业执照", null), ("窗口 收费", "社保卡", null));
        var result = ContentAnalysisRules.Analyse(current, previous);

        Assert.Equal(5, result.Cases);
        Assert.Equal(2, result.PreviousCases);
        var top = result.Keywords[0];
        Assert.Equal("系统故障", top.Term);
        Assert.Equal(3, top.Cases);
        Assert.Equal(0, top.PreviousCases);
        Assert.Equal(3, top.Change);
        Assert.Equal(0.6, top.ShareChange);
        Assert.Equal(Math.Round(4 * Math.Log(6.0 / 3), 4), top.Score);
        Assert.Equal(["TS530102-20260706-0001", "TS530102-20260706-0003", "TS530102-20260706-0005"], top.Examples);
        var window = result.Keywords.Single(k => k.Term == "窗口");
        Assert.True(window.Score < top.Score / 2);
        Assert.DoesNotContain(result.Keywords, k => k.Term == "过号"); // once only: not recurring
        Assert.Equal("叫号 系统故障", result.Phrases[0].Term);
        Assert.Equal("系统故障", result.Rising[0].Term);
        Assert.DoesNotContain(result.Rising, k => k.Term == "窗口"); // in every complaint then and now: +3 cases, but no rise in share

        Assert.Equal(["不动产登记", "营业执照", "社保卡"], result.TopServiceItems.Select(i => i.ServiceItem));
        Assert.Equal(2, result.TopServiceItems[1].Complaints);
        Assert.Equal(1, result.TopServiceItems[1].PreviousComplaints);
        Assert.Equal(1, result.TopServiceItems[1].Change);
        var most = result.MostDissatisfied[0]; // 1 of 1 rated before 1 of 2
        Assert.Equal(("营业执照", 1, 1, (double?)1.0), (most.ServiceItem, most.Rated, most.Dissatisfied, most.DissatisfiedShare));
        Assert.Equal(2, result.MostDissatisfied.Count);
        Assert.Null(result.TopServiceItems.Single(i => i.ServiceItem == "社保卡").DissatisfiedShare);
    }

    [Fact]
    public void A_single_complaint_still_has_topics_and_blank_items_are_left_out()
    {
        var one = Corpus(("材料 告知", " ", null));
        var result = ContentAnalysisRules.Analyse(one, new TopicCorpus());
        Assert.Equal(["告知", "材料"], result.Keywords.Select(k => k.Term).Order());
        Assert.Empty(result.TopServiceItems);
        Assert.Empty(new TopicCorpus().Terms);
        Assert.Throws<ArgumentNullException>(() => ContentAnalysisRules.Analyse(null!, one));
    }

    [Theory]
    [InlineData("2026-07-01", "2026-09-30", "2026-04-01", "2026-06-30")] // a quarter: the quarter before
    [InlineData("2026-01-01", "2026-06-30", "2025-07-01", "2025-12-31")] // a half-year
    [InlineData("2026-01-01", "2026-12-31", "2025-01-01", "2025-12-31")] // a year
    [InlineData("2026-03-01", "2026-03-31", "2026-02-01", "2026-02-28")] // a month
    [InlineData("2026-07-06", "2026-07-12", "2026-06-29", "2026-07-05")] // any days: as many days before
    public void The_previous_period_has_the_same_length(string from, string to, string previousFrom, string previousTo)
    {
        var (f, t) = AnalysisPeriods.Previous(DateOnly.Parse(from), DateOnly.Parse(to));
        Assert.Equal((DateOnly.Parse(previousFrom), DateOnly.Parse(previousTo)), (f, t));
        Assert.Throws<ArgumentException>(() => AnalysisPeriods.Previous(DateOnly.Parse(to), DateOnly.Parse(from).AddDays(-1)));
    }
}
