using System.Text.Json;
using Alba;

namespace Complaints.Api.Tests.Infrastructure;

public static class Problems
{
    /// <summary>Asserts an RFC 9457 body with the given code and a traceId; returns it for further checks.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this IScenarioResult result, string code)
    {
        Assert.Equal("application/problem+json", result.Context.Response.ContentType?.Split(';')[0]);
        var body = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
        Assert.Equal(result.Context.Response.StatusCode, body.GetProperty("status").GetInt32());
        return body;
    }
}
