using System.Net.Http.Json;
using System.Text.Json;
using Alba;

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

    public static void WithToken(this Scenario scenario, string token) =>
        scenario.WithRequestHeader("Authorization", $"Bearer {token}");
}
