using System.Net;
using System.Net.Http.Headers;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Hardening;

/// <summary>
/// Issue #14, finding 4 (第九条): a confidential complainant's identity (name, user id, ID number, phone, address, the
/// masked forms, the client address) reaches no one but the named complaint officers, in any read: the case, its
/// audit lines, its documents (JSON, HTML and the text of the PDF), its duplicate suggestions, the queue. Every read
/// endpoint of a case is walked as each staff persona; notices, exports and logs are <see cref="ConfidentialNoticeExportLogTests"/>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ConfidentialReadTests(AppFixture app)
{
    private static readonly string[] NonOfficers = ["agency_staff", "other_agency_staff", "management_staff", "province_management", "hotline_operator", "admin"];

    private static readonly string[] Reads =
    [
        "/api/v1/cases/{id}", "/api/v1/cases/{id}/complainant", "/api/v1/cases/{id}/audit",
        "/api/v1/cases/{id}/documents/referral-form", "/api/v1/cases/{id}/documents/acceptance-notice", "/api/v1/cases/{id}/documents/registration-form",
        "/api/v1/cases/{id}/duplicates", "/api/v1/cases?limit=200",
    ];

    [Fact]
    public async Task No_read_shows_a_confidential_complainants_identity_to_anyone_but_the_named_officers()
    {
        var flow = new CaseFlow(app.Host);
        var body = Online();
        body["confidential"] = true;
        var id = (await (await flow.As("citizen")).SubmitAsync(body)).GetProperty("id").GetGuid();
        await flow.ActAsync("management_officer", id, "referral", new { agencyId = flow.Agency, note = "请依法处理" });
        await flow.ActAsync("agency_officer", id, "acceptance", new { decision = "accept", classification = "offsite" });
        // The complainant acts too, so the audit trail holds lines by the complainant.
        var citizen = Personas.Find("citizen")!;
        var identity = new[] { citizen.Name, citizen.Subject, citizen.IdNumber!, citizen.Phone!, "530102********123X", "138****5678" };

        var leaks = new List<string>();
        var pdfs = 0;
        foreach (var persona in NonOfficers)
        {
            var client = await flow.As(persona);
            foreach (var read in Reads)
            {
                foreach (var accept in read.Contains("/documents/", StringComparison.Ordinal) ? new[] { "application/json", "text/html", "application/pdf" } : ["application/json"])
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, read.Replace("{id}", id.ToString(), StringComparison.Ordinal));
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                    var response = await client.SendAsync(request);
                    var isPdf = response.Content.Headers.ContentType?.MediaType == "application/pdf";
                    pdfs += isPdf ? 1 : 0;
                    var text = isPdf ? Documents.PdfText.Of(await response.Content.ReadAsByteArrayAsync()) : await response.Content.ReadAsStringAsync();
                    Assert.True((int)response.StatusCode < 500, $"{persona} {read}: {(int)response.StatusCode}");
                    leaks.AddRange(identity.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"{persona} {read} ({accept}, {(int)response.StatusCode}) shows «{s}»"));
                }
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.True(pdfs > 0, "no persona was given a PDF: the PDF walk saw nothing");

        // The named officers do see who complained, through the audited endpoint.
        var officer = await (await flow.As("agency_officer")).GetAsync($"/api/v1/cases/{id}/complainant");
        Assert.Equal(HttpStatusCode.OK, officer.StatusCode);
        Assert.Contains(citizen.IdNumber!, await officer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
