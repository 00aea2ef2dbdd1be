using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Complaints.Domain.Insight;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Insight;

/// <summary>
/// A case's text, segmented when it is written (submission, conclusion) into two stored columns, never shown:
/// <list type="bullet">
/// <item><c>insight_words</c>: the topic words of the request and facts, in order, space-joined: what duplicate
/// suggestions compare and the content analysis counts;</item>
/// <item><c>search_terms</c>: the search words (with the words inside long words) of the service item, request,
/// facts and result, space-joined; PostgreSQL indexes <c>to_tsvector('simple', search_terms)</c> (a GIN index on
/// the stored <c>search_vector</c> column) for <c>GET /cases?q=</c>.</item>
/// </list>
/// Personal data is blanked out before segmenting (<see cref="ComplaintWords.Redact"/>): the complainant's and the
/// named staff member's names, ID, phone and other long numbers, e-mail addresses. The complainant's identity,
/// address and evidence are never part of it.
/// </summary>
public static class CaseText
{
    public const string InsightWords = "InsightWords";
    public const string SearchTerms = "SearchTerms";

    /// <summary>Sets both columns when the case is new or its result changed; otherwise leaves them (segmenting is ~0.5 ms).</summary>
    public static void Refresh(ComplaintsDbContext db, Complaint complaint)
    {
        var entry = db.Entry(complaint);
        var words = entry.Property<string?>(InsightWords);
        if (entry.State != EntityState.Added && words.CurrentValue is not null && !entry.Property(c => c.Result).IsModified)
        {
            return;
        }

        var (insight, search) = Segment(complaint.Complainant.Name, complaint.Respondent.StaffName, complaint.ServiceItem.Name, complaint.Request, complaint.Facts, complaint.Result);
        words.CurrentValue = insight;
        entry.Property<string?>(SearchTerms).CurrentValue = search;
    }

    /// <summary>The two column values for a case's texts (also used by the benchmark's seeder and the backfill).</summary>
    public static (string Insight, string Search) Segment(string? complainantName, string? staffName, string? serviceItem, string? request, string? facts, string? result)
    {
        string?[] names = [complainantName, staffName];
        var requestText = ComplaintWords.Redact(request, names);
        var factsText = ComplaintWords.Redact(facts, names);
        // The request and the facts are cut once for both columns: segmenting is most of this method's cost.
        var (requestWords, factsWords) = (ChineseSegmenter.Words(requestText), ChineseSegmenter.Words(factsText));
        var insight = ComplaintWords.TopicWords(requestWords.Concat(factsWords));
        var search = ChineseSegmenter.SearchWords(ComplaintWords.Redact(serviceItem, names))
            .Concat(ChineseSegmenter.SearchWords(requestWords))
            .Concat(ChineseSegmenter.SearchWords(factsWords))
            .Concat(ChineseSegmenter.SearchWords(ComplaintWords.Redact(result, names)));
        return (string.Join(' ', insight), string.Join(' ', search));
    }

    /// <summary>The stored topic words back as a list.</summary>
    public static IReadOnlyList<string> WordsOf(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
