using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Complaints;

[Collection(ApiCollection.Name)]
public sealed class LookupAndOwnershipTests(AppFixture app)
{
    [Fact]
    public async Task The_public_status_is_found_by_tracking_number_and_query_code_without_personal_data()
    {
        var created = await (await app.Host.ClientAsync("citizen")).SubmitAsync(Online());
        var anonymous = app.Host.Server.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/v1/complaints/lookup", new
        {
            trackingNumber = created.GetProperty("trackingNumber").GetString(),
            queryCode = created.GetProperty("queryCode").GetString()!.ToLowerInvariant(),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = JsonDocument.Parse(text).RootElement;
        Assert.Equal("pending_referral", status.GetProperty("status").GetString());
        Assert.Equal("received", status.GetProperty("timeline")[0].GetProperty("event").GetString());
        var citizen = Personas.Find("citizen")!;
        foreach (var personal in new[] { citizen.Name, citizen.IdNumber!, citizen.Phone!, "530102********123X", "138****5678", "citizen-li-ming" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_query_code_and_an_unknown_number_answer_alike()
    {
        var created = await (await app.Host.ClientAsync("citizen")).SubmitAsync(Online());
        var anonymous = app.Host.Server.CreateClient();
        var wrongCode = await anonymous.PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = created.GetProperty("trackingNumber").GetString(), queryCode = "ZZZZZZZZ" });
        var unknown = await anonymous.PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = "TS530102-20990101-00001", queryCode = "ZZZZZZZZ" });

        Assert.Equal(HttpStatusCode.NotFound, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var a = JsonDocument.Parse(await wrongCode.Content.ReadAsStringAsync()).RootElement;
        var b = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(a.GetProperty("code").GetString(), b.GetProperty("code").GetString());
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_complainant_lists_and_reads_only_their_own_complaints()
    {
        // Complainants of their own: their lists hold only what this test submitted.
        var remit = await TestRemit.CreateAsync(app.Host);
        var owner = remit.Citizen;
        var mine = await owner.SubmitAsync(Online(remit.AgencyId));
        var id = mine.GetProperty("id").GetGuid();

        var list = JsonDocument.Parse(await owner.GetStringAsync("/api/v1/me/complaints?limit=200")).RootElement;
        Assert.Equal([id], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
        var detail = JsonDocument.Parse(await owner.GetStringAsync($"/api/v1/me/complaints/{id}")).RootElement;
        Assert.Equal(mine.GetProperty("trackingNumber").GetString(), detail.GetProperty("trackingNumber").GetString());

        var other = remit.NewCitizen();
        await other.SubmitAsync(Online(remit.AgencyId));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/me/complaints/{id}")).StatusCode);
        var othersList = await other.GetStringAsync("/api/v1/me/complaints?limit=200");
        Assert.DoesNotContain(id.ToString(), othersList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/complaints/{id}/withdrawal", new { reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task My_complaints_page_with_a_cursor_newest_first()
    {
        var remit = await TestRemit.CreateAsync(app.Host);
        var client = remit.NewCitizen("enterprise");
        var submitted = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            submitted.Add((await client.SubmitAsync(Online(remit.AgencyId, channel: "online_portal"))).GetProperty("id").GetGuid());
        }

        var first = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me/complaints?limit=2")).RootElement;
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/me/complaints?limit=2&cursor={cursor}")).RootElement;
        Assert.False(second.TryGetProperty("nextCursor", out var after) && after.ValueKind == JsonValueKind.String);
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(submitted.Order(), ids.Order());
        var times = first.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("receivedAt").GetDateTimeOffset()).ToList();
        Assert.True(times[0] >= times[1]);
    }

    [Fact]
    public async Task Staff_have_no_my_complaints()
    {
        var staff = await app.Host.ClientAsync("agency_staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/v1/me/complaints")).StatusCode);
    }
}
