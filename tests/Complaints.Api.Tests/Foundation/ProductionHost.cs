using Alba;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

/// <summary>The app as production runs it: an external identity platform, no dev endpoints, and (here) its database down.</summary>
internal static class ProductionHost
{
    /// <summary>The security configuration production refuses to start without (test keys, not the Development ones).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Auth:Authority"] = "https://id.example.invalid",
        ["Auth:Issuer"] = "https://id.example.invalid",
        ["Privacy:ActiveKeyId"] = "test-1",
        ["Privacy:Keys:test-1"] = "dGVzdC1vbmx5LWFlcy1rZXktZm9yLXByb2R1Y3Rpb24=",
        ["Privacy:BlindIndexKey"] = "dGVzdC1vbmx5LWhtYWMta2V5LWZvci1wcm9kdWN0aW8=",
    };

    public static Task<IAlbaHost> StartAsync() =>
        AppFixture.StartAsync("Production", TestDatabase.Unreachable, settings: new Dictionary<string, string?>(Settings));
}
