using System.Net.Http.Json;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

[Collection(ApiCollection.Name)]
public sealed class LoggingPrivacyTests(AppFixture app)
{
    [Fact]
    public async Task Requests_carrying_personal_data_leave_none_of_it_in_the_logs()
    {
        var citizen = Personas.Find("citizen")!;
        var token = await app.Host.ForAsync("citizen");
        string[] secrets = { citizen.IdNumber!, citizen.Phone!, citizen.Name, token, "13900001234", "530102199001011234" };

        await app.Host.Scenario(s => { s.Get.Url("/api/v1/me?phone=13900001234"); s.WithToken(token); s.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(s =>
        {
            s.Post.Json(new { persona = "530102199001011234", phone = "13900001234", name = citizen.Name }).ToUrl("/api/dev/tokens");
            s.WithToken(token);
            s.StatusCodeShouldBe(400);
        });
        await app.Host.Scenario(s =>
        {
            s.Post.Text("{\"persona\": \"13900001234").ToUrl("/api/dev/tokens");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });

        var operatorClient = await app.Host.ClientAsync("hotline_operator");
        var registration = ComplaintBodies.Registered("phone_12345", ComplaintBodies.Person(idNumber: "530103199205164324", phone: "13987654321"));
        await operatorClient.SubmitAsync(registration);
        var wrong = ComplaintBodies.Registered("phone_12345", ComplaintBodies.Person(idNumber: "530103199205164325", phone: "13987654321"));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await operatorClient.PostAsJsonAsync("/api/v1/complaints", wrong)).StatusCode);
        secrets = [.. secrets, "530103199205164324", "530103199205164325", "13987654321", "王芳"];

        var logs = app.Logs.All;
        Assert.Contains("/api/v1/complaints", logs, StringComparison.Ordinal);
        Assert.Contains("/api/v1/me", logs, StringComparison.Ordinal); // request logging is on
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
