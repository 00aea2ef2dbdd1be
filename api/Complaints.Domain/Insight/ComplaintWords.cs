using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Complaints.Domain.Insight;

/// <summary>
/// Which segmented words of a complaint's text count, and what is removed before the text is segmented and
/// stored for search and analysis: numbers long enough to be an ID, phone, bank or licence-plate number, e-mail
/// addresses, and the names of the people involved (第九条: personal data is never searchable). The segmentation
/// itself (jieba) is the API project's; these rules are pure.
/// </summary>
public static partial class ComplaintWords
{
    /// <summary>
    /// Function words, pronouns and the boilerplate every complaint carries ("投诉", "反映", "要求"): they say nothing
    /// about what the complaint is about. Words frequent only in this corpus (窗口, 工作人员) are left to TF-IDF.
    /// </summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "的", "了", "是", "在", "我", "我们", "你", "你们", "他", "她", "他们", "它", "其", "和", "与", "及", "并", "或", "但", "而", "也",
        "又", "都", "就", "还", "被", "把", "让", "给", "对", "向", "从", "到", "于", "为", "以", "等", "这", "那", "这个", "那个", "这些",
        "那些", "一个", "一些", "有", "无", "没", "没有", "不", "未", "已", "已经", "仍", "仍然", "再", "很", "非常", "多", "次", "后",
        "前", "时", "时候", "中", "上", "下", "里", "称", "说", "要", "请", "进行", "相关", "有关", "情况", "问题", "投诉", "反映", "要求",
        "本人", "自己", "因为", "所以", "如果", "但是", "然而", "而且", "并且", "以及", "之后", "之前", "当时", "目前", "现在", "一直",
        "还是", "只是", "就是", "可以", "能够", "需要", "应该", "应当", "是否", "怎么", "什么", "为什么", "如何", "哪里", "一下", "一次",
        "着", "过", "吗", "呢", "吧", "啊", "呀", "哦", "嗯", "之", "所", "得", "地", "个", "些", "该", "此", "即", "则", "且", "若",
        "您", "各", "每", "某", "其他", "其它", "另", "另外", "以上", "以下", "这样", "那样", "如此", "予以", "作出", "做出",
    };

    /// <summary>A word that says what a complaint is about: has a letter, is not a stop word, and is not a lone character.</summary>
    public static bool IsTopicWord(string word) =>
        word.Length >= 2 && HasLetter(word) && !IsStopWord(word);

    /// <summary>A word worth indexing for search: any word with a letter or digit that is not a stop word.</summary>
    public static bool IsSearchWord(string word) =>
        word.Length > 0 && !IsStopWord(word) && word.Any(char.IsLetterOrDigit);

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>The topic words of a segmented text, in order (adjacent pairs of them are its phrases).</summary>
    public static IReadOnlyList<string> TopicWords(IEnumerable<string> words) =>
        words.Select(Normalize).Where(IsTopicWord).ToArray();

    /// <summary>The search words of a segmented text, in order.</summary>
    public static IReadOnlyList<string> SearchWords(IEnumerable<string> words) =>
        words.Select(Normalize).Where(IsSearchWord).ToArray();

    /// <summary>Full-width forms folded to ASCII, Latin lower-cased, surrounding space removed.</summary>
    public static string Normalize(string word) =>
        word.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant();

    /// <summary>
    /// The text with personal data blanked out before it is segmented: runs of six or more digits (with an ID
    /// number's final X; phone numbers written with spaces or dashes), e-mail addresses, and each given name
    /// (the complainant's, a named staff member's) wherever it occurs.
    /// </summary>
    public static string Redact(string? text, IEnumerable<string?> names)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var redacted = Email().Replace(text.Normalize(NormalizationForm.FormKC), " ");
        redacted = LongNumber().Replace(redacted, " ");
        foreach (var name in names)
        {
            if (name?.Trim() is { Length: >= 2 } n)
            {
                redacted = redacted.Replace(n, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return redacted;
    }

    private static bool HasLetter(string word) =>
        word.Any(c => char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.ModifierLetter);

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\d(?:[\s-]?\d){5,}[xX]?", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();
}
