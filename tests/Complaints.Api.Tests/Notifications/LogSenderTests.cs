using Complaints.Api.Complaints;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Notifications;

/// <summary>The shared host runs with the default configuration: notices are logged, masked.</summary>
[Collection(ApiCollection.Name)]
public sealed class LogSenderTests(AppFixture app)
{
    [Fact]
    public async Task By_default_a_committed_notice_is_sent_by_logging_it_masked()
    {
        var client = await app.Host.ClientAsync("citizen");
        var id = (await client.SubmitAsync(ComplaintBodies.Online())).GetProperty("id").GetGuid();
        Guid messageId;
        await using (var scope = app.Host.Services.CreateAsyncScope())
        {
            Assert.IsType<LoggingNotificationSender>(scope.ServiceProvider.GetRequiredService<INotificationSender>());
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            var complaint = await db.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id);
            var change = ComplaintChange.Begin(complaint);
            Assert.True(complaint.Withdraw("已自行解决", Actor.ForComplainant("citizen-li-ming"), app.Clock.GetUtcNow()).IsSuccess);
            Assert.True(await OnePath.SaveAsync(scope.ServiceProvider, change, app.Clock.GetUtcNow())); // the confirmation follows from the Withdrawn event
            messageId = await db.NotificationOutbox.AsNoTracking().Where(m => m.CaseId == id && m.Kind == NotificationKind.WithdrawalConfirmation).Select(m => m.Id).SingleAsync();
        }

        // The host's own loop may get there first; either way it is sent once.
        // Other tests' notices share this outbox: dispatch batches until none is left due.
        var dispatcher = app.Host.Services.GetRequiredService<OutboxDispatcher>();
        for (var pass = 0; pass < 50 && await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0; pass++)
        {
        }

        await using (var scope = app.Host.Services.CreateAsyncScope())
        {
            var message = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().NotificationOutbox.AsNoTracking().SingleAsync(m => m.Id == messageId);
            Assert.Equal((OutboxStatus.Sent, 1), (message.Status, message.Attempts));
        }

        var line = Assert.Single(app.Logs.Lines, l => l.Contains(nameof(LoggingNotificationSender), StringComparison.Ordinal) && l.Contains(messageId.ToString(), StringComparison.Ordinal));
        Assert.Contains("WithdrawalConfirmation", line, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), line, StringComparison.Ordinal);
        Assert.Contains("complainant:app(citi****)+sms(*******78)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", line, StringComparison.Ordinal);
        Assert.DoesNotContain("citizen-li-ming", line, StringComparison.Ordinal);
        Assert.DoesNotContain("撤回", line, StringComparison.Ordinal); // no message text
    }
}
