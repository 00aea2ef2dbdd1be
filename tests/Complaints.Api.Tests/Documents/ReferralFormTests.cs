using System.Net;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;
using Complaints.Domain.Deadlines;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Documents;

[Collection(ApiCollection.Name)]
public sealed class ReferralFormTests(AppFixture app)
{
    private readonly DocumentCases _cases = new(app);

    [Fact]
    public async Task Before_referral_there_is_no_referral_form_第十条()
    {
        var complaint = await _cases.SubmitAsync();
        var response = await _cases.GetAsync("management_staff", complaint.Id, "referral-form");
        var problem = await DocumentCases.ProblemAsync(response, HttpStatusCode.Conflict, "document.not_available");
        Assert.Contains("待交办", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complaint_an_agency_received_directly_never_has_a_referral_form_第十条()
    {
        var staff = await app.Host.ClientAsync("agency_staff");
        var id = (await staff.SubmitAsync(Registered("in_person", Person()))).GetProperty("id").GetGuid();
        var response = await _cases.GetAsync("agency_staff", id, "referral-form");
        var problem = await DocumentCases.ProblemAsync(response, HttpStatusCode.Conflict, "document.not_available");
        Assert.Contains("直接接收", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_referral_form_names_both_parties_and_the_deadlines_of_第十条_and_第十一条()
    {
        var complaint = await _cases.SubmitAsync();
        await _cases.ReferAsync(complaint.Id);
        var (referralDue, acceptanceDue) = await _cases.ReadAsync(complaint.Id, (c, calendar) =>
            (DeadlineRules.Referral(calendar, c.ReceivedAt).Due, DeadlineRules.Acceptance(calendar, c.ReferredAt!.Value).Due));

        var form = await _cases.JsonAsync("agency_staff", complaint.Id, "referral-form");

        Assert.Equal(complaint.TrackingNumber, form.GetProperty("trackingNumber").GetString());
        Assert.Equal("online_app", form.GetProperty("channel").GetString());
        Assert.EndsWith("+08:00", form.GetProperty("receivedAt").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("+08:00", form.GetProperty("referredAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("530102", form.GetProperty("referredBy").GetProperty("regionCode").GetString());
        Assert.Equal("五华区政务服务管理局", form.GetProperty("referredBy").GetProperty("name").GetString());
        Assert.Equal(WuhuaMarket, form.GetProperty("referredTo").GetProperty("id").GetGuid());
        Assert.Equal("五华区市场监督管理局", form.GetProperty("referredTo").GetProperty("name").GetString());
        Assert.Equal("五华区市场监督管理局", form.GetProperty("respondent").GetProperty("agencyName").GetString());
        Assert.Equal("A12", form.GetProperty("respondent").GetProperty("windowNumber").GetString());
        Assert.Equal("个体工商户设立登记", form.GetProperty("serviceItem").GetProperty("name").GetString());
        Assert.Equal(referralDue.ToString("yyyy-MM-dd"), form.GetProperty("referralDue").GetString());
        Assert.Equal(acceptanceDue.ToString("yyyy-MM-dd"), form.GetProperty("acceptanceDue").GetString());
        Assert.True(form.GetProperty("referredOnTime").GetBoolean());
        Assert.Equal("请依法依规处理并按期反馈。", form.GetProperty("referralNote").GetString());
    }

    [Fact]
    public async Task The_complainant_appears_masked_and_nothing_encrypted_leaves_the_server()
    {
        var complaint = await _cases.SubmitAsync();
        await _cases.ReferAsync(complaint.Id);

        foreach (var persona in new[] { "management_staff", "management_officer", "agency_staff", "agency_officer" })
        {
            var form = await _cases.JsonAsync(persona, complaint.Id, "referral-form");
            var complainant = form.GetProperty("complainant");
            Assert.Equal("李明", complainant.GetProperty("name").GetString());
            Assert.Equal("530102********123X", complainant.GetProperty("idNumberMasked").GetString());
            Assert.Equal("138****5678", complainant.GetProperty("phoneMasked").GetString());
            Assert.False(complainant.GetProperty("withheld").GetBoolean());
            var raw = form.GetRawText();
            Assert.DoesNotContain("53010219880119123X", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("13812345678", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("v1:", raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_referral_form_prints_as_a_PDF_whose_text_carries_the_tracking_number()
    {
        var complaint = await _cases.SubmitAsync();
        await _cases.ReferAsync(complaint.Id);

        var response = await _cases.GetAsync("agency_staff", complaint.Id, "referral-form", "application/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", DocumentCases.ContentType(response)?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(complaint.TrackingNumber, text, StringComparison.Ordinal);
        Assert.Contains("政务服务投诉交办单", text, StringComparison.Ordinal);
        Assert.Contains("五华区市场监督管理局", text, StringComparison.Ordinal);
        Assert.Contains("138****5678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
    }
}
