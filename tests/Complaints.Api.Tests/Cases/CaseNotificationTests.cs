using System.Net;
using System.Net.Http.Json;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Cases;

[Collection(ApiCollection.Name)]
public sealed class CaseNotificationTests(AppFixture app)
{
    [Fact]
    public async Task The_complainant_is_told_of_acceptance_extension_and_the_result_第十一条_第十三条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.AcceptedAsync("offsite");
        await flow.ActAsync("agency_staff", id, "extension", new { reason = "需调取录像" });
        await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "substantiated", result = "已纠正" });
        Assert.Equal(new[] { NotificationKind.AcceptanceNotice, NotificationKind.ExtensionNotice, NotificationKind.ConclusionFeedback }.Order(), await KindsAsync(id));
    }

    [Fact]
    public async Task A_rejection_sends_the_non_acceptance_notice_第十一条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        await flow.ActAsync("management_staff", id, "acceptance", new { decision = "not_accept", reason = "other_legal_channel" });
        Assert.Equal([NotificationKind.NonAcceptanceNotice], await KindsAsync(id));
    }

    [Fact]
    public async Task Every_merged_complainant_gets_the_result_第十三条()
    {
        var flow = new CaseFlow(app.Host);
        var target = await flow.AcceptedAsync("offsite");
        var hotline = (await (await flow.As("hotline_operator")).SubmitAsync(Registered("phone_12345", Person()))).GetProperty("id").GetGuid();
        await flow.ActAsync("management_staff", hotline, "referral", new { agencyId = WuhuaMarket });
        await flow.ActAsync("agency_staff", hotline, "merge", new { intoCaseId = target });
        await flow.ActAsync("agency_staff", target, "conclusion", new { finding = "substantiated", result = "已纠正" });

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var feedback = await db.NotificationOutbox.Where(m => m.CaseId == target && m.Kind == NotificationKind.ConclusionFeedback).ToListAsync();
        Assert.Equal(2, feedback.Count);
        Assert.Contains(feedback, m => m.ComplainantCaseId == hotline);
    }

    [Fact]
    public async Task Withdrawal_is_confirmed_to_the_complainant()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await flow.As("citizen")).PostAsJsonAsync($"/api/v1/complaints/{id}/withdrawal", new { })).StatusCode);
        Assert.Equal([NotificationKind.WithdrawalConfirmation], await KindsAsync(id));
    }

    private async Task<List<NotificationKind>> KindsAsync(Guid caseId)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        // Notices queued within one instant of the fake clock have no order among themselves: compare them sorted.
        return (await db.NotificationOutbox.Where(m => m.CaseId == caseId).Select(m => m.Kind).ToListAsync()).Order().ToList();
    }
}
