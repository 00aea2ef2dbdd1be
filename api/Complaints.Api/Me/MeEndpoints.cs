using Complaints.Api.Auth;
using Complaints.Api.Docs;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

namespace Complaints.Api.Me;

public static class MeEndpoints
{
    /// <summary>Who the token says the caller is; no identity numbers or phones (those stay in the token).</summary>
    public sealed record CallerView(string Subject, string Role, string? Name, Guid? AgencyId, string? RegionCode);

    public static RouteGroupBuilder MapMe(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Me").RequireAuthorization(Policies.Authenticated).WithAuthProblems();
        group.MapGet("/", GetCaller).WithName("GetCaller").WithSummary("The caller as the bearer token identifies them.");
        return group;
    }

    private static Ok<CallerView> GetCaller(ClaimsPrincipal user) =>
        TypedResults.Ok(new CallerView(
            user.FindFirstValue(ClaimNames.Subject) ?? "",
            user.FindFirstValue(ClaimNames.Role) ?? "",
            user.FindFirstValue(ClaimNames.Name),
            Guid.TryParse(user.FindFirstValue(ClaimNames.AgencyId), out var agency) ? agency : null,
            user.FindFirstValue(ClaimNames.RegionCode)));
}
