using Alba;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

/// <summary>The app as production runs it: an external identity platform, no dev endpoints, and (here) its database down.</summary>
internal static class ProductionHost
{
    public static Task<IAlbaHost> StartAsync() =>
        AppFixture.StartAsync("Production", TestDatabase.Unreachable, settings: new Dictionary<string, string?>
        {
            ["Auth:Authority"] = "https://id.example.invalid",
            ["Auth:Issuer"] = "https://id.example.invalid",
        });
}
