using System.Security.Claims;

namespace Complaints.Api.Auth;

/// <summary>
/// The claims every use of a token relies on (api.md): <c>sub</c>, a known <c>role</c>, <c>agency_id</c> for agency roles,
/// <c>region_code</c> for management roles and hotline operators. A validly signed token without them is refused at
/// authentication (401 with a problem), instead of failing later inside a handler that reads them.
/// </summary>
public static class RequiredClaims
{
    private static readonly HashSet<string> AgencyRoles = [Roles.AgencyStaff, Roles.AgencyOfficer];
    private static readonly HashSet<string> RegionRoles = [Roles.ManagementStaff, Roles.ManagementOfficer, Roles.HotlineOperator];

    /// <summary>The first claim that is missing or malformed, or null when the token carries what its role needs.</summary>
    public static string? FindMissing(ClaimsPrincipal principal)
    {
        if (string.IsNullOrWhiteSpace(principal.FindFirstValue(ClaimNames.Subject)))
        {
            return ClaimNames.Subject;
        }

        var role = principal.FindFirstValue(ClaimNames.Role);
        if (role is null || !Roles.All.Contains(role))
        {
            return ClaimNames.Role;
        }

        if (AgencyRoles.Contains(role) && !Guid.TryParse(principal.FindFirstValue(ClaimNames.AgencyId), out _))
        {
            return ClaimNames.AgencyId;
        }

        if (RegionRoles.Contains(role) && !IsRegionCode(principal.FindFirstValue(ClaimNames.RegionCode)))
        {
            return ClaimNames.RegionCode;
        }

        return null;
    }

    private static bool IsRegionCode(string? s) => s is { Length: 6 } && s.All(char.IsAsciiDigit);
}
