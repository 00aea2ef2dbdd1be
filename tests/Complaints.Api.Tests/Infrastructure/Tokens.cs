using System.Net.Http.Json;
using System.Text.Json;
using System.Net.Http.Headers;
using System.Text;
using Alba;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Complaints.Api.Tests.Infrastructure;

public static class Tokens
{
    /// <summary>A development token for a seeded persona, from POST /api/dev/tokens.</summary>
    public static async Task<string> ForAsync(this IAlbaHost host, string persona)
    {
        var client = host.Server.CreateClient();
        var response = await client.PostAsJsonAsync("/api/dev/tokens", new { persona });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>A token for someone who is not a seeded persona, signed like a development token.</summary>
    public static HttpClient ClientWithClaims(this IAlbaHost host, Dictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "complaints-dev",
            Audience = "complaints-api",
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes("development-only-signing-key-not-for-production-use-0123456789")), SecurityAlgorithms.HmacSha256),
        });
        var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static void WithToken(this Scenario scenario, string token) =>
        scenario.WithRequestHeader("Authorization", $"Bearer {token}");
}
