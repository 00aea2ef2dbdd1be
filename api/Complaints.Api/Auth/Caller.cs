using System.Security.Claims;
using Complaints.Domain.Cases;

namespace Complaints.Api.Auth;

/// <summary>The authenticated caller as the token describes them, and as the domain sees them.</summary>
public sealed record Caller(string Subject, string Role, Guid? AgencyId, string? RegionCode)
{
    public bool IsComplainant => Role is Roles.Citizen or Roles.Enterprise;

    public bool IsOfficer => Role is Roles.AgencyOfficer or Roles.ManagementOfficer;

    public bool IsAgency => Role is Roles.AgencyStaff or Roles.AgencyOfficer;

    public bool IsManagement => Role is Roles.ManagementStaff or Roles.ManagementOfficer;

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimNames.Subject) ?? throw new InvalidOperationException("An authenticated token carries sub."),
        user.FindFirstValue(ClaimNames.Role) ?? "",
        Guid.TryParse(user.FindFirstValue(ClaimNames.AgencyId), out var agency) ? agency : null,
        user.FindFirstValue(ClaimNames.RegionCode));

    public Actor ToActor() => Role switch
    {
        Roles.Citizen or Roles.Enterprise => Actor.ForComplainant(Subject),
        Roles.AgencyStaff or Roles.AgencyOfficer when AgencyId is { } agency => Actor.ForAgency(Subject, agency, IsOfficer),
        Roles.ManagementStaff or Roles.ManagementOfficer when RegionCode is { } region => Actor.ForManagement(Subject, region, IsOfficer),
        Roles.HotlineOperator when RegionCode is { } region => Actor.ForHotline(Subject, region),
        Roles.Admin => new Actor(Subject, ActorRole.Admin),
        _ => throw new InvalidOperationException($"Role {Role} lacks the claims its remit needs."),
    };
}
