using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>
/// One running app per test collection, in Development, on its own freshly migrated and
/// seeded PostgreSQL database, with a fake clock tests may move.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public LogCapture Logs { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateAsync("api");
        // Limits are raised for the shared host; RateLimitTests starts its own host with the real ones.
        Host = await StartAsync("Development", ConnectionString, Clock, Logs, new Dictionary<string, string?>
        {
            ["RateLimits:LookupPerMinute"] = "100000",
            ["RateLimits:SubmissionPerMinute"] = "100000",
            ["RateLimits:UploadPerMinute"] = "100000",
            // The committed contract (served by this host) names the public base URL, as production serves it.
            ["Api:PublicBaseUrl"] = "https://complaints.ynzwfw.example",
        });
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public static Task<IAlbaHost> StartAsync(
        string environment,
        string connectionString,
        TimeProvider? clock = null,
        ILoggerProvider? logs = null,
        IDictionary<string, string?>? settings = null) =>
        AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("ConnectionStrings:Complaints", connectionString);
            // The service runs without EF Core's concurrent-use check; the tests keep it, so that a context shared by two flows fails here.
            builder.UseSetting("Database:ThreadSafetyChecks", "true");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                // Every response of a contract operation is validated against openapi/v1.json (issue #10).
                services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ContractCheckStartupFilter>();
                if (clock is not null)
                {
                    services.AddSingleton(clock);
                }

                if (logs is not null)
                {
                    services.AddSingleton(logs);
                }
            });
        });
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}
