using Complaints.Api.Insight;

namespace Complaints.Api.Reports;

/// <summary>A report carries its frozen content analysis (第十六条, #18).</summary>
public sealed partial record ReportView
{
    public ContentAnalysisView? ContentAnalysis { get; init; }
}
