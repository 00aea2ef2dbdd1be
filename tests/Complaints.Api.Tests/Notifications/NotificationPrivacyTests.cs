using Complaints.Api.Notifications;
using Complaints.Domain.Cases;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class NotificationPrivacyTests(NotificationsFixture fx) : IAsyncLifetime
{
    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sending_retrying_and_failing_leave_no_phone_number_name_or_message_text_in_the_logs()
    {
        const string result = "已约谈窗口工作人员赵某并当面致歉";
        var target = await fx.SubmitOnlineAsync("citizen");
        var merged = await fx.RegisterAsync("phone_12345", "13600001111");
        Assert.True(await fx.WorkAsync(
            w =>
            {
                var (into, from) = (w.Cases[0], w.Cases[1]);
                Assert.True(into.Refer(w.Calendar, WuhuaMarket, null, Staff.Management, w.Now).IsSuccess);
                Assert.True(into.Accept(w.Calendar, Classification.Onsite, Staff.Agency, w.Now).IsSuccess);
                Assert.True(from.Refer(w.Calendar, WuhuaMarket, null, Staff.Management, w.Now).IsSuccess);
                Assert.True(from.Merge(into, Staff.Agency, w.Now).IsSuccess);
                return Task.CompletedTask;
            },
            target,
            merged));
        await fx.ResetAsync(); // only the conclusion feedback (to both complainants) is sent below

        Assert.True(await fx.WorkAsync(
            w =>
            {
                Assert.True(w.Cases[0].Conclude(w.Calendar, Finding.Substantiated, result, null, Staff.Agency, w.Now).IsSuccess);
                return Task.CompletedTask;
            },
            target));
        var ids = (await fx.MessagesAsync(target)).Select(m => m.Id).ToList();
        Assert.Equal(2, ids.Count);

        // One answer of each kind the dispatcher logs: retry, permanent failure, success.
        var answers = new Queue<int>([500, 400, 200]);
        fx.Receiver.Respond = _ => new Reply(answers.Dequeue());
        Assert.Equal(2, await fx.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        fx.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await fx.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Equal(3, fx.Receiver.Deliveries.Count);
        Assert.Contains(fx.Receiver.Deliveries, d => d.Json.GetProperty("recipient").GetProperty("phone").GetString() == "13600001111");

        var logs = fx.Logs.All;
        Assert.All(ids, id => Assert.Contains(id.ToString(), logs, StringComparison.Ordinal)); // the outcomes were logged
        Assert.Contains("HTTP 500", logs, StringComparison.Ordinal);
        Assert.Contains("HTTP 400", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { "13812345678", "13600001111", "李明", "王芳", "53010219880119123X", "530103199205164324", result, "赵某" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
