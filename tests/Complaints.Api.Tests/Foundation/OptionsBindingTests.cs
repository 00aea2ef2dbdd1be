using System.Text.RegularExpressions;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

/// <summary>#15 item 6: options are bound one way (Infrastructure/OptionsBinding), validated from their annotations, at start.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class OptionsBindingTests(AppFixture app)
{
    [Fact]
    public async Task A_setting_outside_its_declared_range_stops_the_service_at_start()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, settings: new Dictionary<string, string?>
            {
                ["RateLimits:LookupPerMinute"] = "0",
            });
        });
        Assert.Contains("LookupPerMinute", Messages(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void No_options_class_is_bound_another_way()
    {
        var offenders = System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "api/Complaints.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => OtherWays().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.Empty(offenders);
    }

    // services.Configure<XOptions>(configuration…), configuration….Get<XOptions>(), AddOptions<X>().Bind(…)
    [GeneratedRegex(@"Configure<\w+Options>\(\s*configuration|\.Get<\w+Options>\(|AddOptions<\w+>\(\)\s*\.Bind\(")]
    private static partial Regex OtherWays();

    private static string Messages(Exception e) => e.InnerException is null ? e.Message : e.Message + " " + Messages(e.InnerException);
}
