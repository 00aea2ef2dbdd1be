using System.Net;
using Complaints.Api.Documents;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Cases;

namespace Complaints.Api.Tests.Documents;

[Collection(ApiCollection.Name)]
public sealed class DocumentAccessTests(AppFixture app)
{
    private readonly DocumentCases _cases = new(app);

    [Theory]
    [InlineData("referral-form")]
    [InlineData("acceptance-notice")]
    [InlineData("registration-form")]
    public async Task Another_agency_gets_404_as_if_the_case_did_not_exist_第五条(string kind)
    {
        var complaint = await _cases.SubmitAsync();
        await _cases.ReferAsync(complaint.Id);
        await _cases.AcceptAsync(complaint.Id, Classification.Offsite);

        var theirs = await _cases.GetAsync("other_agency_staff", complaint.Id, kind, "application/pdf");
        var missing = await _cases.GetAsync("agency_staff", Guid.NewGuid(), kind);

        await DocumentCases.ProblemAsync(theirs, HttpStatusCode.NotFound, "complaint.not_found");
        await DocumentCases.ProblemAsync(missing, HttpStatusCode.NotFound, "complaint.not_found");
        Assert.Equal(await Detail(missing), await Detail(theirs));
    }

    [Fact]
    public async Task The_province_sees_the_forms_of_every_region_below_it_第五条()
    {
        var complaint = await _cases.SubmitAsync();
        var form = await _cases.JsonAsync("province_management", complaint.Id, "registration-form");
        Assert.Equal(complaint.TrackingNumber, form.GetProperty("trackingNumber").GetString());
    }

    [Theory]
    [InlineData("citizen")]
    [InlineData("hotline_operator")]
    [InlineData("admin")]
    public async Task Only_casework_roles_read_the_forms(string persona)
    {
        var complaint = await _cases.SubmitAsync();
        var response = await _cases.GetAsync(persona, complaint.Id, "registration-form");
        await DocumentCases.ProblemAsync(response, HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Without_a_token_the_forms_are_401()
    {
        var complaint = await _cases.SubmitAsync();
        var response = await app.Host.Server.CreateClient().GetAsync($"/api/v1/cases/{complaint.Id}/documents/registration-form");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_confidential_complainant_is_shown_to_named_officers_and_withheld_from_other_staff_第九条()
    {
        var complaint = await _cases.SubmitAsync(body => body["confidential"] = true);
        await _cases.ReferAsync(complaint.Id);

        foreach (var officer in new[] { "agency_officer", "management_officer" })
        {
            var form = await _cases.JsonAsync(officer, complaint.Id, "referral-form");
            Assert.True(form.GetProperty("confidential").GetBoolean());
            Assert.Equal("李明", form.GetProperty("complainant").GetProperty("name").GetString());
            Assert.Equal("138****5678", form.GetProperty("complainant").GetProperty("phoneMasked").GetString());
        }

        // Staff who are not officers see the case, but not who complained (第九条).
        foreach (var staff in new[] { "agency_staff", "management_staff" })
        {
            var form = await _cases.JsonAsync(staff, complaint.Id, "referral-form");
            Assert.Equal("保密", form.GetProperty("complainant").GetProperty("name").GetString());
            var html = await (await _cases.GetAsync(staff, complaint.Id, "referral-form", "text/html")).Content.ReadAsStringAsync();
            Assert.Contains("保密", html, StringComparison.Ordinal);
            Assert.DoesNotContain("李明", html, StringComparison.Ordinal);
            Assert.DoesNotContain("138****5678", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void On_a_form_for_anyone_but_an_officer_a_confidential_complainant_is_保密_第九条()
    {
        var recorded = new ComplainantSnapshot(ComplainantType.Person, "李明", IdType.ResidentId, "v1:ciphertext", "v1:ciphertext", null, RealNameVerified: true);

        var forStaff = DocumentComplainant.For(recorded, "530102********123X", "138****5678", confidential: true, readerIsOfficer: false);
        var forOfficer = DocumentComplainant.For(recorded, "530102********123X", "138****5678", confidential: true, readerIsOfficer: true);
        var notConfidential = DocumentComplainant.For(recorded, "530102********123X", "138****5678", confidential: false, readerIsOfficer: false);

        Assert.Equal(new DocumentComplainant(null, "保密", null, null, null, null, Withheld: true), forStaff);
        Assert.Equal("李明", forOfficer.Name);
        Assert.Equal("530102********123X", forOfficer.IdNumberMasked);
        Assert.Equal("138****5678", notConfidential.PhoneMasked);
    }

    private static async Task<string?> Detail(HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
}
