using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Complaints;
using Complaints.Api.Tests.Infrastructure;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Evidence;

[Collection(ApiCollection.Name)]
public sealed class AttachedEvidenceTests(AppFixture app)
{
    [Fact]
    public async Task Evidence_attached_to_a_case_is_served_to_staff_who_see_the_case_and_to_nobody_else()
    {
        var citizen = await app.Host.ClientAsync("citizen");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(EvidenceSamples.Jpeg(640, 480));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "photo.jpg");
        var upload = await citizen.PostAsync("/api/v1/evidence", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var evidenceId = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var body = Online();
        body["evidenceIds"] = new[] { evidenceId };
        await citizen.SubmitAsync(body);

        Assert.Equal(HttpStatusCode.OK, (await (await app.Host.ClientAsync("management_staff")).GetAsync($"/api/v1/evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.Host.ClientAsync("agency_staff")).GetAsync($"/api/v1/evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.Host.ClientAsync("other_agency_staff")).GetAsync($"/api/v1/evidence/{evidenceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.Host.ClientAsync("citizen2")).GetAsync($"/api/v1/evidence/{evidenceId}")).StatusCode);

        // Attached once: a second complaint cannot take the same file.
        var again = await citizen.PostAsJsonAsync("/api/v1/complaints", body);
        await SubmissionTests.AssertProblemAsync(again, HttpStatusCode.BadRequest, "request.validation_failed", "evidenceIds");
    }
}
