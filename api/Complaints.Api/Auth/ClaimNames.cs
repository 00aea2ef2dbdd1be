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
}
