using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Complaints;

[Collection(ApiCollection.Name)]
public sealed class SubmissionTests(AppFixture app)
{
    [Fact]
    public async Task An_online_complaint_takes_the_identity_from_the_token_and_goes_to_the_management_department_第五条_第七条()
    {
        var client = await app.Host.ClientAsync("citizen");
        var created = await client.SubmitAsync(Online());

        Assert.Equal("pending_referral", created.GetProperty("status").GetString());
        Assert.Matches("^TS530102-\\d{8}-\\d{5}$", created.GetProperty("trackingNumber").GetString());
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", created.GetProperty("queryCode").GetString());
        Assert.EndsWith("+08:00", created.GetProperty("receivedAt").GetString(), StringComparison.Ordinal);
        Assert.True(created.GetProperty("deadlines").TryGetProperty("referralDue", out _));

        var stored = await LoadAsync(created.GetProperty("id").GetGuid());
        Assert.Equal("李明", stored.Complainant.Name);
        Assert.True(stored.Complainant.RealNameVerified);
        Assert.Equal("530102", stored.ReceivingRegionCode);
        Assert.Equal("citizen-li-ming", stored.ComplainantUserId);
    }

    [Fact]
    public async Task An_enterprise_complains_as_an_organisation_with_its_credit_code()
    {
        var client = await app.Host.ClientAsync("enterprise");
        var created = await client.SubmitAsync(Online(channel: "online_portal"));
        var stored = await LoadAsync(created.GetProperty("id").GetGuid());
        Assert.Equal(ComplainantType.Organization, stored.Complainant.Type);
        Assert.Equal(IdType.Uscc, stored.Complainant.IdType);
    }

    [Fact]
    public async Task A_complainant_in_the_body_of_an_online_complaint_is_refused_and_never_stored()
    {
        var client = await app.Host.ClientAsync("citizen");
        var body = Registered("online_app", Person());
        var response = await client.PostAsJsonAsync("/api/v1/complaints", body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.validation_failed", "complainant");
    }

    [Fact]
    public async Task Citizens_may_not_use_channels_that_staff_register_第六条()
    {
        var client = await app.Host.ClientAsync("citizen");
        var response = await client.PostAsJsonAsync("/api/v1/complaints", Online(channel: "letter"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, ComplaintErrors.ChannelNotAllowed, "channel");
    }

    [Fact]
    public async Task Staff_may_not_submit_on_an_online_channel_第六条()
    {
        var client = await app.Host.ClientAsync("hotline_operator");
        var response = await client.PostAsJsonAsync("/api/v1/complaints", Registered("online_app", Person()));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, ComplaintErrors.ChannelNotAllowed, "channel");
    }

    [Fact]
    public async Task A_hotline_operator_registers_a_phone_complaint_with_the_complainants_data_第六条()
    {
        var client = await app.Host.ClientAsync("hotline_operator");
        var created = await client.SubmitAsync(Registered("phone_12345", Person()));
        Assert.Equal("pending_referral", created.GetProperty("status").GetString());
        var stored = await LoadAsync(created.GetProperty("id").GetGuid());
        Assert.Equal("王芳", stored.Complainant.Name);
        Assert.True(stored.Complainant.RealNameVerified);
        Assert.Null(stored.ComplainantUserId);
    }

    [Fact]
    public async Task A_missing_id_number_is_allowed_and_marked_not_real_name_verified_第七条()
    {
        var client = await app.Host.ClientAsync("hotline_operator");
        var created = await client.SubmitAsync(Registered("phone_12345", Person(idNumber: null)));
        var stored = await LoadAsync(created.GetProperty("id").GetGuid());
        Assert.False(stored.Complainant.RealNameVerified);
        Assert.Null(stored.Complainant.IdNumber);
    }

    [Theory]
    [InlineData("530103199205164325", "identity.resident_id_check_digit")]
    [InlineData("53010319920516432", "identity.invalid_resident_id")]
    [InlineData("530103920516432", "identity.resident_id_15_digit")]
    [InlineData("99010319920516432X", "identity.resident_id_region")]
    [InlineData("530103209905164321", "identity.resident_id_birth_date")]
    public async Task A_wrong_id_number_is_a_400_naming_the_field_第七条(string idNumber, string code)
    {
        var client = await app.Host.ClientAsync("hotline_operator");
        var response = await client.PostAsJsonAsync("/api/v1/complaints", Registered("phone_12345", Person(idNumber: idNumber)));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, code, "complainant.idNumber");
    }

    [Fact]
    public async Task A_wrong_credit_code_of_an_organisation_is_a_400_naming_the_field_第七条()
    {
        var client = await app.Host.ClientAsync("management_staff");
        var organisation = new { type = "organization", name = "某某公司", idNumber = "91530100MA6K3L2P7H", phone = "0871-65123456" };
        var response = await client.PostAsJsonAsync("/api/v1/complaints", Registered("letter", organisation));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "identity.uscc_check_character", "complainant.idNumber");
    }

    [Fact]
    public async Task A_wrong_phone_number_is_a_400_naming_the_field_第七条()
    {
        var client = await app.Host.ClientAsync("hotline_operator");
        var response = await client.PostAsJsonAsync("/api/v1/complaints", Registered("phone_12345", Person(phone: "12345")));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "identity.invalid_phone", "complainant.phone");
    }

    [Theory]
    [InlineData("request", "request.validation_failed", "request")]
    [InlineData("facts", "request.validation_failed", "facts")]
    [InlineData("serviceItem", "request.validation_failed", "serviceItem")]
    [InlineData("respondent", "request.validation_failed", "respondent")]
    [InlineData("channel", "request.validation_failed", "channel")]
    public async Task Each_required_part_of_the_materials_is_named_when_missing_第七条(string omitted, string code, string field)
    {
        // A complainant of their own: nothing stored under them means nothing was half-written.
        var (client, subject) = (await TestRemit.CreateAsync(app.Host)).NewComplainant();
        var body = Online();
        body.Remove(omitted);
        var response = await client.PostAsJsonAsync("/api/v1/complaints", body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, code, field);
        Assert.Equal(0, await CountAsync(subject));
    }

    [Fact]
    public async Task An_unknown_respondent_agency_is_a_400_naming_the_field()
    {
        var client = await app.Host.ClientAsync("citizen");
        var response = await client.PostAsJsonAsync("/api/v1/complaints", Online(Guid.NewGuid()));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.validation_failed", "respondent.agencyId");
    }

    [Fact]
    public async Task An_unknown_channel_is_a_400_naming_the_field()
    {
        var client = await app.Host.ClientAsync("citizen");
        var body = Online();
        body["channel"] = "carrier_pigeon";
        var response = await client.PostAsJsonAsync("/api/v1/complaints", body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.malformed", "channel");
    }

    [Fact]
    public async Task At_most_nine_evidence_items_may_be_attached_第七条()
    {
        var client = await app.Host.ClientAsync("citizen");
        var body = Online();
        body["evidenceIds"] = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        var response = await client.PostAsJsonAsync("/api/v1/complaints", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("evidenceIds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_that_is_not_the_callers_own_upload_is_refused()
    {
        var client = await app.Host.ClientAsync("citizen");
        var body = Online();
        body["evidenceIds"] = new[] { Guid.NewGuid() };
        var response = await client.PostAsJsonAsync("/api/v1/complaints", body);
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "request.validation_failed", "evidenceIds");
    }

    [Fact]
    public async Task An_agency_registers_a_complaint_about_itself_and_it_awaits_its_decision_第四条()
    {
        var client = await app.Host.ClientAsync("agency_staff");
        var created = await client.SubmitAsync(Registered("in_person", Person()));
        Assert.Equal("pending_acceptance", created.GetProperty("status").GetString());
        Assert.True(created.GetProperty("deadlines").TryGetProperty("acceptanceDue", out _));
    }

    [Fact]
    public async Task An_agency_may_not_register_a_complaint_about_another_agency_第四条()
    {
        var client = await app.Host.ClientAsync("other_agency_staff");
        var response = await client.PostAsJsonAsync("/api/v1/complaints", Registered("in_person", Person()));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Fifty_parallel_submissions_are_all_stored_with_distinct_tracking_numbers()
    {
        var client = await app.Host.ClientAsync("citizen2");
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.SubmitAsync(Online())));
        var numbers = results.Select(r => r.GetProperty("trackingNumber").GetString()).ToList();
        Assert.Equal(50, numbers.Distinct().Count());

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Equal(50, await db.Complaints.CountAsync(c => numbers.Contains(c.TrackingNumber)));
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, body.GetProperty("code").GetString());
        if (field is not null)
        {
            Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"errors does not name {field}: {text}");
        }
    }

    private async Task<Complaint> LoadAsync(Guid id)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        return await db.Complaints.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == id);
    }

    private async Task<int> CountAsync(string complainant)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().Complaints.CountAsync(c => c.ComplainantUserId == complainant);
    }
}
