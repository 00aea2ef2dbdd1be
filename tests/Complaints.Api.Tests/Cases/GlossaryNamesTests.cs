using System.Net;
using System.Net.Http.Json;
using Complaints.Api.Tests.Complaints;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Cases;

/// <summary>
/// #15 item 7 (docs/glossary.md): the wire names renamed before any release are not accepted any more; a request that
/// still sends one is refused like any unknown value, naming the field. (Each old name sits on a line that says
/// "formerly", which the rename script leaves alone.)
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GlossaryNamesTests(AppFixture app)
{
    [Fact]
    public async Task The_names_used_before_the_glossary_are_refused_naming_the_field()
    {
        var flow = new CaseFlow(app.Host);
        var officer = await flow.As("agency_officer");
        var today = ChinaTime.DateOf(app.Clock.GetUtcNow()).ToString("yyyy-MM-dd");

        var submitted = await officer.PostAsJsonAsync("/api/v1/complaints", Registered("onsite", Person())); // formerly 现场投诉
        await SubmissionTests.AssertProblemAsync(submitted, HttpStatusCode.BadRequest, "request.malformed", "channel");

        var pending = (await officer.SubmitAsync(Registered("in_person", Person()))).GetProperty("id").GetGuid();
        var decided = await officer.PostAsJsonAsync($"/api/v1/cases/{pending}/acceptance", new { decision = "reject", reason = "other_legal_channel" }); // formerly 不予受理
        await SubmissionTests.AssertProblemAsync(decided, HttpStatusCode.BadRequest, "request.malformed", "decision");

        var concluded = await flow.AcceptedAsync("offsite");
        await flow.ActAsync("agency_staff", concluded, "conclusion", new { finding = "substantiated", result = "已办结。" });
        var revisit = await (await flow.As("agency_staff")).PostAsJsonAsync($"/api/v1/cases/{concluded}/revisit", new { method = "on_site", rating = "satisfied" }); // formerly 现场回访
        await SubmissionTests.AssertProblemAsync(revisit, HttpStatusCode.BadRequest, "request.malformed", "method");
        var delivery = await (await flow.As("agency_staff")).PostAsJsonAsync($"/api/v1/cases/{concluded}/notice-delivery", new { method = "on_site", deliveredOn = today }); // formerly 现场领取
        await SubmissionTests.AssertProblemAsync(delivery, HttpStatusCode.BadRequest, "request.malformed", "method");
    }
}
