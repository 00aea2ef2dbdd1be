using System.Net;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;

namespace Complaints.Api.Tests.Documents;

[Collection(ApiCollection.Name)]
public sealed class AcceptanceNoticeTests(AppFixture app)
{
    private readonly DocumentCases _cases = new(app);

    [Fact]
    public async Task Before_the_decision_there_is_no_notice_第十一条()
    {
        var complaint = await _cases.SubmitAsync();
        await _cases.ReferAsync(complaint.Id);
        var response = await _cases.GetAsync("agency_staff", complaint.Id, "acceptance-notice", "application/pdf");
        var problem = await DocumentCases.ProblemAsync(response, HttpStatusCode.Conflict, "document.not_available");
        Assert.Contains("待受理", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acceptance_notice_gives_the_classification_and_the_handling_deadline_第十二条_第十三条()
    {
        var complaint = await _cases.SubmitAsync();
        await _cases.ReferAsync(complaint.Id);
        await _cases.AcceptAsync(complaint.Id, Classification.Offsite);
        var due = await _cases.ReadAsync(complaint.Id, (c, calendar) => c.HandlingDeadline(calendar)!.Due);

        var notice = await _cases.JsonAsync("agency_staff", complaint.Id, "acceptance-notice");

        Assert.Equal(complaint.TrackingNumber, notice.GetProperty("trackingNumber").GetString());
        Assert.Equal("accepted", notice.GetProperty("decision").GetString());
        Assert.Equal("offsite", notice.GetProperty("classification").GetString());
        Assert.Equal(due.ToString("yyyy-MM-dd"), notice.GetProperty("handlingDue").GetString());
        Assert.Equal("第十三条第(二)项", notice.GetProperty("handlingArticle").GetString());
        Assert.Equal("五华区市场监督管理局", notice.GetProperty("issuedBy").GetProperty("name").GetString());
        Assert.Equal(WuhuaMarketId, notice.GetProperty("issuedBy").GetProperty("agencyId").GetGuid());
        Assert.False(notice.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task The_acceptance_notice_prints_as_a_PDF_with_its_tracking_number_and_受理()
    {
        var complaint = await _cases.SubmitAsync();
        await _cases.ReferAsync(complaint.Id);
        await _cases.AcceptAsync(complaint.Id, Classification.Onsite);

        var response = await _cases.GetAsync("management_staff", complaint.Id, "acceptance-notice", "application/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(complaint.TrackingNumber, text, StringComparison.Ordinal);
        Assert.Contains("政务服务投诉受理/不予受理通知书", text, StringComparison.Ordinal); // 附件2's title (第十一条)
        Assert.Contains("■受理", text, StringComparison.Ordinal);
        Assert.Contains("□不予受理", text, StringComparison.Ordinal);
        Assert.Contains("现场处理类", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_notice_names_the_第八条_reason_and_the_case_it_duplicates()
    {
        var first = await _cases.SubmitAsync();
        await _cases.ReferAsync(first.Id);
        await _cases.AcceptAsync(first.Id, Classification.Offsite);
        var repeat = await _cases.SubmitAsync();
        await _cases.ReferAsync(repeat.Id);
        await _cases.RejectAsync(repeat.Id, NotAcceptedReason.AlreadyAcceptedOrInProgress, first.Id, "同一事项已在办理中,将一并反馈。");

        var notice = await _cases.JsonAsync("agency_staff", repeat.Id, "acceptance-notice");
        Assert.Equal("not_accepted", notice.GetProperty("decision").GetString());
        Assert.Equal("already_accepted_or_in_progress", notice.GetProperty("reason").GetString());
        Assert.Equal("第八条第(二)项 已经受理或者正在处理", notice.GetProperty("reasonText").GetString());
        Assert.Equal(first.TrackingNumber, notice.GetProperty("relatedTrackingNumber").GetString());
        Assert.Equal("同一事项已在办理中,将一并反馈。", notice.GetProperty("explanation").GetString());
        Assert.False(notice.TryGetProperty("handlingDue", out _));

        var html = await (await _cases.GetAsync("agency_staff", repeat.Id, "acceptance-notice", "text/html")).Content.ReadAsStringAsync();
        Assert.Contains("政务服务投诉受理/不予受理通知书", html, StringComparison.Ordinal);
        Assert.Contains("□受理  ■不予受理", html, StringComparison.Ordinal);
        Assert.Contains("第八条第(二)项", html, StringComparison.Ordinal);
        Assert.Contains("已经受理或者正在处理", html, StringComparison.Ordinal);
        Assert.Contains(first.TrackingNumber, html, StringComparison.Ordinal);

        var pdf = PdfText.Of(await (await _cases.GetAsync("agency_staff", repeat.Id, "acceptance-notice", "application/pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("不予受理", pdf, StringComparison.Ordinal);
        Assert.Contains(first.TrackingNumber, pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_without_a_related_case_leaves_it_out_第八条第一项()
    {
        var complaint = await _cases.SubmitAsync();
        await _cases.ReferAsync(complaint.Id);
        await _cases.RejectAsync(complaint.Id, NotAcceptedReason.OtherLegalChannel, null, null);

        var notice = await _cases.JsonAsync("agency_officer", complaint.Id, "acceptance-notice");
        Assert.Equal("第八条第(三)项 已经或者正在通过诉讼、仲裁、行政复议、调解等途径解决", notice.GetProperty("reasonText").GetString());
        Assert.False(notice.TryGetProperty("relatedTrackingNumber", out _));
    }

    private static Guid WuhuaMarketId => ComplaintBodies.WuhuaMarket;
}
