using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Cases;

/// <summary>
/// The agency queue is read from the trigger-kept agency_queue rows (AgencyQueueRow): a case is listed for the
/// agency complained about, the one it was referred to, the lead and every cooperating agency, newest first,
/// each once, as the case stands now; pages cover it without gaps or repeats. Each test lists the queues of a
/// county of its own (<see cref="TestRemit"/>), so other tests' cases never crowd or change them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AgencyQueueTests(AppFixture app)
{
    [Fact]
    public async Task A_cooperating_agency_sees_the_case_in_its_queue_from_coordination_on_and_not_before()
    {
        var (remit, flow) = await RemitAsync();
        var id = await flow.AcceptedAsync("offsite");
        var cooperating = await remit.AddAgencyAsync();
        var hr = remit.StaffOf(cooperating);
        Assert.DoesNotContain(id, await QueueIdsAsync(hr, 200));

        await flow.ActAsync("management_staff", id, "coordination", new { leadAgencyId = remit.AgencyId, cooperatingAgencyIds = new[] { cooperating } });
        var queue = await QueueIdsAsync(hr, 200);
        Assert.Contains(id, queue);
        Assert.Equal(queue.Count, queue.Distinct().Count());

        // The lead (also the respondent here) lists it once, though two branches hold it.
        var lead = await QueueIdsAsync(await flow.As("agency_staff"), 200);
        Assert.Single(lead, x => x == id);
    }

    [Fact]
    public async Task A_case_referred_elsewhere_is_listed_for_the_agency_it_was_referred_to_and_the_respondent()
    {
        var (remit, flow) = await RemitAsync();
        var id = await flow.SubmitOnlineAsync();
        var referredTo = await remit.AddAgencyAsync();
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = referredTo });
        Assert.Contains(id, await QueueIdsAsync(remit.StaffOf(referredTo), 200));
        Assert.Contains(id, await QueueIdsAsync(await flow.As("agency_staff"), 200));
    }

    [Fact]
    public async Task A_queue_item_shows_the_case_as_it_stands_after_every_step()
    {
        var (remit, flow) = await RemitAsync();
        var id = await flow.SubmitOnlineAsync();
        await AssertAgencyItemMatchesCaseAsync(flow, id, "pending_referral");

        await flow.ActAsync("management_staff", id, "referral", new { agencyId = remit.AgencyId });
        await AssertAgencyItemMatchesCaseAsync(flow, id, "pending_acceptance");

        await flow.ActAsync("agency_staff", id, "acceptance", new { decision = "accept", classification = "offsite" });
        await AssertAgencyItemMatchesCaseAsync(flow, id, "in_handling");
        var beforeExtension = await AgencyItemAsync(flow, id);

        await flow.ActAsync("agency_staff", id, "extension", new { reason = "需调取窗口监控录像,情况复杂。" });
        var extended = await AssertAgencyItemMatchesCaseAsync(flow, id, "in_handling");
        Assert.True(string.CompareOrdinal(extended.GetProperty("dueDate").GetString(), beforeExtension.GetProperty("dueDate").GetString()) > 0);

        var leadAgency = await remit.AddAgencyAsync();
        await flow.ActAsync("management_staff", id, "coordination", new { leadAgencyId = leadAgency, cooperatingAgencyIds = new[] { remit.AgencyId } });
        var coordinated = await AssertAgencyItemMatchesCaseAsync(flow, id, "in_handling");
        Assert.Equal(leadAgency, coordinated.GetProperty("handlingAgencyId").GetGuid());

        var lead = remit.StaffOf(leadAgency);
        Assert.True((await lead.PostAsJsonAsync($"/api/v1/cases/{id}/investigation-records", new { method = "interview", summary = "约谈窗口工作人员。" })).IsSuccessStatusCode);
        var concluded = await lead.PostAsJsonAsync($"/api/v1/cases/{id}/conclusion", new { finding = "unsubstantiated", result = "经核实,窗口按规定办理。" });
        Assert.True(concluded.IsSuccessStatusCode, await concluded.Content.ReadAsStringAsync());
        var done = await AssertAgencyItemMatchesCaseAsync(flow, id, "concluded");
        Assert.False(done.TryGetProperty("dueDate", out _));

        // The filtered queue reads the same rows.
        var byStatus = await QueueIdsAsync(await flow.As("agency_staff"), 200, "&status=concluded");
        Assert.Contains(id, byStatus);
    }

    [Fact]
    public async Task Queue_filters_take_the_names_the_items_show_and_refuse_any_other_naming_the_parameter()
    {
        var (_, flow) = await RemitAsync();
        var id = await flow.AcceptedAsync("onsite");
        foreach (var persona in new[] { "agency_staff", "management_staff" })
        {
            var client = await flow.As(persona);
            Assert.Contains(id, await QueueIdsAsync(client, 200, "&status=in_handling&classification=onsite"));
            Assert.DoesNotContain(id, await QueueIdsAsync(client, 200, "&status=pending_acceptance"));
            Assert.DoesNotContain(id, await QueueIdsAsync(client, 200, "&classification=offsite"));

            foreach (var (query, field) in new[] { ("status=InHandling", "status"), ("status=handling", "status"), ("classification=2", "classification") })
            {
                var response = await client.GetAsync($"/api/v1/cases?{query}");
                Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
                Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _), query);
            }
        }
    }

    /// <summary>
    /// The agency's item (agency_queue, kept by the trigger) is the department's item for the same case (read from
    /// complaints itself), field for field, and has the expected status.
    /// </summary>
    private static async Task<JsonElement> AssertAgencyItemMatchesCaseAsync(CaseFlow flow, Guid id, string status)
    {
        var agencyItem = await AgencyItemAsync(flow, id);
        var departmentItem = await ItemAsync(await flow.As("management_staff"), id);
        Assert.Equal(departmentItem.GetRawText(), agencyItem.GetRawText());
        Assert.Equal(status, agencyItem.GetProperty("status").GetString());
        return agencyItem;
    }

    private static async Task<JsonElement> AgencyItemAsync(CaseFlow flow, Guid id) => await ItemAsync(await flow.As("agency_staff"), id);

    private static async Task<JsonElement> ItemAsync(HttpClient client, Guid id) =>
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/cases?limit=200")).RootElement.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task Pages_are_newest_first_and_follow_each_other_without_gaps_or_repeats()
    {
        var (remit, _) = await RemitAsync();
        for (var i = 0; i < 7; i++)
        {
            await remit.Citizen.SubmitAsync(Online(remit.AgencyId));
        }

        var staff = remit.Agency;
        var all = await QueueAsync(staff, "limit=200");
        var paged = new List<(Guid Id, DateTimeOffset At)>();
        string? cursor = null;
        for (var pages = 0; pages < 6 && (pages == 0 || cursor is not null); pages++)
        {
            var page = JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/cases?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}")).RootElement;
            paged.AddRange(Items(page));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }

        Assert.Equal(7, paged.Count);
        Assert.Equal(all.Take(paged.Count).Select(x => x.Id), paged.Select(x => x.Id));
        Assert.Equal(all.OrderByDescending(x => x.At).Select(x => x.At), all.Select(x => x.At));
    }

    private static async Task<List<Guid>> QueueIdsAsync(HttpClient client, int limit, string filters = "") =>
        (await QueueAsync(client, $"limit={limit}{filters}")).Select(x => x.Id).ToList();

    private static async Task<List<(Guid Id, DateTimeOffset At)>> QueueAsync(HttpClient client, string query) =>
        Items(JsonDocument.Parse(await client.GetStringAsync($"/api/v1/cases?{query}")).RootElement).ToList();

    private static IEnumerable<(Guid Id, DateTimeOffset At)> Items(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("id").GetGuid(), i.GetProperty("receivedAt").GetDateTimeOffset())).ToList();

    private async Task<(TestRemit Remit, CaseFlow Flow)> RemitAsync()
    {
        var remit = await TestRemit.CreateAsync(app.Host);
        return (remit, new CaseFlow(app.Host, remit));
    }
}
