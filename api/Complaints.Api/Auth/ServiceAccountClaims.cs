using System.Security.Claims;
using Complaints.Api.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Auth;

/// <summary>
/// A service account's token may name the complaint officer it acts for (<see cref="ClaimNames.OfficerSubject"/>);
/// only then does it see a confidential complainant's identity (第九条). The name is kept only when the directory
/// lists that person as an active named officer (第四条) of the same agency or department, and only on a system
/// role: a staff token cannot promote itself with the claim, nor can a system name another body's officer.
/// </summary>
public sealed class ServiceAccountClaims(ComplaintsDbContext db) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirst(ClaimNames.OfficerSubject) is not { } named)
        {
            return principal;
        }

        var role = principal.FindFirstValue(ClaimNames.Role);
        var agency = Guid.TryParse(principal.FindFirstValue(ClaimNames.AgencyId), out var a) ? a : (Guid?)null;
        var region = principal.FindFirstValue(ClaimNames.RegionCode);
        var officer = named.Value;
        var verified = role switch
        {
            Roles.AgencySystem when agency is { } id => await db.Officers.AsNoTracking().AnyAsync(o => o.UserId == officer && o.Active && o.AgencyId == id),
            Roles.ManagementSystem when region is not null => await db.Officers.AsNoTracking().AnyAsync(o => o.UserId == officer && o.Active && o.RegionCode == region),
            _ => false,
        };
        if (verified)
        {
            return principal;
        }

        // The principal may be the one ValidatedTokenCache shares between requests: change a copy.
        var copy = principal.Clone();
        foreach (var identity in copy.Identities)
        {
            foreach (var claim in identity.FindAll(ClaimNames.OfficerSubject).ToList())
            {
                identity.RemoveClaim(claim);
            }
        }

        return copy;
    }
}
