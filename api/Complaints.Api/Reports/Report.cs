namespace Complaints.Api.Reports;

/// <summary>A frozen 第十八条 report: its figures never change once submitted.</summary>
public sealed class Report
{
    public Guid Id { get; init; }

    /// <summary><c>2026Q3</c>, <c>2026H1</c> or <c>2026</c>.</summary>
    public required string Period { get; init; }

    /// <summary><c>agency:{id}</c> or <c>region:{code}</c>.</summary>
    public required string Scope { get; init; }
    public Guid? AgencyId { get; init; }
    public string? RegionCode { get; init; }

    /// <summary>The management department it goes to: the agency's own level, or one level up; null for the province (its government).</summary>
    public string? SubmittedToRegionCode { get; init; }
    public DateOnly DueDate { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public required string SubmittedBy { get; init; }
    public bool Late { get; init; }

    /// <summary>The figures as JSON (ComplaintStatistics), frozen at submission.</summary>
    public required string Figures { get; init; }

    /// <summary>For a department: the reports of the level below that were added in.</summary>
    public List<Guid> IncludedReportIds { get; init; } = [];

    /// <summary>For a department: the divisions below that had not reported when this one was submitted.</summary>
    public List<string> MissingRegionCodes { get; init; } = [];
}
