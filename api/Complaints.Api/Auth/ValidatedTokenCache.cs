using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Complaints.Api.Auth;

/// <summary>
/// Remembers, for a few minutes, the principal of a bearer token that passed full validation, so the same
/// token on the next requests is not parsed, verified and turned into claims again (a client sends one
/// token many times; validation was ~9 % of the service's CPU on a queue page). An entry is served only
/// until the earlier of the token's own expiry and <see cref="Lifetime"/> after it was validated, so a
/// token is never accepted past its <c>exp</c>, and a change of signing keys takes effect within that time.
/// </summary>
public sealed class ValidatedTokenCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string token, out ClaimsPrincipal principal)
    {
        if (_entries.TryGetValue(token, out var entry) && clock.GetUtcNow() < entry.Until)
        {
            principal = entry.Principal;
            return true;
        }

        principal = null!;
        return false;
    }

    public void Remember(string token, ClaimsPrincipal principal, DateTimeOffset expires)
    {
        if (_entries.Count >= MaxEntries)
        {
            // Crude but bounded: a full cache starts over (tokens are revalidated once each).
            _entries.Clear();
        }

        var now = clock.GetUtcNow();
        var until = expires < now + Lifetime ? expires : now + Lifetime;
        if (until > now)
        {
            _entries[token] = (principal, until);
        }
    }

    /// <summary>JwtBearer events that consult the cache before validation and fill it after.</summary>
    public static JwtBearerEvents Events() => new()
    {
        OnMessageReceived = context =>
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && context.HttpContext.RequestServices.GetRequiredService<ValidatedTokenCache>().TryGet(header[7..].Trim(), out var principal))
            {
                context.Principal = principal;
                context.Success();
            }

            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            if (context.SecurityToken is JsonWebToken token && context.Principal is { } principal)
            {
                context.HttpContext.RequestServices.GetRequiredService<ValidatedTokenCache>()
                    .Remember(token.EncodedToken, principal, new DateTimeOffset(token.ValidTo, TimeSpan.Zero));
            }

            return Task.CompletedTask;
        },
    };
}
