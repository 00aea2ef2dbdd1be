namespace Complaints.Domain.Cases;

/// <summary>被投诉人 (第三条、第七条第(二)项): the agency, and optionally the staff member or window.</summary>
public sealed record Respondent(Guid AgencyId, string? StaffName = null, string? WindowNumber = null);
