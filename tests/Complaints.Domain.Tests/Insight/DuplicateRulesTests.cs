using Complaints.Domain.Insight;

namespace Complaints.Domain.Tests.Insight;

/// <summary>第十三条 同一投诉事项通过不同渠道分别投诉的,可以合并处理: which open cases are suggested, why, and in which order.</summary>
public class DuplicateRulesTests
{
    private static readonly DateTimeOffset Received = new(2026, 7, 6, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Market = Guid.Parse("00000000-0000-0000-0000-000000000007");
    private static readonly Guid Hr = Guid.Parse("00000000-0000-0000-0000-000000000008");
    private static readonly string[] Story = ["食品", "经营", "许可证", "延续", "冷链", "仓库", "租赁", "合同", "健康", "证明"];
    private static readonly string[] Retold = ["来电人", "食品", "经营", "许可证", "延续", "冷链", "仓库", "健康", "证明", "材料"];
    private static readonly string[] Other = ["技能", "等级", "证书", "查询", "考试", "中心", "推诿"];

    private static readonly DuplicateSubject Subject = new(Id(1), Received, Market, "食品经营许可证延续", Story, Confidential: false);

    private static Guid Id(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:D12}");

    private static DuplicateCandidate Candidate(int n, double days = 2, Guid? agency = null, string item = "食品经营许可证延续", string[]? words = null,
        bool confidential = false, bool sameId = false, bool samePhone = false) =>
        new(Id(n), Received.AddDays(days), agency ?? Market, item, words ?? Story, confidential, sameId, samePhone);

    [Fact]
    public void The_same_complainant_agency_item_and_story_ranks_first_with_every_reason_第十三条()
    {
        var ranked = DuplicateRules.Rank(Subject,
        [
            Candidate(2, words: Other, agency: Hr, item: "职业技能等级认定", sameId: true),   // the same person, another matter
            Candidate(3, words: Retold, sameId: true, samePhone: true),                    // the duplicate
            Candidate(4, words: Retold, samePhone: false, agency: Market, item: "食品经营许可"), // the same story, another caller
        ], callerMaySeeConfidentialIdentity: true);

        Assert.Equal([Id(3), Id(4), Id(2)], ranked.Select(m => m.Id));
        Assert.Equal([DuplicateReason.SameComplainant, DuplicateReason.SamePhone, DuplicateReason.SameAgencyAndServiceItem, DuplicateReason.SimilarText], ranked[0].Reasons);
        Assert.Equal([DuplicateReason.SameAgencyAndServiceItem, DuplicateReason.SimilarText], ranked[1].Reasons);
        Assert.Equal([DuplicateReason.SameComplainant], ranked[2].Reasons);
        Assert.Equal(0.8, ranked[1].TextSimilarity);
        Assert.Equal(2, ranked[0].DaysApart);
    }

    [Fact]
    public void The_same_agency_and_item_alone_is_not_the_same_matter_nor_is_a_case_outside_30_days_or_the_case_itself()
    {
        var ranked = DuplicateRules.Rank(Subject,
        [
            Candidate(2, words: Other),                                  // same agency and item, another story
            Candidate(3, days: 31, sameId: true),                        // too late
            Candidate(4, days: -30.5, words: Retold),                    // too early
            new(Subject.Id, Received, Market, "食品经营许可证延续", Story, false, true, true), // itself
            Candidate(5, days: -29, words: Story, agency: Hr, item: "就业登记"), // another agency, the same text: similar text
        ], callerMaySeeConfidentialIdentity: true);

        var only = Assert.Single(ranked);
        Assert.Equal(Id(5), only.Id);
        Assert.Equal([DuplicateReason.SimilarText], only.Reasons);
        Assert.Equal(29, only.DaysApart);
    }

    [Fact]
    public void A_loosely_similar_text_counts_only_with_the_same_agency_and_item()
    {
        string[] loose = ["食品", "经营", "许可证", "办理", "缓慢", "窗口", "排队", "等候", "告知", "不清"]; // 3 of 10 shared: Dice 0.3
        var ranked = DuplicateRules.Rank(Subject, [Candidate(2, words: loose), Candidate(3, words: loose, agency: Hr)], callerMaySeeConfidentialIdentity: true);
        var only = Assert.Single(ranked);
        Assert.Equal(Id(2), only.Id);
        Assert.Equal(0.3, only.TextSimilarity);
        Assert.Contains(DuplicateReason.SimilarText, only.Reasons);
    }

    [Fact]
    public void A_confidential_complainant_is_matched_but_not_said_to_be_the_same_person_unless_the_caller_is_an_officer_第九条()
    {
        var confidential = Candidate(2, words: Other, confidential: true, sameId: true, agency: Hr, item: "其他");
        var staff = Assert.Single(DuplicateRules.Rank(Subject, [confidential], callerMaySeeConfidentialIdentity: false));
        Assert.Equal([DuplicateReason.ConfidentialComplainantMatch], staff.Reasons);
        var officer = Assert.Single(DuplicateRules.Rank(Subject, [confidential], callerMaySeeConfidentialIdentity: true));
        Assert.Equal([DuplicateReason.SameComplainant], officer.Reasons);
        Assert.Equal(staff.Score, officer.Score);

        var confidentialSubject = Subject with { Confidential = true };
        Assert.Equal([DuplicateReason.ConfidentialComplainantMatch, DuplicateReason.SameAgencyAndServiceItem, DuplicateReason.SimilarText],
            Assert.Single(DuplicateRules.Rank(confidentialSubject, [Candidate(3, samePhone: true)], callerMaySeeConfidentialIdentity: false)).Reasons);
    }

    [Fact]
    public void At_most_ten_are_suggested_nearest_in_time_first_among_equals()
    {
        var candidates = Enumerable.Range(2, 15).Select(n => Candidate(n, days: n % 2 == 0 ? n : -n, sameId: true, words: Other, agency: Hr)).ToList();
        var ranked = DuplicateRules.Rank(Subject, candidates, callerMaySeeConfidentialIdentity: true);
        Assert.Equal(DuplicateRules.MaxSuggestions, ranked.Count);
        Assert.Equal(Enumerable.Range(2, 10).Select(Id), ranked.Select(m => m.Id));
        Assert.True(ranked.Zip(ranked.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Theory]
    [InlineData("营业执照办理", "营业执照办理", true)]
    [InlineData("营业执照办理", " 营业执照 办理 ", true)]
    [InlineData("营业执照", "营业执照办理", true)]
    [InlineData("ＡＢＣ许可", "abc许可", true)]
    [InlineData("办证", "办证大厅", false)]
    [InlineData("不动产登记", "婚姻登记", false)]
    [InlineData("", "", false)]
    public void A_service_item_is_the_same_however_it_was_written_down(string a, string b, bool same) =>
        Assert.Equal(same, DuplicateRules.SameServiceItem(a, b));

    [Fact]
    public void Text_similarity_is_Dices_coefficient_of_the_word_sets()
    {
        var a = new HashSet<string>(["a", "b", "c", "d"]);
        Assert.Equal(1.0, TextSimilarity.Dice(a, ["d", "c", "b", "a", "a"]));
        Assert.Equal(0.5, TextSimilarity.Dice(a, ["a", "b", "x", "y"]));
        Assert.Equal(0.0, TextSimilarity.Dice(a, []));
        Assert.Equal(0.0, TextSimilarity.Dice(new HashSet<string>(), ["a"]));
        Assert.Equal(0.6, TextSimilarity.Dice(a, new HashSet<string>(["a", "b", "c", "z", "y", "x"])), 10);
    }
}
