using System.Security.Claims;
using Complaints.Domain.Cases;

namespace Complaints.Api.Auth;

/// <summary>The authenticated caller as the token describes them, and as the domain sees them.</summary>
/// <remarks>
/// A service account (<c>agency_system</c>, <c>management_system</c>) has the remit of its body's staff; it is an officer
/// only when its token names one (<see cref="OfficerSubject"/>, checked against the directory by ServiceAccountClaims).
/// </remarks>
public sealed record Caller(string Subject, string Role, Guid? AgencyId, string? RegionCode, string? OfficerSubject = null)
{
    public bool IsComplainant => Role is Roles.Citizen or Roles.Enterprise;

    public bool IsSystem => Role is Roles.AgencySystem or Roles.ManagementSystem;

    public bool IsOfficer => Role is Roles.AgencyOfficer or Roles.ManagementOfficer || (IsSystem && OfficerSubject is not null);

    public bool IsAgency => Role is Roles.AgencyStaff or Roles.AgencyOfficer or Roles.AgencySystem;

    public bool IsManagement => Role is Roles.ManagementStaff or Roles.ManagementOfficer or Roles.ManagementSystem;

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimNames.Subject) ?? throw new InvalidOperationException("An authenticated token carries sub."),
        user.FindFirstValue(ClaimNames.Role) ?? "",
        Guid.TryParse(user.FindFirstValue(ClaimNames.AgencyId), out var agency) ? agency : null,
        user.FindFirstValue(ClaimNames.RegionCode),
        user.FindFirstValue(ClaimNames.OfficerSubject));

    public Actor ToActor() => Role switch
    {
        Roles.Citizen or Roles.Enterprise => Actor.ForComplainant(Subject),
        Roles.AgencyStaff or Roles.AgencyOfficer or Roles.AgencySystem when AgencyId is { } agency => Actor.ForAgency(Subject, agency, IsOfficer),
        Roles.ManagementStaff or Roles.ManagementOfficer or Roles.ManagementSystem when RegionCode is { } region => Actor.ForManagement(Subject, region, IsOfficer),
        Roles.HotlineOperator when RegionCode is { } region => Actor.ForHotline(Subject, region),
        Roles.Admin => new Actor(Subject, ActorRole.Admin),
        _ => throw new InvalidOperationException($"Role {Role} lacks the claims its remit needs."),
    };
}
