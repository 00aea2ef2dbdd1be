using Alba;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

[Collection(ApiCollection.Name)]
public sealed class ProblemDetailsTests(AppFixture app)
{
    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/v1/no-such-thing"); s.StatusCodeShouldBe(404); });
        await result.ShouldBeProblemAsync("resource.not_found");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_the_field()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text("{\"persona\": 42}").ToUrl("/api/dev/tokens");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        var problem = await result.ShouldBeProblemAsync("request.malformed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("persona", out _));
    }

    [Fact]
    public async Task Truncated_json_is_a_400_problem()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text("{\"persona\": ").ToUrl("/api/dev/tokens");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        await result.ShouldBeProblemAsync("request.malformed");
    }

    [Fact]
    public async Task An_unsupported_media_type_is_a_415_problem()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Text("persona=citizen").ToUrl("/api/dev/tokens");
            s.WithRequestHeader("Content-Type", "text/plain");
            s.StatusCodeShouldBe(415);
        });
        await result.ShouldBeProblemAsync("request.unsupported_media_type");
    }

    [Fact]
    public async Task A_malformed_query_value_is_a_400_problem_naming_the_parameter()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/v1/regions?parent=abc"); s.StatusCodeShouldBe(400); });
        var problem = await result.ShouldBeProblemAsync("request.validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("parent", out _));
    }

    [Fact]
    public async Task An_unreachable_database_outside_development_is_a_503_with_Retry_After_without_exception_text()
    {
        await using var host = await ProductionHost.StartAsync();
        var result = await host.Scenario(s => { s.Get.Url("/api/v1/regions"); s.StatusCodeShouldBe(503); s.Header("Retry-After").ShouldHaveOneNonNullValue(); });
        var problem = await result.ShouldBeProblemAsync("server.unavailable");
        var text = problem.ToString();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
