using Complaints.Api.Complaints;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Notifications;

/// <summary>The outbox commits with the change that owes the notice, or not at all.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class OutboxTests(NotificationsFixture fx) : IAsyncLifetime
{
    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_notice_enqueued_in_a_transaction_that_rolls_back_is_never_stored_or_sent()
    {
        var id = await fx.SubmitOnlineAsync();
        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            var complaint = await db.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id);
            await using var transaction = await db.Database.BeginTransactionAsync();
            NotificationOutbox.Enqueue(db, complaint, NotificationKind.AcceptanceNotice, new Dictionary<string, string>(), fx.Clock.GetUtcNow());
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.NotificationOutbox.CountAsync(m => m.CaseId == id)); // written, inside the transaction
            await transaction.RollbackAsync();
        }

        Assert.Empty(await fx.MessagesAsync(id));
        Assert.Equal(0, await fx.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        Assert.Empty(fx.Receiver.Deliveries);
    }

    [Fact]
    public async Task Of_two_concurrent_decisions_only_the_one_that_commits_leaves_its_notice_第十一条()
    {
        var id = await fx.SubmitOnlineAsync();
        await using var first = fx.Host.Services.CreateAsyncScope();
        await using var second = fx.Host.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var c1 = await db1.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id);
        var c2 = await db2.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id);
        var calendar = first.ServiceProvider.GetRequiredService<Domain.Calendar.IWorkingDayCalendar>();
        var now = fx.Clock.GetUtcNow();

        // Two officers decide at once, each the way a handler does; the notice follows from each one's NotAccepted event.
        var change1 = ComplaintChange.Begin(c1);
        Assert.True(c1.NotAccept(calendar, NotAcceptedReason.OtherLegalChannel, null, null, Staff.Management, now).IsSuccess);
        var change2 = ComplaintChange.Begin(c2);
        Assert.True(c2.NotAccept(calendar, NotAcceptedReason.NoClearRespondentOrRequest, null, null, Staff.Management, now).IsSuccess);

        Assert.True(await OnePath.SaveAsync(first.ServiceProvider, change1, now));
        Assert.False(await OnePath.SaveAsync(second.ServiceProvider, change2, now));

        var message = Assert.Single(await fx.MessagesAsync(id));
        Assert.Equal("other_legal_channel", message.Payload[PayloadKeys.Reason]);
    }

    [Fact]
    public async Task Each_merged_complainant_gets_the_conclusion_feedback_under_their_own_number_第十三条()
    {
        var target = await fx.SubmitOnlineAsync("citizen");
        var merged = await fx.RegisterAsync("phone_12345", "13600001111");
        Assert.True(await fx.WorkAsync(
            w =>
            {
                var (into, from) = (w.Cases[0], w.Cases[1]);
                Assert.True(into.Refer(w.Calendar, WuhuaMarket, null, Staff.Management, w.Now).IsSuccess);
                Assert.True(into.Accept(w.Calendar, Classification.Offsite, Staff.Agency, w.Now).IsSuccess);
                Assert.True(from.Refer(w.Calendar, WuhuaMarket, null, Staff.Management, w.Now).IsSuccess);
                Assert.True(from.Merge(into, Staff.Agency, w.Now).IsSuccess);
                return Task.CompletedTask;
            },
            target,
            merged));
        await fx.ResetAsync(); // the acceptance and merge notices; this test is about the conclusion's

        Assert.True(await fx.WorkAsync(
            w =>
            {
                Assert.True(w.Cases[0].Conclude(w.Calendar, Finding.Substantiated, "已约谈窗口工作人员并书面致歉。", null, Staff.Agency, w.Now).IsSuccess);
                return Task.CompletedTask;
            },
            target));

        var messages = await fx.MessagesAsync(target);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(OutboxStatus.Pending, m.Status));
        Assert.Equal(new[] { target, merged }.Order(), messages.Select(m => m.ComplainantCaseId!.Value).Order());

        Assert.Equal(2, await fx.Dispatcher.DispatchOnceAsync(CancellationToken.None));

        var bodies = fx.Receiver.Deliveries.Select(d => d.Json).ToList();
        Assert.Equal(2, bodies.Count);
        var own = bodies.Single(b => b.GetProperty("recipient").GetProperty("caseId").GetGuid() == target);
        var other = bodies.Single(b => b.GetProperty("recipient").GetProperty("caseId").GetGuid() == merged);
        Assert.Equal("13812345678", own.GetProperty("recipient").GetProperty("phone").GetString());
        Assert.Equal("citizen-li-ming", own.GetProperty("recipient").GetProperty("userId").GetString());
        Assert.Equal("13600001111", other.GetProperty("recipient").GetProperty("phone").GetString());
        Assert.False(other.GetProperty("recipient").TryGetProperty("userId", out _)); // registered by phone: no account to push to
        Assert.Equal("phone_12345", other.GetProperty("recipient").GetProperty("channel").GetString());

        var targetNumber = own.GetProperty("trackingNumber").GetString()!;
        var mergedNumber = other.GetProperty("recipient").GetProperty("trackingNumber").GetString()!;
        Assert.Equal(targetNumber, other.GetProperty("trackingNumber").GetString());
        Assert.NotEqual(targetNumber, mergedNumber);
        Assert.Equal($"【云南政务服务】您的投诉(编号{targetNumber})已办结。调查结论:属实。处理结果:已约谈窗口工作人员并书面致歉。欢迎对处理结果进行评价。", own.GetProperty("text").GetString());
        Assert.StartsWith($"【云南政务服务】您的投诉(编号{mergedNumber})已并入投诉件{targetNumber}合并处理。该投诉已办结", other.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.All(await fx.MessagesAsync(target), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task The_outbox_holds_the_phone_only_as_ciphertext()
    {
        var (id, _) = await fx.AcceptedWithNoticeAsync();

        await using var scope = fx.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var rows = await db.Database.SqlQuery<string>($"SELECT row_to_json(n)::text AS \"Value\" FROM notification_outbox n WHERE case_id = {id}").ToListAsync();
        var row = Assert.Single(rows);
        Assert.DoesNotContain("13812345678", row, StringComparison.Ordinal);
        Assert.DoesNotContain("李明", row, StringComparison.Ordinal);
        Assert.StartsWith("v1:", (await fx.MessagesAsync(id))[0].PhoneEncrypted, StringComparison.Ordinal);

        // Even SQL that bypasses NotificationOutbox cannot store a plaintext number.
        const string plaintext = "13812345678";
        var e = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlAsync($"UPDATE notification_outbox SET phone_encrypted = {plaintext} WHERE case_id = {id}"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, e.SqlState);
    }

    [Fact]
    public async Task Enqueueing_refuses_a_plaintext_phone_and_personal_payload_keys()
    {
        var id = await fx.SubmitOnlineAsync();
        await using var scope = fx.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var complaint = await db.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id);
        var now = fx.Clock.GetUtcNow();
        var plaintext = complaint.ComplainantsToNotify[0] with { Complainant = complaint.Complainant with { Phone = "13812345678" } };

        Assert.Throws<InvalidOperationException>(() => NotificationOutbox.EnqueueFor(db, complaint, plaintext, NotificationKind.AcceptanceNotice, new Dictionary<string, string>(), now));
        Assert.Throws<ArgumentException>(() => NotificationOutbox.Enqueue(db, complaint, NotificationKind.AcceptanceNotice, new Dictionary<string, string> { ["phone"] = "13812345678" }, now));
        Assert.Empty(db.ChangeTracker.Entries<OutboxMessage>());
    }
}
