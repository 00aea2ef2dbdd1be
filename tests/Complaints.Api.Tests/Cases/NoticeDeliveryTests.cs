using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Cases;

/// <summary>第十一条第二款: 投诉人可以现场领取或者以其他有效方式接收《政务服务投诉受理/不予受理通知书》 — recorded, queued until delivered.</summary>
[Collection(ApiCollection.Name)]
public sealed class NoticeDeliveryTests(AppFixture app)
{
    private string Today => ChinaTime.DateOf(app.Clock.GetUtcNow()).ToString("yyyy-MM-dd");

    [Fact]
    public async Task The_delivery_of_the_acceptance_notice_is_recorded_on_the_case_its_timeline_and_附件3_第十一条第二款()
    {
        var remit = await TestRemit.CreateAsync(app.Host);
        var flow = new CaseFlow(app.Host, remit);
        var pending = await flow.SubmitOnlineAsync();
        var early = await flow.ActAsync("management_staff", pending, "notice-delivery", new { method = "in_person", deliveredOn = Today }, HttpStatusCode.Conflict);
        Assert.Equal("complaint.invalid_transition", early.GetProperty("code").GetString());
        Assert.Equal("第十一条", early.GetProperty("article").GetString());

        var id = await flow.AcceptedAsync("offsite");
        var missing = await flow.ActAsync("agency_staff", id, "notice-delivery", new { method = "post" }, HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("deliveredOn", out _));
        var undescribed = await flow.ActAsync("agency_staff", id, "notice-delivery", new { method = "other", deliveredOn = Today }, HttpStatusCode.BadRequest);
        Assert.True(undescribed.GetProperty("errors").TryGetProperty("note", out _));

        var view = await flow.ActAsync("agency_staff", id, "notice-delivery", new { method = "in_person", deliveredOn = Today, note = "投诉人到窗口领取" });

        var delivery = Assert.Single(view.GetProperty("noticeDeliveries").EnumerateArray());
        Assert.Equal("acceptance", delivery.GetProperty("notice").GetString());
        Assert.Equal("in_person", delivery.GetProperty("method").GetString());
        Assert.Equal(Today, delivery.GetProperty("deliveredOn").GetString());
        Assert.Equal("agency_staff", delivery.GetProperty("recordedByRole").GetString());
        var entry = view.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("notice_delivered", entry.GetProperty("event").GetString());
        Assert.Equal("第十一条", entry.GetProperty("article").GetString());

        var again = await flow.ActAsync("agency_staff", id, "notice-delivery", new { method = "post", deliveredOn = Today }, HttpStatusCode.Conflict);
        Assert.Equal("complaint.notice_already_delivered", again.GetProperty("code").GetString());

        var html = await remit.Agency.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}/documents/registration-form") { Headers = { { "Accept", "text/html" } } });
        var form = await html.Content.ReadAsStringAsync();
        Assert.Contains("通知书送达", form, StringComparison.Ordinal);
        Assert.Contains("《政务服务投诉受理通知书》", form, StringComparison.Ordinal);
        Assert.Contains("现场领取:投诉人到窗口领取", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_that_cannot_be_sent_or_is_asked_for_by_post_waits_in_the_queue_until_delivered_第十一条第二款()
    {
        var remit = await TestRemit.CreateAsync(app.Host);
        var flow = new CaseFlow(app.Host, remit);

        // A letter from someone with an address and no phone: the notice cannot go out electronically.
        var byLetter = (await remit.Department.SubmitAsync(Registered("letter", Person(phone: null), remit.AgencyId))).GetProperty("id").GetGuid();
        await flow.ActAsync("management_staff", byLetter, "referral", new { agencyId = remit.AgencyId });
        await flow.ActAsync("agency_staff", byLetter, "acceptance", new { decision = "not_accept", reason = "other_legal_channel", explanation = "已申请行政复议" });
        await DispatchUntilSettledAsync(byLetter);

        // An online complainant who asks for the notices by post must give a 联系地址 (第七条).
        var online = Online(remit.AgencyId);
        online["noticeByPost"] = true;
        var noAddress = await remit.Citizen.PostAsJsonAsync("/api/v1/complaints", online);
        Assert.Equal(HttpStatusCode.BadRequest, noAddress.StatusCode);
        Assert.True(JsonDocument.Parse(await noAddress.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("contactAddress", out _));
        online["contactAddress"] = "玉溪市红塔区聂耳路1号";
        var byPost = (await remit.Citizen.SubmitAsync(online)).GetProperty("id").GetGuid();
        await flow.ActAsync("management_staff", byPost, "referral", new { agencyId = remit.AgencyId });
        await flow.ActAsync("agency_staff", byPost, "acceptance", new { decision = "accept", classification = "offsite" });

        // Sent automatically: not listed.
        await flow.AcceptedAsync("offsite");

        // Oldest decision first; the shared fake clock gives both the same instant, so only the set is compared.
        var queue = (await QueueAsync(remit.Agency)).ToDictionary(i => i.GetProperty("caseId").GetGuid());
        Assert.Equal(new HashSet<Guid> { byLetter, byPost }, queue.Keys.ToHashSet());
        Assert.Equal("non_acceptance", queue[byLetter].GetProperty("notice").GetString());
        Assert.Equal("no_electronic_contact", queue[byLetter].GetProperty("need").GetString());
        Assert.True(queue[byLetter].GetProperty("hasAddress").GetBoolean());
        Assert.Equal("acceptance", queue[byPost].GetProperty("notice").GetString());
        Assert.Equal("post_requested", queue[byPost].GetProperty("need").GetString());
        Assert.Equal(2, (await QueueAsync(remit.Department)).Count);
        Assert.Empty(await QueueAsync(remit.StaffOf(await remit.AddAgencyAsync())));

        await flow.ActAsync("agency_staff", byLetter, "notice-delivery", new { method = "post", deliveredOn = Today, note = "挂号信XA123456789CN" });
        await flow.ActAsync("management_staff", byPost, "notice-delivery", new { method = "post", deliveredOn = Today });

        Assert.Empty(await QueueAsync(remit.Agency));
    }

    private static async Task<List<JsonElement>> QueueAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/cases/notices-to-deliver");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()];
    }

    /// <summary>Runs dispatcher passes until the case's decision notice has left the outbox's pending state (the host's own loop may run too).</summary>
    private async Task DispatchUntilSettledAsync(Guid caseId)
    {
        var dispatcher = app.Host.Services.GetRequiredService<OutboxDispatcher>();
        for (var pass = 0; pass < 50; pass++)
        {
            await using var scope = app.Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            var status = await db.NotificationOutbox.Where(m => m.CaseId == caseId && m.Kind == NotificationKind.NonAcceptanceNotice).Select(m => m.Status).SingleAsync();
            if (status == OutboxStatus.Failed)
            {
                return;
            }

            await dispatcher.DispatchOnceAsync(CancellationToken.None);
        }

        Assert.Fail("The non-acceptance notice was never given up on.");
    }
}
