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
}
