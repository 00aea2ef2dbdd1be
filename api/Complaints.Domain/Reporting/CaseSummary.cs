using Complaints.Domain.Cases;

namespace Complaints.Domain.Reporting;

/// <summary>
/// What the 第十八条 statistics need to know of one case, as storage projects it. Flags describe
/// the case as of the moment the report is computed.
/// </summary>
public sealed record CaseSummary
{
    public required Channel Channel { get; init; }

    public required ComplaintStatus Status { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Received by a management department and referred to an agency (第十条).</summary>
    public bool Referred { get; init; }

    /// <summary>Referred within 2 working days; null when not (yet) referred.</summary>
    public bool? ReferredOnTime { get; init; }

    /// <summary>Accepted or not accepted by a decision (第十一条).</summary>
    public bool Decided { get; init; }

    /// <summary>Decided within the period that was running; null when not (yet) decided.</summary>
    public bool? DecidedOnTime { get; init; }

    /// <summary>Set when the case was not accepted (第八条).</summary>
    public NotAcceptedReason? NotAcceptedReason { get; init; }

    /// <summary>Set on acceptance (第十二条); a classified case counts as accepted.</summary>
    public Classification? Classification { get; init; }

    public bool Concluded { get; init; }

    /// <summary>Concluded within its 第十三条 time limit; null when not concluded.</summary>
    public bool? ConcludedOnTime { get; init; }

    /// <summary>The one extension of 第十三条 was used.</summary>
    public bool Extended { get; init; }

    /// <summary>Open and past its current deadline at the time of the report.</summary>
    public bool OverdueNow { get; init; }

    /// <summary>Merged into another case (第十三条).</summary>
    public bool Merged { get; init; }

    public Finding? Finding { get; init; }

    /// <summary>The complainant's rating on the 好差评 scale (第十六条 revisit), when given.</summary>
    public SatisfactionRating? Satisfaction { get; init; }

    public bool RectificationOrdered { get; init; }

    public bool RectificationCompleted { get; init; }

    /// <summary>重大投诉事项 (第四条).</summary>
    public bool Major { get; init; }

    public required Guid RespondentAgencyId { get; init; }

    public required string RespondentAgencyName { get; init; }

    /// <summary>The 政务服务事项 the complaint concerns; blank when unknown.</summary>
    public required string ServiceItemName { get; init; }
}
