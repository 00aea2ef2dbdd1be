using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Complaints;

/// <summary>第十一、十三、十六条: a merged complainant keeps every right of a complainant.</summary>
[Collection(ApiCollection.Name)]
public sealed class MergedComplaintTests(AppFixture app)
{
    [Fact]
    public async Task A_merged_complainant_is_told_follows_the_target_gets_its_acceptance_notice_and_rates_its_result_第十一条_第十三条_第十六条()
    {
        var flow = new CaseFlow(app.Host);
        var target = await flow.AcceptedAsync("offsite");
        var targetNumber = (await flow.GetAsync("agency_staff", target)).GetProperty("trackingNumber").GetString();
        var citizen2 = await flow.As("citizen2");
        var submitted = await citizen2.SubmitAsync(ComplaintBodies.Online());
        var source = submitted.GetProperty("id").GetGuid();
        var sourceNumber = submitted.GetProperty("trackingNumber").GetString()!;
        var queryCode = submitted.GetProperty("queryCode").GetString();
        await flow.ActAsync("management_staff", source, "referral", new { agencyId = ComplaintBodies.WuhuaMarket });
        await flow.ActAsync("agency_staff", source, "merge", new { intoCaseId = target });

        // Told it was merged and into which case, and given the target's acceptance notice (it was already accepted).
        await using (var scope = app.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            var notices = await db.NotificationOutbox.AsNoTracking().Where(m => m.ComplainantCaseId == source).ToListAsync();
            Assert.Contains(notices, m => m.Kind == NotificationKind.MergeNotice && m.TrackingNumber == targetNumber);
            var acceptance = Assert.Single(notices, m => m.Kind == NotificationKind.AcceptanceNotice);
            var text = NotificationText.Render(acceptance);
            Assert.Contains($"您的投诉(编号{sourceNumber})已并入投诉件{targetNumber}合并处理", text, StringComparison.Ordinal);
            Assert.Contains("已受理", text, StringComparison.Ordinal);
        }

        // Their own view follows the target: number, status, deadlines.
        var mine = JsonDocument.Parse(await citizen2.GetStringAsync($"/api/v1/me/complaints/{source}")).RootElement;
        Assert.Equal("merged", mine.GetProperty("status").GetString());
        var into = mine.GetProperty("mergedInto");
        Assert.Equal(targetNumber, into.GetProperty("trackingNumber").GetString());
        Assert.Equal("in_handling", into.GetProperty("status").GetString());
        Assert.NotNull(into.GetProperty("deadlines").GetProperty("handlingDue").GetString());

        // The acceptance notice (附件2) of the target, addressed to them and naming their own number.
        var notice = JsonDocument.Parse(await (await flow.As("agency_staff")).GetStringAsync($"/api/v1/cases/{source}/documents/acceptance-notice")).RootElement;
        Assert.Equal(targetNumber, notice.GetProperty("trackingNumber").GetString());
        Assert.Equal(sourceNumber, notice.GetProperty("mergedTrackingNumber").GetString());
        Assert.Equal("accepted", notice.GetProperty("decision").GetString());

        // Rating waits for the result, then rates the result they were given.
        var early = await citizen2.PostAsJsonAsync($"/api/v1/complaints/{source}/satisfaction", new { rating = "satisfied" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await flow.ActAsync("agency_staff", target, "investigation-records", new { method = "interview", summary = "谈话核实" });
        await flow.ActAsync("agency_staff", target, "conclusion", new { finding = "substantiated", result = "已责令窗口改正并致歉。" });

        var lookup = await app.Host.Server.CreateClient().PostAsJsonAsync("/api/v1/complaints/lookup", new { trackingNumber = sourceNumber, queryCode });
        var status = JsonDocument.Parse(await lookup.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("merged", status.GetProperty("status").GetString());
        Assert.Equal("concluded", status.GetProperty("mergedInto").GetProperty("status").GetString());
        Assert.Equal("已责令窗口改正并致歉。", status.GetProperty("mergedInto").GetProperty("result").GetProperty("result").GetString());
        mine = JsonDocument.Parse(await citizen2.GetStringAsync($"/api/v1/me/complaints/{source}")).RootElement;
        Assert.Equal("substantiated", mine.GetProperty("mergedInto").GetProperty("result").GetProperty("finding").GetString());

        var rated = await citizen2.PostAsJsonAsync($"/api/v1/complaints/{source}/satisfaction", new { rating = "satisfied" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal("satisfied", JsonDocument.Parse(await citizen2.GetStringAsync($"/api/v1/me/complaints/{source}")).RootElement.GetProperty("rating").GetString());
    }
}
