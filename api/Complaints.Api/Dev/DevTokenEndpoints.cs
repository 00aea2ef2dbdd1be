using Complaints.Api.Auth;
using Complaints.Api.Directory;
using Complaints.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Complaints.Api.Dev;

/// <summary>api.md "Development tokens": mapped only in Development, and hidden from the published contract.</summary>
public static class DevTokenEndpoints
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public sealed record TokenRequest(string? Persona);

    public sealed record TokenResponse(string Token, IReadOnlyDictionary<string, object> Claims, DateTimeOffset ExpiresAt);

    public sealed record PersonaView(string Persona, string Role, string Name, Guid? AgencyId, string? RegionCode, bool Officer);

    public static IEndpointRouteBuilder MapDevTokens(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev/tokens").ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/", List);
        group.MapPost("/", Issue);
        return app;
    }

    private static Ok<PersonaView[]> List() =>
        TypedResults.Ok(Personas.All.Select(p => new PersonaView(p.Key, p.Role, p.Name, p.AgencyId, p.RegionCode, p.IsOfficer)).ToArray());

    private static Results<Ok<TokenResponse>, ProblemHttpResult> Issue(TokenRequest request, IOptions<AuthOptions> options)
    {
        if (string.IsNullOrWhiteSpace(request.Persona) || Personas.Find(request.Persona) is not { } persona)
        {
            return ProblemHandling.Validation("persona", $"未知的演示身份。可用:{string.Join(", ", Personas.All.Select(p => p.Key))}");
        }

        // IdentityModel validates lifetimes against the system clock, so tokens are issued from it too.
        var now = TimeProvider.System.GetUtcNow();
        var claims = persona.Claims();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(AuthSetup.DevelopmentKey(options.Value), SecurityAlgorithms.HmacSha256),
        });
        return TypedResults.Ok(new TokenResponse(token, claims, now.Add(Lifetime)));
    }
}
