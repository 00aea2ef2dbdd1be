using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Cases;

[Collection(ApiCollection.Name)]
public sealed class CaseConcurrencyAndPrivacyTests(AppFixture app)
{
    [Fact]
    public async Task A_stale_If_Match_is_refused_with_412_and_a_current_one_accepted()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        var client = await flow.As("management_staff");
        var read = await client.GetAsync($"/api/v1/cases/{id}");
        var etag = read.Headers.ETag!.Tag;

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/referral") { Content = JsonContent.Create(new { agencyId = WuhuaMarket }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"v999\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);

        using var current = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{id}/referral") { Content = JsonContent.Create(new { agencyId = WuhuaMarket }) };
        current.Headers.TryAddWithoutValidation("If-Match", etag);
        var ok = await client.SendAsync(current);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEqual(etag, ok.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Two_concurrent_conflicting_actions_never_both_succeed()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = WuhuaMarket });
        var staff = await flow.As("agency_staff");
        var officer = await flow.As("agency_officer");
        for (var round = 0; round < 3; round++)
        {
            var caseId = round == 0 ? id : await flow.SubmitOnlineAsync();
            if (round > 0)
            {
                await flow.ActAsync("management_staff", caseId, "referral", new { agencyId = WuhuaMarket });
            }

            var responses = await Task.WhenAll(
                staff.PostAsJsonAsync($"/api/v1/cases/{caseId}/acceptance", new { decision = "accept", classification = "offsite" }),
                officer.PostAsJsonAsync($"/api/v1/cases/{caseId}/acceptance", new { decision = "not_accept", reason = "other_legal_channel" }),
                staff.PostAsJsonAsync($"/api/v1/cases/{caseId}/acceptance", new { decision = "accept", classification = "onsite" }));
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        }
    }

    [Fact]
    public async Task Staff_see_the_complainant_masked_and_officers_in_full_with_an_audited_read_第九条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        var citizen = Personas.Find("citizen")!;

        var staffView = (await flow.GetAsync("agency_staff", id)).GetProperty("complainant");
        Assert.Equal("530102********123X", staffView.GetProperty("idNumber").GetString());
        Assert.Equal("138****5678", staffView.GetProperty("phone").GetString());
        Assert.True(staffView.GetProperty("masked").GetBoolean());

        var officerView = (await flow.GetAsync("agency_officer", id)).GetProperty("complainant");
        Assert.Equal(citizen.IdNumber, officerView.GetProperty("idNumber").GetString());

        var full = JsonDocument.Parse(await (await flow.As("management_officer")).GetStringAsync($"/api/v1/cases/{id}/complainant")).RootElement;
        Assert.Equal(citizen.Phone, full.GetProperty("phone").GetString());

        var audit = JsonDocument.Parse(await (await flow.As("management_officer")).GetStringAsync($"/api/v1/cases/{id}/audit")).RootElement;
        var reads = audit.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "personal_data.read").ToList();
        Assert.Contains(reads, e => e.GetProperty("actorUserId").GetString() == "agency-officer-qian-min");
        Assert.Contains(reads, e => e.GetProperty("actorUserId").GetString() == "management-officer-wu-jing");
    }

    [Fact]
    public async Task A_confidential_complaint_hides_the_complainant_from_everyone_but_officers_第九条()
    {
        var flow = new CaseFlow(app.Host);
        var body = Online();
        body["confidential"] = true;
        var id = (await (await flow.As("citizen")).SubmitAsync(body)).GetProperty("id").GetGuid();

        var staffView = await flow.GetAsync("management_staff", id);
        Assert.False(staffView.TryGetProperty("complainant", out _));
        Assert.DoesNotContain("李明", staffView.ToString(), StringComparison.Ordinal);

        var officerView = (await flow.GetAsync("management_officer", id)).GetProperty("complainant");
        Assert.True(officerView.GetProperty("masked").GetBoolean());
        Assert.Equal("李明", officerView.GetProperty("name").GetString());

        // Non-officers may not act on it either (rules.md: only named officers act on confidential complaints).
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = WuhuaMarket }, HttpStatusCode.Forbidden);
        await flow.ActAsync("management_officer", id, "referral", new { agencyId = WuhuaMarket });
    }

    [Fact]
    public async Task The_audit_trail_verifies_for_the_administrator()
    {
        var admin = await app.Host.ClientAsync("admin");
        var result = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/admin/audit/verification")).RootElement;
        Assert.True(result.GetProperty("intact").GetBoolean());
        Assert.True(result.GetProperty("entries").GetInt64() > 0);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.Host.ClientAsync("management_staff")).GetAsync("/api/v1/admin/audit/verification")).StatusCode);
    }
}
