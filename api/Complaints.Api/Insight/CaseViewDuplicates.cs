using Complaints.Api.Insight;

namespace Complaints.Api.Cases;

/// <summary>The case view carries its duplicate suggestions (第十三条, #18); filled by GET /cases/{id} only, absent from action responses.</summary>
public sealed partial record CaseView
{
    public IReadOnlyList<DuplicateSuggestionView>? DuplicateSuggestions { get; init; }
}
