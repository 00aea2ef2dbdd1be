using System.Net;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Documents;

[Collection(ApiCollection.Name)]
public sealed class DocumentFontTests(AppFixture app)
{
    [Fact]
    public async Task Without_its_font_the_PDF_is_a_503_and_the_other_formats_still_work()
    {
        var complaint = await new DocumentCases(app).SubmitAsync();
        await using var host = await AppFixture.StartAsync("Development", app.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Documents:FontPath"] = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.ttc"),
        });
        var client = await host.ClientAsync("management_staff");
        var url = $"/api/v1/cases/{complaint.Id}/documents/registration-form";

        using var pdf = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", "application/pdf" } } };
        await DocumentCases.ProblemAsync(await client.SendAsync(pdf), HttpStatusCode.ServiceUnavailable, "document.font_unavailable");

        using var html = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", "text/html" } } };
        var page = await client.SendAsync(html);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(complaint.TrackingNumber, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
