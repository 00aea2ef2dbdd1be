using System.Net;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Documents;

[Collection(ApiCollection.Name)]
public sealed class DocumentFormatTests(AppFixture app)
{
    private readonly DocumentCases _cases = new(app);

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("text/html", "text/html")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html")]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("text/html;q=0.5, application/pdf", "application/pdf")]
    [InlineData("application/pdf;q=0, application/*", "application/json")]
    public async Task The_Accept_header_chooses_the_format(string? accept, string expected)
    {
        var complaint = await _cases.SubmitAsync();
        var response = await _cases.GetAsync("management_staff", complaint.Id, "registration-form", accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, DocumentCases.ContentType(response)?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_format_the_forms_do_not_come_in_is_406()
    {
        var complaint = await _cases.SubmitAsync();
        var response = await _cases.GetAsync("management_staff", complaint.Id, "registration-form", "image/png");
        await DocumentCases.ProblemAsync(response, HttpStatusCode.NotAcceptable, "document.not_acceptable");
    }

    [Fact]
    public async Task An_unknown_kind_of_document_is_a_404_problem_naming_the_kinds()
    {
        var complaint = await _cases.SubmitAsync();
        var response = await _cases.GetAsync("management_staff", complaint.Id, "complaint-letter");
        var problem = await DocumentCases.ProblemAsync(response, HttpStatusCode.NotFound, "document.unknown_kind");
        Assert.Contains("registration-form", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_HTML_form_is_a_printable_Chinese_A4_page_with_every_value_encoded()
    {
        var complaint = await _cases.SubmitAsync(body =>
        {
            body["request"] = "<script>alert('投诉')</script> 请求书面答复 & 道歉";
            body["serviceItem"] = new { code = "X\"1", name = "<b>个体工商户设立登记</b>" };
        });
        await _cases.ReferAsync(complaint.Id);

        var response = await _cases.GetAsync("agency_staff", complaint.Id, "referral-form", "text/html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", DocumentCases.ContentType(response)?.CharSet);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4; margin: 20mm }", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("政务服务投诉交办单", html, StringComparison.Ordinal);
        Assert.Contains(complaint.TrackingNumber, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;投诉&#39;)&lt;/script&gt; 请求书面答复 &amp; 道歉", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;个体工商户设立登记&lt;/b&gt;(X&quot;1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("138****5678", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_in_the_complaint_reaches_the_PDF_as_text()
    {
        var complaint = await _cases.SubmitAsync(body => body["request"] = "<script>alert(1)</script>");
        var response = await _cases.GetAsync("management_staff", complaint.Id, "registration-form", "application/pdf");
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
    }
}
