using System.Net;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Cases;

namespace Complaints.Api.Tests.Documents;

[Collection(ApiCollection.Name)]
public sealed class RegistrationFormTests(AppFixture app)
{
    private readonly DocumentCases _cases = new(app);

    [Fact]
    public async Task The_registration_form_exists_from_receipt_on_第十七条()
    {
        var complaint = await _cases.SubmitAsync();
        var form = await _cases.JsonAsync("management_staff", complaint.Id, "registration-form");
        Assert.Equal(complaint.TrackingNumber, form.GetProperty("trackingNumber").GetString());
        Assert.Equal("pending_referral", form.GetProperty("status").GetString());
        Assert.Equal("pending", form.GetProperty("acceptanceDecision").GetString());
        Assert.True(form.GetProperty("deadlines").TryGetProperty("referralDue", out _));
    }

    [Fact]
    public async Task The_registration_form_of_a_concluded_case_records_the_whole_handling_第十七条()
    {
        var complaint = await _cases.SubmitAsync();
        await _cases.ReferAsync(complaint.Id);
        await _cases.AcceptAsync(complaint.Id, Classification.Onsite);
        await _cases.ConcludeAsync(complaint.Id);

        var form = await _cases.JsonAsync("agency_staff", complaint.Id, "registration-form");

        Assert.Equal("concluded", form.GetProperty("status").GetString());
        Assert.Equal("accepted", form.GetProperty("acceptanceDecision").GetString());
        Assert.Equal("onsite", form.GetProperty("classification").GetString());
        Assert.Equal("五华区市场监督管理局", form.GetProperty("handlingAgency").GetProperty("name").GetString());
        Assert.Equal("partially_substantiated", form.GetProperty("finding").GetString());
        Assert.False(form.GetProperty("isInvalidComplaint").GetBoolean());
        Assert.Equal("已责令窗口工作人员改正并向投诉人致歉。", form.GetProperty("result").GetString());
        Assert.Equal("加强窗口服务规范培训。", form.GetProperty("measures").GetString());
        Assert.EndsWith("+08:00", form.GetProperty("concludedAt").GetString(), StringComparison.Ordinal);
        Assert.Equal("530102********123X", form.GetProperty("complainant").GetProperty("idNumberMasked").GetString());
        Assert.DoesNotContain("v1:", form.GetRawText(), StringComparison.Ordinal);

        var pdf = await _cases.GetAsync("agency_staff", complaint.Id, "registration-form", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(complaint.TrackingNumber, text, StringComparison.Ordinal);
        Assert.Contains("政务服务投诉处理情况登记表", text, StringComparison.Ordinal);
        Assert.Contains("部分属实", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_longer_than_a_page_continue_on_the_next_with_the_tracking_number_on_every_page()
    {
        var facts = string.Concat(Enumerable.Repeat("工作人员拒绝解释材料要求并态度恶劣,", 600));
        var complaint = await _cases.SubmitAsync(body => body["facts"] = facts[..9_990]);

        var response = await _cases.GetAsync("management_staff", complaint.Id, "registration-form", "application/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pages = PdfText.Pages(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.All(pages, page => Assert.Contains(complaint.TrackingNumber, page, StringComparison.Ordinal));
        Assert.Contains($"共 {pages.Count} 页", pages[^1], StringComparison.Ordinal);
    }
}
