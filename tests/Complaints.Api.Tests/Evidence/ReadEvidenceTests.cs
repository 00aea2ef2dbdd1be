using Alba;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Evidence;

[Collection(ApiCollection.Name)]
public sealed class ReadEvidenceTests(AppFixture app)
{
    [Fact]
    public async Task The_uploader_gets_the_file_with_its_content_type_and_safe_headers()
    {
        var token = await app.Host.ForAsync("citizen");
        var body = await app.Host.UploadOkAsync(token, EvidenceSamples.Pdf(), "receipt.pdf");
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url($"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}");
            s.WithToken(token);
            s.StatusCodeShouldBeOk();
            s.ContentTypeShouldBe("application/pdf");
            s.Header("X-Content-Type-Options").SingleValueShouldEqual("nosniff");
            s.Header("Cache-Control").SingleValueShouldEqual("private, no-store");
        });
        Assert.Equal($"\"{body.GetProperty("sha256").GetString()}\"", result.Context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Another_citizen_gets_the_same_404_as_for_an_id_that_does_not_exist()
    {
        var owner = await app.Host.ForAsync("citizen");
        var stranger = await app.Host.ForAsync("citizen2");
        var body = await app.Host.UploadOkAsync(owner, EvidenceSamples.Jpeg(64, 64), "photo.jpg");
        var id = body.GetProperty("id").GetString();

        var details = new List<string>();
        foreach (var url in new[] { $"{EvidenceUploads.Url}/{id}", $"{EvidenceUploads.Url}/{id}/thumbnail", $"{EvidenceUploads.Url}/{Guid.NewGuid()}" })
        {
            var result = await app.Host.Scenario(s => { s.Get.Url(url); s.WithToken(stranger); s.StatusCodeShouldBe(404); });
            var problem = await result.ShouldBeProblemAsync("resource.not_found");
            details.Add(problem.GetProperty("detail").GetString()!);
        }

        Assert.Single(details.Distinct());
    }

    [Fact]
    public async Task Staff_cannot_read_an_unattached_upload_of_a_citizen()
    {
        var owner = await app.Host.ForAsync("citizen");
        var staff = await app.Host.ForAsync("agency_officer");
        var body = await app.Host.UploadOkAsync(owner, EvidenceSamples.Pdf(), "receipt.pdf");
        var result = await app.Host.Scenario(s => { s.Get.Url($"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}"); s.WithToken(staff); s.StatusCodeShouldBe(404); });
        await result.ShouldBeProblemAsync("resource.not_found");
    }

    [Fact]
    public async Task A_pdf_has_no_thumbnail()
    {
        var token = await app.Host.ForAsync("citizen");
        var body = await app.Host.UploadOkAsync(token, EvidenceSamples.Pdf(), "receipt.pdf");
        var result = await app.Host.Scenario(s => { s.Get.Url($"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}/thumbnail"); s.WithToken(token); s.StatusCodeShouldBe(404); });
        await result.ShouldBeProblemAsync("resource.not_found");
    }

    [Fact]
    public async Task A_small_image_keeps_its_size_in_the_thumbnail()
    {
        var token = await app.Host.ForAsync("citizen");
        var body = await app.Host.UploadOkAsync(token, EvidenceSamples.Jpeg(200, 100), "photo.jpg");
        var (thumbnail, contentType) = await app.Host.DownloadAsync(token, $"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}/thumbnail");
        Assert.Equal("image/jpeg", contentType);
        var info = SixLabors.ImageSharp.Image.Identify(thumbnail);
        Assert.Equal((200, 100), (info.Width, info.Height));
    }

    [Fact]
    public async Task Reading_without_a_token_is_a_401_problem()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url($"{EvidenceUploads.Url}/{Guid.NewGuid()}"); s.StatusCodeShouldBe(401); });
        await result.ShouldBeProblemAsync("auth.unauthenticated");
    }

    [Fact]
    public async Task A_malformed_id_is_a_400_problem_naming_id()
    {
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.Scenario(s => { s.Get.Url($"{EvidenceUploads.Url}/not-a-guid"); s.WithToken(token); s.StatusCodeShouldBe(400); });
        var problem = await result.ShouldBeProblemAsync("request.malformed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _));
    }
}
