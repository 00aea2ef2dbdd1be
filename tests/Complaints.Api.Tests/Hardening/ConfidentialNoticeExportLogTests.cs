using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Hardening;

/// <summary>
/// Issue #14, finding 4 (第九条), beyond the reads of <see cref="ConfidentialReadTests"/>: what leaves the service about a
/// confidential case — the notices to departments and agency systems (outbox texts and webhook bodies) and the report
/// exports (CSV and XLSX) — never carries the complainant's name, user id, ID number or phone, and the log never their name,
/// ID number or phone, not even when the complainant wrote them into the facts. A host of its own: the reports need ended periods and a clock to reach them.
/// </summary>
public sealed class ConfidentialNoticeExportLogTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 11, 2, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = new();
    private IAlbaHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("confidentialout"), _clock, _logs, new Dictionary<string, string?>
        {
            ["DeadlineMonitor:Interval"] = "20.00:00:00",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Notices_webhooks_exports_and_logs_never_carry_a_confidential_complainants_identity_第九条()
    {
        var citizen = Personas.Find("citizen")!;
        // Notices and exports: nothing that names the complainant, their user id included. The log: name, ID number, phone
        // (a request's own user id is what lets operators trace it).
        string[] identity = [citizen.Name, citizen.IdNumber!, citizen.Phone!, citizen.Subject];
        string[] personal = [citizen.Name, citizen.IdNumber!, citizen.Phone!];
        var admin = await _host.ClientAsync("admin");
        // The agency's system and the county department's system subscribe to their events.
        foreach (var subscription in new object[] { new { agencyId = WuhuaMarket, url = "https://agency.example/events" }, new { regionCode = "530102", url = "https://department.example/events" } })
        {
            var subscribed = await admin.PostAsJsonAsync("/api/v1/admin/webhooks", subscription);
            Assert.True(subscribed.StatusCode == HttpStatusCode.Created, await subscribed.Content.ReadAsStringAsync());
        }

        // A confidential complaint whose facts name the complainant, their ID and phone, taken through referral, acceptance,
        // conclusion and a 不满意 rating: every notice kind a case sends to departments and agency systems.
        var flow = new CaseFlow(_host);
        var body = Online();
        body["confidential"] = true;
        body["facts"] = $"本人{citizen.Name}(身份证号{citizen.IdNumber},电话{citizen.Phone})2026年5月8日在A12窗口办理登记时,工作人员拒绝解释材料要求,态度恶劣。";
        var id = (await (await flow.As("citizen")).SubmitAsync(body)).GetProperty("id").GetGuid();
        await flow.ActAsync("management_officer", id, "referral", new { agencyId = flow.Agency, note = "请依法处理" });
        await flow.ActAsync("agency_officer", id, "acceptance", new { decision = "accept", classification = "offsite" });
        await flow.ActAsync("agency_officer", id, "conclusion", new { finding = "substantiated", result = "经核实,已对窗口工作人员批评教育并责令改正。" });
        var rated = await (await flow.As("citizen")).PostAsJsonAsync($"/api/v1/complaints/{id}/satisfaction", new { rating = "dissatisfied", comment = "处理太慢" });
        Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());
        // The named officers read the complainant (an audited read): that read must not reach the log either.
        Assert.Equal(HttpStatusCode.OK, (await (await flow.As("agency_officer")).GetAsync($"/api/v1/cases/{id}/complainant")).StatusCode);

        var leaks = new List<string>();
        void Check(string where, string text, string[]? secrets = null) =>
            leaks.AddRange((secrets ?? identity).Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"{where} shows «{s}»"));

        // Notices: the text of each outbox message and, for agency systems, the exact webhook body.
        using (var scope = _host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            var messages = await db.NotificationOutbox.AsNoTracking().Where(m => m.CaseId == id || m.ComplainantCaseId == id).ToListAsync();
            Assert.Contains(messages, m => m.SubscriptionId is not null);
            Assert.Contains(messages, m => m.RecipientType != RecipientType.Complainant);
            foreach (var m in messages)
            {
                var where = $"outbox {m.Kind} to {m.RecipientType}";
                Check(where, JsonSerializer.Serialize(m.Payload));
                Check(where + " text", NotificationText.Render(m));
                if (m.SubscriptionId is not null)
                {
                    Check(where + " webhook body", Encoding.UTF8.GetString(AgencyWebhookSender.Body(m)));
                }
            }
        }

        // Exports: the agency's quarter and the county's half-year, as CSV and XLSX, as everyone who may read them.
        _clock.Advance(TimeSpan.FromDays(56)); // Monday 6 July 2026
        var quarter = await SubmitReportAsync("agency_staff", "2026Q2", $"agency:{WuhuaMarket}");
        var halfYear = await SubmitReportAsync("management_staff", "2026H1", "region:530102");
        foreach (var (persona, report) in new[] { ("agency_staff", quarter), ("management_staff", quarter), ("management_staff", halfYear), ("province_management", halfYear) })
        {
            var client = await flow.As(persona);
            var csv = await client.GetAsync($"/api/v1/reports/{report}?format=csv");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
            Assert.Contains("收到投诉", csvText, StringComparison.Ordinal);
            Check($"{persona} report {report} CSV", csvText);
            Check($"{persona} report {report} XLSX", XlsxText(await client.GetByteArrayAsync($"/api/v1/reports/{report}?format=xlsx")));
            Check($"{persona} report {report} JSON", await client.GetStringAsync($"/api/v1/reports/{report}"));
        }

        // The log of all of the above (request log, notices written by the logging sender, audit, background jobs).
        Assert.Contains("/api/v1/cases", _logs.All, StringComparison.Ordinal);
        Check("log", _logs.All, personal);

        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    private async Task<Guid> SubmitReportAsync(string persona, string period, string scope)
    {
        var response = await (await _host.ClientAsync(persona)).PostAsJsonAsync("/api/v1/reports", new { period, scope });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{persona} {period} {scope}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Every part of the workbook as text: the shared strings, the sheets, the properties.</summary>
    private static string XlsxText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.AppendLine(reader.ReadToEnd());
        }

        Assert.Contains("收到投诉", text.ToString(), StringComparison.Ordinal);
        return text.ToString();
    }
}
