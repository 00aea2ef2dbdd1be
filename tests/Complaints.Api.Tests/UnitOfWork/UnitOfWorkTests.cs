using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.UnitOfWork;

/// <summary>
/// #15 item 1: every change to a complaint takes one path, whose audit lines and notices follow from the
/// domain's events and are saved in the same transaction as the change.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class UnitOfWorkTests(AppFixture app)
{
    [Fact]
    public async Task A_rectification_ordered_from_a_spot_check_is_announced_like_one_ordered_on_the_case_第十六条()
    {
        var remit = await TestRemit.CreateAsync(app.Host);
        var flow = new CaseFlow(app.Host, remit);
        var id = await flow.AcceptedAsync("offsite");
        await flow.ActAsync("agency_staff", id, "conclusion", new { finding = "substantiated", result = "已办结" });

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var department = await flow.As("management_staff");
        var drawn = await department.PostAsJsonAsync("/api/v1/spot-checks", new { regionCode = remit.RegionCode, from = today.AddDays(-1), to = today, sampleSize = 1 });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);
        var check = JsonDocument.Parse(await drawn.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var improper = await department.PostAsJsonAsync($"/api/v1/spot-checks/{check}/findings", new
        {
            caseId = id, verdict = "improper", note = "未向投诉人反馈", rectification = new { requirement = "补充反馈", dueDate = today.AddDays(30) },
        });
        Assert.Equal(HttpStatusCode.OK, improper.StatusCode);

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var notice = await db.NotificationOutbox.AsNoTracking().SingleAsync(m => m.CaseId == id && m.Kind == NotificationKind.RectificationOrdered);
        Assert.Contains(today.AddDays(30).ToString("yyyy-MM-dd"), notice.Payload.Values);
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(e => e.CaseId == id).Select(e => e.Action).ToListAsync(), a => a == "case.rectification_ordered");
    }

    [Fact]
    public async Task An_officer_acting_on_a_case_leaves_a_stored_audit_line_for_the_complainant_shown_in_full_第九条()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = flow.Agency });

        // The officer acts; the case view in the answer shows the complainant in full, so that read must be on record.
        var view = await flow.ActAsync("agency_officer", id, "acceptance", new { decision = "accept", classification = "offsite" });
        Assert.False(view.GetProperty("complainant").GetProperty("masked").GetBoolean());

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var lines = await db.AuditEntries.AsNoTracking().Where(e => e.CaseId == id && e.ActorUserId == "agency-officer-qian-min")
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(["case.accepted", "personal_data.read"], lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_handler_chooses_the_audit_line_of_a_change_to_a_complaint()
    {
        // Audit lines of changes (case.*, complaint.*) come from the domain's events through ComplaintChange only; a handler
        // that records one by hand has saved a complaint another way.
        var offenders = System.IO.Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "api/Complaints.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => HandRecorded().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\.Record\([^;]*?""(case|complaint)\.[a-z_]+""")]
    private static partial Regex HandRecorded();
}
