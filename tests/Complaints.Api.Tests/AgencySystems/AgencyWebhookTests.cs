using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Complaints.Api.Directory;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.AgencySystems;

/// <summary>
/// Webhooks for agencies' and departments' systems: registered by an administrator, CloudEvents 1.0, signed with
/// HMAC-SHA256 over timestamp and body, delivered through the outbox at least once, in order per case, retried with
/// backoff under one event id, dead-lettered and replayable, never twice at once from two dispatchers.
/// </summary>
[Collection(AgencySystemsCollection.Name)]
public sealed class AgencyWebhookTests(AgencySystemsFixture fx) : IAsyncLifetime
{
    private static readonly Guid Wuhua = DemoDirectory.WuhuaMarketRegulation;

    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> ReferredCaseAsync(bool confidential = false)
    {
        var body = ComplaintBodies.Online();
        body["confidential"] = confidential;
        var id = (await (await fx.Host.ClientAsync("citizen")).SubmitAsync(body)).GetProperty("id").GetGuid();
        await new CaseFlow(fx.Host).ActAsync("management_staff", id, "referral", new { agencyId = Wuhua, note = "请依法处理" });
        return id;
    }

    [Fact]
    public async Task Registration_answers_the_secret_once_and_stores_it_only_encrypted()
    {
        var (id, secret) = await fx.SubscribeAsync(agencyId: Wuhua);
        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().WebhookSubscriptions.AsNoTracking().SingleAsync(s => s.Id == id);
            Assert.StartsWith("v1:", stored.SecretEncrypted, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, stored.SecretEncrypted, StringComparison.Ordinal);
        }

        var admin = await fx.Host.ClientAsync("admin");
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/api/v1/admin/webhooks"), StringComparison.Ordinal);

        var plainHttp = await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { agencyId = Wuhua, url = "http://agency.example/events" });
        Assert.Equal(HttpStatusCode.BadRequest, plainHttp.StatusCode);
        Assert.Contains("\"url\"", await plainHttp.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var both = await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { agencyId = Wuhua, regionCode = "530102", url = "https://agency.example/events" });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);

        var staff = await fx.Host.ClientAsync("agency_system");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/admin/webhooks", new { agencyId = Wuhua, url = "https://x.example/e" })).StatusCode);
    }

    [Fact]
    public async Task A_referral_reaches_the_agency_system_as_a_signed_CloudEvent_with_the_交办单_and_no_personal_data_第十条()
    {
        await fx.SubscribeAsync(agencyId: Wuhua);
        var id = await ReferredCaseAsync();
        await fx.DrainAsync();

        var delivery = Assert.Single(fx.Receiver.Processed);
        Assert.True(delivery.SignatureValid);
        Assert.StartsWith("application/cloudevents+json", delivery.ContentType, StringComparison.Ordinal);
        var e = delivery.Json;
        Assert.Equal("1.0", e.GetProperty("specversion").GetString());
        Assert.Equal("cn.yn.complaints.case.referred", delivery.Type);
        Assert.Equal(delivery.EventId, delivery.Id);
        Assert.Equal(id.ToString(), e.GetProperty("subject").GetString());
        Assert.Equal(id.ToString(), delivery.Data.GetProperty("caseId").GetString());
        Assert.StartsWith("TS530102-", delivery.Data.GetProperty("trackingNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/v1/cases/{id}/documents/referral-form", delivery.Data.GetProperty("referralForm").GetString());
        Assert.Equal("pending_acceptance", delivery.Data.GetProperty("status").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", delivery.Data.GetProperty("acceptanceDue").GetString()!);

        var text = Encoding.UTF8.GetString(delivery.Body);
        foreach (var personal in new[] { "李明", "53010219880119123X", "13812345678", "citizen-li-ming" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.Ordinal);
        }

        // The 交办单 link works for the agency's own system.
        var form = await (await fx.Host.ClientAsync("agency_system")).GetAsync(delivery.Data.GetProperty("referralForm").GetString());
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task The_receiver_rejects_a_tampered_body_and_a_replayed_timestamp_and_sees_a_redelivered_id_once()
    {
        var (_, secret) = await fx.SubscribeAsync(agencyId: Wuhua);
        await ReferredCaseAsync();
        await fx.DrainAsync();
        var original = Assert.Single(fx.Receiver.Processed);
        var now = fx.Clock.GetUtcNow();
        Assert.True(WebhookSignature.Verify(original.Signature, original.Body, secret, now));

        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original.Body).Replace("pending_acceptance", "concluded", StringComparison.Ordinal));
        Assert.False(WebhookSignature.Verify(original.Signature, tampered, secret, now));
        Assert.False(WebhookSignature.Verify(original.Signature, original.Body, "another-secret-another-secret-0123", now));
        Assert.False(WebhookSignature.Verify(original.Signature, original.Body, secret, now + TimeSpan.FromMinutes(6)));

        // The same checks at the receiver, over HTTP: a tampered body, then the untouched bytes replayed 6 minutes later.
        using var http = new HttpClient();
        async Task<HttpStatusCode> PostAsync(byte[] body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, fx.Receiver.Url) { Content = new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation(WebhookSignature.Header, original.Signature);
            return (await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(tampered));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(original.Body)); // within 5 minutes: a duplicate id, acknowledged and dropped
        fx.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(original.Body));
        Assert.Single(fx.Receiver.Processed);
    }

    [Fact]
    public async Task A_failing_receiver_gets_retries_with_backoff_under_one_event_id_then_a_dead_letter_an_admin_can_replay()
    {
        var (subscription, _) = await fx.SubscribeAsync(agencyId: Wuhua);
        fx.Receiver.Respond = _ => 503;
        await ReferredCaseAsync();
        await fx.DrainAsync();
        var pending = Assert.Single(await fx.EventsAsync());
        Assert.Equal((OutboxStatus.Pending, 1), (pending.Status, pending.Attempts));
        Assert.True(pending.NextAttemptAt > fx.Clock.GetUtcNow(), "retried later, not at once");

        for (var attempt = 2; attempt <= AgencySystemsFixture.MaxAttempts; attempt++)
        {
            fx.Clock.Advance(TimeSpan.FromHours(1));
            await fx.DrainAsync();
        }

        var dead = Assert.Single(await fx.EventsAsync());
        Assert.Equal((OutboxStatus.Failed, AgencySystemsFixture.MaxAttempts), (dead.Status, dead.Attempts));
        Assert.Equal(AgencySystemsFixture.MaxAttempts, fx.Receiver.All.Count);
        Assert.All(fx.Receiver.All, d => Assert.Equal(dead.Id.ToString(), d.Id));

        var admin = await fx.Host.ClientAsync("admin");
        var letters = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/admin/webhooks/dead-letters?subscriptionId={subscription}")).RootElement;
        var letter = Assert.Single(letters.EnumerateArray());
        Assert.Equal(dead.Id, letter.GetProperty("id").GetGuid());
        Assert.Equal("cn.yn.complaints.case.referred", letter.GetProperty("type").GetString());
        Assert.Equal("HTTP 503", letter.GetProperty("lastError").GetString());

        fx.Receiver.Respond = _ => 200;
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/admin/webhooks/deliveries/{dead.Id}/replay", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/admin/webhooks/deliveries/{dead.Id}/replay", null)).StatusCode);
        await fx.DrainAsync();
        Assert.Equal(dead.Id.ToString(), Assert.Single(fx.Receiver.Processed).Id);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await fx.EventsAsync()).Status);
        Assert.Empty(JsonDocument.Parse(await admin.GetStringAsync("/api/v1/admin/webhooks/dead-letters")).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Two_dispatchers_deliver_every_event_once_and_each_cases_events_in_order()
    {
        const int cases = 4;
        const int perCase = 8;
        await fx.SubscribeAsync(agencyId: Wuhua);
        var ids = new List<Guid>();
        for (var i = 0; i < cases; i++)
        {
            ids.Add(await ReferredCaseAsync());
        }

        // More events per case than one batch holds, raised in one unit of work per case as handlers do.
        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            foreach (var id in ids)
            {
                for (var n = 1; n < perCase; n++)
                {
                    await AgencyEvents.RaiseAsync(db, Party.Agency(Wuhua), NotificationKind.MaterialsAdded, id, "TS", new Dictionary<string, string?> { ["evidenceCount"] = $"{n}" },
                        fx.Clock.GetUtcNow(), CancellationToken.None);
                }

                await db.SaveChangesAsync();
            }
        }

        // A short wait at the receiver keeps both dispatchers in flight at once.
        fx.Receiver.Delay = TimeSpan.FromMilliseconds(10);
        var other = ActivatorUtilities.CreateInstance<OutboxDispatcher>(fx.Host.Services);
        var passes = await Task.WhenAll(new[] { fx.Dispatcher, other }.Select(d => Task.Run(async () =>
        {
            var worked = 0;
            for (var idle = 0; idle < 10;)
            {
                var n = await d.DispatchOnceAsync(CancellationToken.None);
                worked += n;
                idle = n == 0 ? idle + 1 : 0;
                await Task.Delay(n == 0 ? 20 : 0);
            }

            return worked;
        })));

        var all = fx.Receiver.All.ToList();
        Assert.Equal(cases * perCase, all.Count);
        Assert.Equal(cases * perCase, all.Select(d => d.Id).Distinct().Count());
        Assert.All(all, d => Assert.True(d.SignatureValid && !d.Duplicate));
        Assert.True(passes.All(n => n > 0), $"both dispatchers delivered: {string.Join(',', passes)}");
        foreach (var group in all.GroupBy(d => d.Data.GetProperty("caseId").GetString()))
        {
            var sequences = group.Select(d => d.Sequence).ToList();
            Assert.Equal(sequences.Order(), sequences);
            Assert.Equal("cn.yn.complaints.case.referred", group.First().Type);
        }
    }

    [Fact]
    public async Task After_a_rotation_both_secrets_sign_until_the_grace_period_ends()
    {
        var (id, oldSecret) = await fx.SubscribeAsync(agencyId: Wuhua);
        var admin = await fx.Host.ClientAsync("admin");
        var rotated = await admin.PostAsJsonAsync($"/api/v1/admin/webhooks/{id}/secret-rotation", new { gracePeriod = "01:00:00" });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = JsonDocument.Parse(await rotated.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);

        await ReferredCaseAsync();
        await fx.DrainAsync();
        var during = Assert.Single(fx.Receiver.Processed);
        Assert.Equal(2, during.Signature!.Split(",v1=").Length - 1);
        Assert.True(WebhookSignature.Verify(during.Signature, during.Body, oldSecret, fx.Clock.GetUtcNow()));
        Assert.True(WebhookSignature.Verify(during.Signature, during.Body, newSecret, fx.Clock.GetUtcNow()));

        fx.Clock.Advance(TimeSpan.FromHours(2));
        fx.Receiver.Reset(newSecret);
        await ReferredCaseAsync();
        await fx.DrainAsync();
        var after = Assert.Single(fx.Receiver.Processed);
        Assert.False(WebhookSignature.Verify(after.Signature, after.Body, oldSecret, fx.Clock.GetUtcNow()));
        Assert.True(WebhookSignature.Verify(after.Signature, after.Body, newSecret, fx.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_submission_reaches_the_subscriptions_of_its_receiver_read_with_its_tracking_number_and_no_others()
    {
        // The draw of a submission's tracking number also reads the subscriptions its case-received event goes to.
        var (department, _) = await fx.SubscribeAsync(regionCode: "530102");
        var (agency, _) = await fx.SubscribeAsync(agencyId: Wuhua);
        var (inactive, _) = await fx.SubscribeAsync(regionCode: "530102");
        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().WebhookSubscriptions.Where(s => s.Id == inactive)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Active, false));
        }

        var flow = new CaseFlow(fx.Host);
        var online = await flow.SubmitOnlineAsync("citizen"); // received by the department of the agency's region, for referral
        var direct = (await (await flow.As("agency_system")).SubmitAsync(ComplaintBodies.Registered("in_person", ComplaintBodies.Person()))).GetProperty("id").GetGuid();

        await using (var scope = fx.Host.Services.CreateAsyncScope())
        {
            var outbox = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().NotificationOutbox.AsNoTracking()
                .Where(m => m.Kind == NotificationKind.CaseReceived).Select(m => new { m.CaseId, m.SubscriptionId }).ToListAsync();
            Assert.Equal(new[] { (online, department), (direct, agency) },
                outbox.Select(m => (m.CaseId!.Value, m.SubscriptionId!.Value)).OrderBy(m => m.Item1 == direct));
        }
    }

    [Fact]
    public async Task A_pooled_context_forgets_the_subscriptions_its_last_request_read()
    {
        // Every context in the pool returned having read that the agency has no subscription...
        var scopes = Enumerable.Range(0, 32).Select(_ => fx.Host.Services.CreateAsyncScope()).ToList();
        foreach (var scope in scopes)
        {
            scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().SubscriptionsRead[Party.Agency(Wuhua)] = [];
        }

        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        // ...then the agency subscribes: the next referral to it, on whichever pooled context, reaches it.
        await fx.SubscribeAsync(agencyId: Wuhua);
        var id = await ReferredCaseAsync();
        await fx.DrainAsync();
        Assert.Contains(fx.Receiver.Processed, d => d.Type == "cn.yn.complaints.case.referred" && d.Data.GetProperty("caseId").GetString() == id.ToString());
    }

    [Fact]
    public async Task Complainant_actions_and_supervision_reach_the_agency_and_its_department_第十三条_第十六条()
    {
        await fx.SubscribeAsync(agencyId: Wuhua);
        await fx.SubscribeAsync(regionCode: "530102");
        var flow = new CaseFlow(fx.Host);

        // Received directly by the agency (registered by its own system), and received by the department for referral.
        var direct = (await (await flow.As("agency_system")).SubmitAsync(ComplaintBodies.Registered("in_person", ComplaintBodies.Person()))).GetProperty("id").GetGuid();
        var online = await flow.SubmitOnlineAsync("citizen2");

        // Merged, concluded, rated 不满意, rectification ordered, spot-checked.
        var into = await ReferredCaseAsync();
        await flow.ActAsync("agency_staff", into, "acceptance", new { decision = "accept", classification = "offsite" });
        await flow.ActAsync("agency_staff", direct, "acceptance", new { decision = "accept", classification = "offsite" });
        await flow.ActAsync("agency_staff", direct, "merge", new { intoCaseId = into });
        await flow.ActAsync("agency_staff", into, "conclusion", new { finding = "substantiated", result = "已批评教育并整改" });
        var rated = await (await flow.As("citizen")).PostAsJsonAsync($"/api/v1/complaints/{into}/satisfaction", new { rating = "dissatisfied" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var today = DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(8).DateTime);
        await flow.ActAsync("management_staff", into, "rectification", new { requirement = "加强窗口培训", dueDate = today.AddDays(30).ToString("yyyy-MM-dd") });
        var drawn = await (await flow.As("management_staff")).PostAsJsonAsync("/api/v1/spot-checks", new { regionCode = "530102", from = "2026-01-01", to = today.ToString("yyyy-MM-dd"), sampleSize = 50 });
        Assert.Equal(HttpStatusCode.Created, drawn.StatusCode);

        await fx.DrainAsync();
        var events = fx.Receiver.Processed.Select(d => (d.Type, Case: d.Data.TryGetProperty("caseId", out var c) ? c.GetString() : null,
            Rating: d.Data.TryGetProperty("rating", out var r) ? r.GetString() : null)).ToList();
        Assert.Contains(("cn.yn.complaints.case.received", direct.ToString(), (string?)null), events);
        Assert.Contains(("cn.yn.complaints.case.received", online.ToString(), (string?)null), events);
        Assert.Contains(("cn.yn.complaints.case.merged", direct.ToString(), (string?)null), events);
        Assert.Equal(2, events.Count(e => e == ("cn.yn.complaints.case.rated_dissatisfied", into.ToString(), "dissatisfied"))); // agency and department
        Assert.Contains(("cn.yn.complaints.case.rectification_ordered", into.ToString(), (string?)null), events);
        Assert.Contains(("cn.yn.complaints.case.spot_check_drawn", into.ToString(), (string?)null), events);
    }
}
