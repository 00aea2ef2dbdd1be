using Alba;
using Complaints.Api.H5;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.H5;

/// <summary>
/// The citizen H5 page's settings and policy. The page itself is driven in Chromium by web/h5/tests
/// (scripts/h5-browser-tests.sh); these check what the API decides without a browser.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class H5PageTests(AppFixture app)
{
    [Fact]
    public async Task The_page_settings_offer_the_persona_picker_in_Development_and_are_not_cached()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/h5-config.json"); s.StatusCodeShouldBeOk(); });
        Assert.Equal("no-cache", result.Context.Response.Headers.CacheControl.ToString());
        var config = await result.ReadAsJsonAsync<H5Setup.H5Config>();
        Assert.True(config!.DevTokens);
        Assert.Null(config.Oidc); // no client id configured here: no OIDC sign-in offered
    }

    [Fact]
    public void The_policy_allows_no_inline_code_and_no_other_host_without_OIDC()
    {
        var policy = H5Setup.ContentSecurityPolicy(new H5Options { OidcAuthority = "https://id.ynzwfw.example" });
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void With_OIDC_sign_in_the_identity_platform_is_the_one_other_host_the_page_may_call()
    {
        var policy = H5Setup.ContentSecurityPolicy(new H5Options { OidcAuthority = "https://id.ynzwfw.example/realms/citizens", OidcClientId = "complaints-h5" });
        Assert.Contains("connect-src 'self' https://id.ynzwfw.example;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
    }

    /// <summary>
    /// 第十三条: both cases of a merge show it in their timeline, each from its own side (the page shows these words);
    /// and 补充材料 (第七条) has a word, not the enum's name.
    /// </summary>
    [Fact]
    public async Task The_timeline_names_a_merge_from_each_side_and_every_event_in_Chinese_第十三条()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/v1/labels"); s.StatusCodeShouldBeOk(); });
        using var body = System.Text.Json.JsonDocument.Parse(await result.ReadAsTextAsync());
        var timeline = body.RootElement.GetProperty("TimelineEventKind");
        Assert.Equal("已并入其他投诉件合并办理", timeline.GetProperty("merged").GetString()); // on the case that joined another
        Assert.Equal("其他投诉件并入本件合并办理", timeline.GetProperty("merged_into").GetString()); // on the case others joined
        Assert.Equal("已补充材料", timeline.GetProperty("materials_added").GetString());
        foreach (var value in timeline.EnumerateObject())
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", value.Value.GetString()!);
        }
    }

    [Fact]
    public async Task Paths_of_the_API_are_not_the_pages()
    {
        await app.Host.Scenario(s => { s.Get.Url("/api/v1/no-such-thing"); s.StatusCodeShouldBe(404); });
    }
}
