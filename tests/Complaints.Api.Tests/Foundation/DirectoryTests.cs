using System.Text.Json;
using Alba;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

[Collection(ApiCollection.Name)]
public sealed class DirectoryTests(AppFixture app)
{
    [Fact]
    public async Task The_province_lists_its_16_prefecture_level_divisions()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/v1/regions?parent=530000"); s.StatusCodeShouldBeOk(); });
        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        Assert.Equal(16, body.RootElement.GetArrayLength());
        Assert.Equal("prefecture", body.RootElement[0].GetProperty("level").GetString());
    }

    [Fact]
    public async Task Agencies_of_a_prefecture_include_those_of_its_counties()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/v1/agencies?regionCode=530100&limit=200"); s.StatusCodeShouldBeOk(); });
        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        var regions = body.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("regionCode").GetString()).ToList();
        Assert.Contains("530100", regions);
        Assert.Contains("530102", regions);
        Assert.All(regions, r => Assert.StartsWith("5301", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agencies_page_with_a_cursor_without_repeats()
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var url = "/api/v1/agencies?limit=5" + (cursor is null ? "" : $"&cursor={cursor}");
            var result = await app.Host.Scenario(s => { s.Get.Url(url); s.StatusCodeShouldBeOk(); });
            using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
            seen.AddRange(body.RootElement.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
            cursor = body.RootElement.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        Assert.True(seen.Count >= 20);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Agencies_are_found_by_part_of_their_name()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/v1/agencies?q=" + Uri.EscapeDataString("市场监督")); s.StatusCodeShouldBeOk(); });
        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        Assert.All(body.RootElement.GetProperty("items").EnumerateArray(), a => Assert.Contains("市场监督", a.GetProperty("name").GetString(), StringComparison.Ordinal));
    }
}
