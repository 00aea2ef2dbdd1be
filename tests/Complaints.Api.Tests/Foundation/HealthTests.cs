using Alba;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

[Collection(ApiCollection.Name)]
public sealed class HealthTests(AppFixture app)
{
    [Fact]
    public async Task Liveness_answers_without_the_database()
    {
        await app.Host.Scenario(s => { s.Get.Url("/healthz/live"); s.StatusCodeShouldBeOk(); });
    }

    [Fact]
    public async Task Readiness_answers_200_when_the_database_is_reachable()
    {
        await app.Host.Scenario(s => { s.Get.Url("/healthz/ready"); s.StatusCodeShouldBeOk(); });
    }

    [Fact]
    public async Task Readiness_answers_503_when_the_database_is_unreachable()
    {
        await using var host = await AppFixture.StartAsync("Development", TestDatabase.Unreachable, settings: new Dictionary<string, string?>
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Database:SeedDemoData"] = "false",
        });
        await host.Scenario(s => { s.Get.Url("/healthz/ready"); s.StatusCodeShouldBe(503); });
        await host.Scenario(s => { s.Get.Url("/healthz/live"); s.StatusCodeShouldBeOk(); });
    }

    [Fact]
    public async Task Readiness_names_the_evidence_store_and_redis_healthy_when_they_answer()
    {
        var settings = TestServices.S3Settings(await TestServices.NewBucketAsync());
        settings["RateLimits:Redis"] = TestServices.Redis;
        settings["Database:MigrateOnStartup"] = "false";
        settings["Database:SeedDemoData"] = "false";
        await using var host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("readyall"), settings: settings);
        var ready = await ReadinessAsync(host, 200);
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal("healthy", ready.GetProperty("dependencies").GetProperty("storage").GetString());
        Assert.Equal("healthy", ready.GetProperty("dependencies").GetProperty("redis").GetString());
    }

    [Fact]
    public async Task Readiness_reports_an_unreachable_store_and_redis_as_degraded_and_stays_ready()
    {
        var settings = TestServices.S3Settings(await TestServices.NewBucketAsync());
        settings["Evidence:S3:ServiceUrl"] = "http://127.0.0.1:1";
        settings["Evidence:S3:Timeout"] = "00:00:01";
        settings["RateLimits:Redis"] = "127.0.0.1:1,connectTimeout=200";
        settings["Database:MigrateOnStartup"] = "false";
        settings["Database:SeedDemoData"] = "false";
        await using var host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("readydegraded"), settings: settings);
        // Degraded, not unhealthy: lookups and casework go on (evidence answers 503, budgets are counted per replica).
        var ready = await ReadinessAsync(host, 200);
        Assert.Equal("degraded", ready.GetProperty("status").GetString());
        Assert.Equal("healthy", ready.GetProperty("dependencies").GetProperty("database").GetString());
        Assert.Equal("degraded", ready.GetProperty("dependencies").GetProperty("storage").GetString());
        Assert.Equal("degraded", ready.GetProperty("dependencies").GetProperty("redis").GetString());
    }

    private static async Task<System.Text.Json.JsonElement> ReadinessAsync(IAlbaHost host, int status)
    {
        var result = await host.Scenario(s => { s.Get.Url("/healthz/ready"); s.StatusCodeShouldBe(status); });
        var text = await result.ReadAsTextAsync();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        return System.Text.Json.JsonDocument.Parse(text).RootElement;
    }
}
