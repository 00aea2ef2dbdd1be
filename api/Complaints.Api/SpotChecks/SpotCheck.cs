namespace Complaints.Api.SpotChecks;

/// <summary>A management department's 抽查 (第十六条) of concluded cases in its division and below.</summary>
public sealed class SpotCheck
{
    public Guid Id { get; init; }
    public required string RegionCode { get; init; }
    public DateOnly From { get; init; }
    public DateOnly To { get; init; }
    public int SampleSize { get; init; }

    /// <summary>Stored so that the same sample can be drawn again and checked (reproducible).</summary>
    public int Seed { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<Guid> CaseIds { get; init; } = [];
    public List<SpotCheckFinding> Findings { get; init; } = [];
}

public enum SpotCheckVerdict
{
    /// <summary>Handled as the regulation requires.</summary>
    Proper,

    /// <summary>处理不当: may come with a rectification order.</summary>
    Improper,
}

public sealed class SpotCheckFinding
{
    public Guid CaseId { get; init; }
    public SpotCheckVerdict Verdict { get; init; }
    public required string Note { get; init; }
    public required string ReviewedBy { get; init; }
    public DateTimeOffset ReviewedAt { get; init; }
    public bool RectificationOrdered { get; init; }
}
