using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Notifications;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;

namespace Complaints.Api.Tests.Notifications;

/// <summary>第十一条第二款: a decision notice the gateway gave up on waits for staff to deliver it another way.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class UndeliveredNoticeTests(NotificationsFixture fx) : IAsyncLifetime
{
    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_notice_the_gateway_refuses_is_to_be_delivered_until_a_delivery_is_recorded_第十一条第二款()
    {
        var (id, message) = await fx.AcceptedWithNoticeAsync();
        fx.Receiver.Respond = _ => new Reply(400); // a permanent refusal: no retry
        var agency = await fx.Host.ClientAsync("agency_staff");
        Assert.DoesNotContain(await QueueAsync(agency), i => i.GetProperty("caseId").GetGuid() == id); // not before it is given up

        await fx.Dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(OutboxStatus.Failed, (await fx.MessageAsync(message.Id)).Status);
        var item = Assert.Single(await QueueAsync(agency), i => i.GetProperty("caseId").GetGuid() == id);
        Assert.Equal("sending_failed", item.GetProperty("need").GetString());
        Assert.Equal("acceptance", item.GetProperty("notice").GetString());

        var today = ChinaTime.DateOf(fx.Clock.GetUtcNow()).ToString("yyyy-MM-dd");
        var recorded = await agency.PostAsJsonAsync($"/api/v1/cases/{id}/notice-delivery", new { method = "sms", deliveredOn = today, note = "工作人员另行发送短信" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.DoesNotContain(await QueueAsync(agency), i => i.GetProperty("caseId").GetGuid() == id);
    }

    private static async Task<List<JsonElement>> QueueAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/cases/notices-to-deliver?limit=200");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return [.. JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray()];
    }
}
