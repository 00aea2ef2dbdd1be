namespace Complaints.Domain.Cases;

/// <summary>
/// Where a complaint first arrived. A management department must refer it (第十条), so the case
/// starts <see cref="ComplaintStatus.PendingReferral"/>; an agency receiving a complaint about itself
/// decides on it directly (第四条、第十一条), so the case starts <see cref="ComplaintStatus.PendingAcceptance"/>.
/// </summary>
public sealed record ReceivingParty
{
    private ReceivingParty(string? managementRegionCode, Guid? agencyId)
    {
        ManagementRegionCode = managementRegionCode;
        AgencyId = agencyId;
    }

    /// <summary>GB/T 2260 code of the receiving management department; null when an agency received it.</summary>
    public string? ManagementRegionCode { get; }

    public Guid? AgencyId { get; }

    public static ReceivingParty ManagementDepartment(string regionCode)
    {
        if (regionCode is not { Length: 6 } || !regionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A region code is six digits (GB/T 2260).", nameof(regionCode));
        }

        return new ReceivingParty(regionCode, null);
    }

    public static ReceivingParty Agency(Guid agencyId)
    {
        if (agencyId == Guid.Empty)
        {
            throw new ArgumentException("An agency id is required.", nameof(agencyId));
        }

        return new ReceivingParty(null, agencyId);
    }
}
