namespace Complaints.Api.Auth;

/// <summary>JWT claim names of api.md; inbound claim mapping is off, so these are read as sent.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string AgencyId = "agency_id";
    public const string RegionCode = "region_code";
    public const string Name = "name";
    public const string IdType = "id_type";
    public const string IdNumber = "id_number";
    public const string Phone = "phone";

    /// <summary>
    /// On a service account's token (<c>agency_system</c> / <c>management_system</c>): the <c>sub</c> of the named complaint
    /// officer (第四条) on whose behalf the system acts. Kept only when that person is an active officer of the same body.
    /// </summary>
    public const string OfficerSubject = "officer_sub";
}
