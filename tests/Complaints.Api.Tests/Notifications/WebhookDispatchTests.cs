using System.Security.Cryptography;
using System.Text;
using Complaints.Api.Notifications;
using Complaints.Domain.Cases;

namespace Complaints.Api.Tests.Notifications;

/// <summary>The webhook contract and the retry policy, against a real HTTP listener on loopback.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class WebhookDispatchTests(NotificationsFixture fx) : IAsyncLifetime
{
    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<int> DispatchAsync() => fx.Dispatcher.DispatchOnceAsync(CancellationToken.None);

    [Fact]
    public async Task The_acceptance_notice_is_posted_as_signed_json_with_the_decrypted_phone_第十一条()
    {
        var (caseId, message) = await fx.AcceptedWithNoticeAsync();

        Assert.Equal(1, await DispatchAsync());

        var delivery = Assert.Single(fx.Receiver.Deliveries);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(NotificationsFixture.Secret), delivery.Body));
        Assert.Equal(expected, delivery.Signature);
        Assert.Equal("application/json; charset=utf-8", delivery.ContentType);
        Assert.Equal(message.Id.ToString(), delivery.MessageId);
        Assert.Equal(fx.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), delivery.Timestamp);

        var body = delivery.Json;
        Assert.Equal(message.Id, body.GetProperty("id").GetGuid());
        Assert.Equal("acceptance_notice", body.GetProperty("kind").GetString());
        Assert.Equal(caseId, body.GetProperty("caseId").GetGuid());
        var number = body.GetProperty("trackingNumber").GetString();
        Assert.Equal(message.TrackingNumber, number);
        var recipient = body.GetProperty("recipient");
        Assert.Equal("complainant", recipient.GetProperty("type").GetString());
        Assert.Equal("13812345678", recipient.GetProperty("phone").GetString());
        Assert.Equal("citizen-li-ming", recipient.GetProperty("userId").GetString());
        Assert.Equal("online_app", recipient.GetProperty("channel").GetString());
        Assert.Equal($"【云南政务服务】您的投诉(编号{number})已受理,按非现场处理类办理,办理期限至2026-12-07。可凭投诉编号和查询码查询办理进度。", body.GetProperty("text").GetString());
        Assert.Equal("2026-12-07", body.GetProperty("payload").GetProperty(PayloadKeys.DueDate).GetString());
        Assert.Equal(1, body.GetProperty("attempt").GetInt32());
        Assert.Equal(fx.Clock.GetUtcNow().ToUnixTimeSeconds(), body.GetProperty("sentAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Contains("已受理", Encoding.UTF8.GetString(delivery.Body), StringComparison.Ordinal); // CJK unescaped

        var sent = await fx.MessageAsync(message.Id);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.Equal(fx.Clock.GetUtcNow(), sent.SentAt);
        Assert.Null(sent.LeaseId);
        Assert.Equal(0, await DispatchAsync());
    }

    [Fact]
    public async Task A_500_is_retried_after_30_then_60_seconds_and_the_message_is_sent_on_the_third_attempt()
    {
        var (_, message) = await fx.AcceptedWithNoticeAsync();
        var answers = new Queue<int>([500, 500, 200]);
        fx.Receiver.Respond = _ => new Reply(answers.Dequeue());

        Assert.Equal(1, await DispatchAsync());
        var first = await fx.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Pending, 1, "HTTP 500"), (first.Status, first.Attempts, first.LastError));
        Assert.Equal(fx.Clock.GetUtcNow().AddSeconds(30), first.NextAttemptAt);

        fx.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await DispatchAsync());
        fx.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DispatchAsync());
        var second = await fx.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Pending, 2), (second.Status, second.Attempts));
        Assert.Equal(fx.Clock.GetUtcNow().AddSeconds(60), second.NextAttemptAt);

        fx.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await DispatchAsync());
        fx.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await DispatchAsync());

        var sent = await fx.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Sent, 3, null), (sent.Status, sent.Attempts, sent.LastError));
        Assert.Equal([1, 2, 3], fx.Receiver.Deliveries.Select(d => d.Json.GetProperty("attempt").GetInt32()));
        Assert.All(fx.Receiver.Deliveries, d => Assert.Equal(message.Id.ToString(), d.MessageId)); // one id: the gateway can drop duplicates
    }

    [Fact]
    public async Task A_message_still_failing_after_the_last_attempt_is_marked_failed()
    {
        var (_, message) = await fx.AcceptedWithNoticeAsync();
        fx.Receiver.Respond = _ => new Reply(503);

        for (var i = 0; i < NotificationsFixture.MaxAttempts; i++)
        {
            Assert.Equal(1, await DispatchAsync());
            fx.Clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(0, await DispatchAsync());
        var failed = await fx.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Failed, NotificationsFixture.MaxAttempts, "HTTP 503"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Equal(NotificationsFixture.MaxAttempts, fx.Receiver.Deliveries.Count);
    }

    [Fact]
    public async Task A_400_fails_the_message_at_once_without_retry()
    {
        var (_, message) = await fx.AcceptedWithNoticeAsync();
        fx.Receiver.Respond = _ => new Reply(400);

        Assert.Equal(1, await DispatchAsync());
        fx.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await DispatchAsync());

        var failed = await fx.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Failed, 1, "HTTP 400"), (failed.Status, failed.Attempts, failed.LastError));
        Assert.Single(fx.Receiver.Deliveries);
    }

    [Fact]
    public async Task A_429_is_retried_no_sooner_than_its_retry_after()
    {
        var (_, message) = await fx.AcceptedWithNoticeAsync();
        fx.Receiver.Respond = _ => new Reply(429, RetryAfterSeconds: 120);

        Assert.Equal(1, await DispatchAsync());

        var pending = await fx.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Pending, "HTTP 429"), (pending.Status, pending.LastError));
        Assert.Equal(fx.Clock.GetUtcNow().AddSeconds(120), pending.NextAttemptAt);
    }

    [Fact]
    public async Task A_gateway_slower_than_the_timeout_is_retried()
    {
        var (_, message) = await fx.AcceptedWithNoticeAsync();
        var slow = true;
        fx.Receiver.Respond = _ => slow ? new Reply(200, Delay: TimeSpan.FromSeconds(5)) : new Reply(200);

        Assert.Equal(1, await DispatchAsync());
        var pending = await fx.MessageAsync(message.Id);
        Assert.Equal((OutboxStatus.Pending, 1), (pending.Status, pending.Attempts));
        Assert.StartsWith("timeout", pending.LastError, StringComparison.Ordinal);

        slow = false;
        fx.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await DispatchAsync());
        Assert.Equal(OutboxStatus.Sent, (await fx.MessageAsync(message.Id)).Status);
    }

    [Fact]
    public async Task An_overdue_alert_goes_to_the_management_department_without_personal_data()
    {
        var (caseId, notice) = await fx.AcceptedWithNoticeAsync();
        Assert.Equal(1, await DispatchAsync());
        fx.Receiver.Reset();
        Guid alertId = default;
        Assert.True(await fx.WorkAsync(
            w =>
            {
                alertId = NotificationOutbox.EnqueueForDepartment(w.Db, caseId, notice.TrackingNumber!, "530102", NotificationKind.OverdueAlert, new Dictionary<string, string>
                {
                    [PayloadKeys.Deadline] = "offsite_handling",
                    [PayloadKeys.DueDate] = "2026-12-07",
                }, w.Now).Id;
                return Task.CompletedTask;
            },
            caseId));

        Assert.Equal(1, await DispatchAsync());

        var body = Assert.Single(fx.Receiver.Deliveries).Json;
        Assert.Equal(alertId, body.GetProperty("id").GetGuid());
        Assert.Equal("overdue_alert", body.GetProperty("kind").GetString());
        var recipient = body.GetProperty("recipient");
        Assert.Equal("department", recipient.GetProperty("type").GetString());
        Assert.Equal("530102", recipient.GetProperty("regionCode").GetString());
        Assert.False(recipient.TryGetProperty("phone", out _));
        Assert.False(recipient.TryGetProperty("userId", out _));
        Assert.Equal($"【云南政务服务】投诉件{notice.TrackingNumber}的办结期限(2026-12-07)已届满,请督促办理(第五条)。", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_complainant_with_only_a_postal_address_is_left_failed_for_staff_to_post_the_notice()
    {
        var id = await fx.RegisterAsync("letter", phone: null);
        Assert.True(await fx.WorkAsync(
            w =>
            {
                Assert.True(w.Cases[0].NotAccept(w.Calendar, NotAcceptedReason.NoClearRespondentOrRequest, null, "未写明投诉请求。", Staff.Management, w.Now).IsSuccess);
                return Task.CompletedTask;
            },
            id));
        var messageId = Assert.Single(await fx.MessagesAsync(id), m => m.Kind == NotificationKind.NonAcceptanceNotice).Id;

        Assert.Equal(1, await DispatchAsync());

        Assert.Empty(fx.Receiver.Deliveries);
        var failed = await fx.MessageAsync(messageId);
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.StartsWith("no electronic contact", failed.LastError, StringComparison.Ordinal);
    }
}
