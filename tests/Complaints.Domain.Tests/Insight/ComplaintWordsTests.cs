using Complaints.Domain.Insight;

namespace Complaints.Domain.Tests.Insight;

/// <summary>What of a complaint's text is indexed and analysed, and what never is (第九条).</summary>
public class ComplaintWordsTests
{
    [Theory]
    [InlineData("我的电话13812345678,请回电", "13812345678")]
    [InlineData("身份证号53010219880119123X已提供", "53010219880119123X")]
    [InlineData("电话 138 1234 5678 或 0871-6543210", "5678")]
    [InlineData("邮箱 li.ming@example.com 收件", "example")]
    public void Personal_numbers_and_addresses_are_blanked_before_segmenting_第九条(string text, string gone)
    {
        var redacted = ComplaintWords.Redact(text, []);
        Assert.DoesNotContain(gone, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void The_names_of_the_people_involved_are_blanked_but_short_numbers_and_dates_stay_第九条()
    {
        var redacted = ComplaintWords.Redact("李明于2026年3月5日在A12窗口找张伟办理,张伟拒绝", ["李明", "张伟", null, " ", "王"]);
        Assert.DoesNotContain("李明", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("张伟", redacted, StringComparison.Ordinal);
        Assert.Contains("2026年3月5日", redacted, StringComparison.Ordinal);
        Assert.Contains("A12", redacted, StringComparison.Ordinal);
        Assert.Equal("", ComplaintWords.Redact(null, []));
        Assert.Equal("", ComplaintWords.Redact("", ["李明"]));
    }

    [Fact]
    public void Topic_words_have_a_letter_two_characters_and_are_not_stop_words()
    {
        string[] words = ["窗口", "的", "工作人员", "慢", "2026", "投诉", "ＡＰＰ", "系统故障", "了", "—"];
        Assert.Equal(["窗口", "工作人员", "app", "系统故障"], ComplaintWords.TopicWords(words));
    }

    [Fact]
    public void Search_words_keep_single_characters_and_numbers_but_not_stop_words_or_punctuation()
    {
        string[] words = ["窗口", "的", "慢", "12345", "热线", "，", "了"];
        Assert.Equal(["窗口", "慢", "12345", "热线"], ComplaintWords.SearchWords(words));
        Assert.True(ComplaintWords.IsStopWord("投诉"));
        Assert.False(ComplaintWords.IsSearchWord(""));
    }
}
