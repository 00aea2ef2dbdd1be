using System.Text;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Complaints.Api.Tests.Foundation;

[Collection(ApiCollection.Name)]
public sealed class AuthTests(AppFixture app)
{
    private const string DevKey = "development-only-signing-key-not-for-production-use-0123456789";

    [Fact]
    public async Task A_request_without_a_token_is_a_401_problem()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/v1/me"); s.StatusCodeShouldBe(401); });
        await result.ShouldBeProblemAsync("auth.unauthenticated");
    }

    public static TheoryData<string> PersonaKeys => new(Personas.All.Select(p => p.Key));

    [Theory]
    [MemberData(nameof(PersonaKeys))]
    public async Task Every_persona_token_authenticates_with_its_role_and_remit(string persona)
    {
        var expected = Personas.Find(persona)!;
        var token = await app.Host.ForAsync(persona);
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/v1/me"); s.WithToken(token); s.StatusCodeShouldBeOk(); });
        var me = await result.ReadAsJsonAsync<Me.MeEndpoints.CallerView>();
        Assert.Equal(expected.Subject, me!.Subject);
        Assert.Equal(expected.Role, me.Role);
        Assert.Equal(expected.AgencyId, me.AgencyId);
        Assert.Equal(expected.RegionCode, me.RegionCode);
    }

    [Fact]
    public async Task The_persona_list_names_each_persona_with_its_agency_or_region()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/dev/tokens"); s.StatusCodeShouldBeOk(); });
        var text = await result.ReadAsTextAsync();
        foreach (var persona in Personas.All)
        {
            Assert.Contains($"\"persona\":\"{persona.Key}\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_persona_is_a_400_problem_naming_the_field()
    {
        var result = await app.Host.Scenario(s => { s.Post.Json(new { persona = "mayor" }).ToUrl("/api/dev/tokens"); s.StatusCodeShouldBe(400); });
        var problem = await result.ShouldBeProblemAsync("request.validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("persona", out _));
    }

    [Theory]
    [InlineData("wrong-audience", "complaints-dev", 60)]
    [InlineData("complaints-api", "someone-else", 60)]
    [InlineData("complaints-api", "complaints-dev", -10)]
    public async Task A_token_with_the_wrong_audience_issuer_or_lifetime_is_refused(string audience, string issuer, int minutesValid)
    {
        var token = Sign(audience, issuer, minutesValid, SecurityAlgorithms.HmacSha256, DevKey);
        await app.Host.Scenario(s => { s.Get.Url("/api/v1/me"); s.WithToken(token); s.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var token = Sign("complaints-api", "complaints-dev", 60, SecurityAlgorithms.HmacSha256, "another-key-another-key-another-key-another-key-0123");
        await app.Host.Scenario(s => { s.Get.Url("/api/v1/me"); s.WithToken(token); s.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task A_token_with_an_algorithm_outside_the_pinned_list_is_refused()
    {
        var token = Sign("complaints-api", "complaints-dev", 60, SecurityAlgorithms.HmacSha512, DevKey + DevKey);
        await app.Host.Scenario(s => { s.Get.Url("/api/v1/me"); s.WithToken(token); s.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($"{{\"sub\":\"x\",\"role\":\"admin\",\"aud\":\"complaints-api\",\"iss\":\"complaints-dev\",\"exp\":{exp}}}");
        await app.Host.Scenario(s => { s.Get.Url("/api/v1/me"); s.WithToken($"{header}.{payload}."); s.StatusCodeShouldBe(401); });
    }

    [Fact]
    public async Task Development_tokens_do_not_exist_outside_development()
    {
        await using var host = await ProductionHost.StartAsync();
        await host.Scenario(s => { s.Post.Json(new { persona = "citizen" }).ToUrl("/api/dev/tokens"); s.StatusCodeShouldBe(404); });
        await host.Scenario(s => { s.Get.Url("/api/dev/tokens"); s.StatusCodeShouldBe(404); });
    }

    private static string Sign(string audience, string issuer, int minutesValid, string algorithm, string key)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Audience = audience,
            Issuer = issuer,
            Claims = new Dictionary<string, object> { ["sub"] = "intruder", ["role"] = "admin" },
            IssuedAt = now.AddMinutes(Math.Min(0, minutesValid) - 5),
            NotBefore = now.AddMinutes(Math.Min(0, minutesValid) - 5),
            Expires = now.AddMinutes(minutesValid),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
        });
    }
}
