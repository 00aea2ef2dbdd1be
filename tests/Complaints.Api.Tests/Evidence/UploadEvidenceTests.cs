using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Alba;
using Complaints.Api.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Complaints.Api.Tests.Evidence;

[Collection(ApiCollection.Name)]
public sealed class UploadEvidenceTests(AppFixture app)
{
    [Fact]
    public async Task A_photo_comes_back_upright_without_any_metadata()
    {
        var original = EvidenceSamples.JpegWithGpsAndOrientation();
        Assert.True(EvidenceSamples.Contains(original, "GPS") && EvidenceSamples.Contains(original, "Kunming"), "the sample must carry what is to be removed");
        var token = await app.Host.ForAsync("citizen");

        var body = await app.Host.UploadOkAsync(token, original, "IMG_0042.jpg");
        Assert.Equal("image", body.GetProperty("kind").GetString());
        Assert.Equal("image/jpeg", body.GetProperty("contentType").GetString());
        Assert.Equal(200, body.GetProperty("width").GetInt32());
        Assert.Equal(300, body.GetProperty("height").GetInt32());

        var (stored, contentType) = await app.Host.DownloadAsync(token, $"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}");
        Assert.Equal("image/jpeg", contentType);
        Assert.Equal(stored.Length, body.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), body.GetProperty("sha256").GetString());
        foreach (var trace in new[] { "GPS", "Exif", "Kunming", "xmpmeta", "TestPhone", "Photoshop" })
        {
            Assert.False(EvidenceSamples.Contains(stored, trace), $"the stored file still contains \"{trace}\"");
        }

        using var image = Image.Load<Rgb24>(stored);
        Assert.Null(image.Metadata.ExifProfile);
        Assert.Null(image.Metadata.XmpProfile);
        Assert.Null(image.Metadata.IptcProfile);
        Assert.Null(image.Metadata.IccProfile);
        Assert.Equal((200, 300), (image.Width, image.Height));
        Assert.True(IsReddish(image[100, 40]), "the left (red) half of the sensor image should be on top once upright");
        Assert.True(IsBluish(image[100, 260]), "the right (blue) half should be at the bottom");

        // The thumbnail is made from the same upright frame.
        var (thumbnail, _) = await app.Host.DownloadAsync(token, $"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}/thumbnail");
        Assert.False(EvidenceSamples.Contains(thumbnail, "Exif") || EvidenceSamples.Contains(thumbnail, "GPS"), "the thumbnail still carries metadata");
        using var preview = Image.Load<Rgb24>(thumbnail);
        Assert.Equal((200, 300), (preview.Width, preview.Height));
        Assert.True(IsReddish(preview[100, 40]) && IsBluish(preview[100, 260]), "the thumbnail should be upright too");
    }

    [Fact]
    public async Task A_cmyk_jpeg_is_stored_and_previewed_in_srgb()
    {
        var cmyk = EvidenceSamples.CmykJpeg(120, 80);
        using (var sent = NetVips.Image.NewFromBuffer(cmyk))
        {
            Assert.Equal(NetVips.Enums.Interpretation.Cmyk, sent.Interpretation);
        }

        var token = await app.Host.ForAsync("citizen");
        var body = await app.Host.UploadOkAsync(token, cmyk, "scan.jpg");
        var id = body.GetProperty("id").GetString();
        foreach (var url in new[] { $"{EvidenceUploads.Url}/{id}", $"{EvidenceUploads.Url}/{id}/thumbnail" })
        {
            var (bytes, contentType) = await app.Host.DownloadAsync(token, url);
            Assert.Equal("image/jpeg", contentType);
            using (var vips = NetVips.Image.NewFromBuffer(bytes))
            {
                Assert.Equal((NetVips.Enums.Interpretation.Srgb, 3), (vips.Interpretation, vips.Bands));
            }

            Assert.False(EvidenceSamples.Contains(bytes, "ICC_PROFILE") || EvidenceSamples.Contains(bytes, "Adobe"), $"{url} still carries the CMYK profile or marker");
            using var image = Image.Load<Rgb24>(bytes);
            Assert.Equal((120, 80), (image.Width, image.Height));
            // Through the CMYK gamut the blue comes back darker (about 47, 65, 140): compared, not thresholded.
            var (left, right) = (image[20, 40], image[100, 40]);
            Assert.True(left.R > left.B + 100 && right.B > right.R + 60, $"{url} should still show the original colours, is {left} and {right}");
        }
    }

    [Fact]
    public async Task A_png_loses_its_exif_and_text_chunks()
    {
        var token = await app.Host.ForAsync("citizen");
        var body = await app.Host.UploadOkAsync(token, EvidenceSamples.PngWithMetadata(), "screenshot.png");
        Assert.Equal("image/png", body.GetProperty("contentType").GetString());

        var (stored, _) = await app.Host.DownloadAsync(token, $"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}");
        foreach (var trace in new[] { "GPS", "Kunming", "eXIf", "tEXt", "iTXt", "zTXt" })
        {
            Assert.False(EvidenceSamples.Contains(stored, trace), $"the stored PNG still contains \"{trace}\"");
        }

        using var image = Image.Load<Rgb24>(stored);
        Assert.Null(image.Metadata.ExifProfile);
        Assert.Equal((64, 48), (image.Width, image.Height));
    }

    [Theory]
    [InlineData(WebpFileFormatType.Lossy, "image/jpeg")]
    [InlineData(WebpFileFormatType.Lossless, "image/png")]
    public async Task A_webp_is_stored_as_jpeg_when_lossy_and_png_when_lossless(WebpFileFormatType format, string storedAs)
    {
        var token = await app.Host.ForAsync("citizen");
        var body = await app.Host.UploadOkAsync(token, EvidenceSamples.Webp(120, 80, format), "photo.webp");
        Assert.Equal(storedAs, body.GetProperty("contentType").GetString());

        var (stored, contentType) = await app.Host.DownloadAsync(token, $"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}");
        Assert.Equal(storedAs, contentType);
        using var image = Image.Load<Rgb24>(stored);
        Assert.Equal((120, 80), (image.Width, image.Height));
        Assert.True(IsReddish(image[10, 40]) && IsBluish(image[110, 40]), "the re-encoded picture should still show the original");
    }

    [Fact]
    public async Task A_large_image_is_scaled_to_4096_pixels_on_its_long_side()
    {
        var token = await app.Host.ForAsync("citizen");
        var body = await app.Host.UploadOkAsync(token, EvidenceSamples.Jpeg(6000, 3000), "wide.jpg");
        Assert.Equal(4096, body.GetProperty("width").GetInt32());
        Assert.Equal(2048, body.GetProperty("height").GetInt32());

        var id = body.GetProperty("id").GetString();
        var (stored, _) = await app.Host.DownloadAsync(token, $"{EvidenceUploads.Url}/{id}");
        var info = Image.Identify(stored);
        Assert.Equal((4096, 2048), (info.Width, info.Height));

        var (thumbnail, contentType) = await app.Host.DownloadAsync(token, $"{EvidenceUploads.Url}/{id}/thumbnail");
        Assert.Equal("image/jpeg", contentType);
        var preview = Image.Identify(thumbnail);
        Assert.Equal((320, 160), (preview.Width, preview.Height));
    }

    [Fact]
    public async Task A_png_decompression_bomb_is_refused_from_its_header_quickly()
    {
        var bomb = EvidenceSamples.PngBomb(20_000, 20_000); // 400 megapixels, 1.6 GB as RGBA
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb should be small on the wire, is {bomb.Length} bytes");
        var token = await app.Host.ForAsync("citizen");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        var result = await app.Host.UploadAsync(token, bomb, 422, "bomb.png", "image/png");

        clock.Stop();
        process.Refresh();
        var problem = await result.ShouldBeProblemAsync("evidence.too_many_pixels");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var grown = (process.WorkingSet64 - workingSetBefore) / 1024 / 1024;
        Assert.True(grown < 200, $"the working set grew by {grown} MB");
        var managedGrown = (GC.GetTotalMemory(forceFullCollection: false) - managedBefore) / 1024 / 1024;
        Assert.True(managedGrown < 200, $"the managed heap grew by {managedGrown} MB");
    }

    [Fact]
    public async Task An_image_just_over_40_megapixels_is_refused_from_its_header()
    {
        // A small real JPEG whose frame header now claims 7000 × 6000 (42 MP). Decoding that would fit the
        // allocator's limit, so only the header check can produce this answer.
        var jpeg = EvidenceSamples.WithJpegFrameSize(EvidenceSamples.Jpeg(64, 64), 7000, 6000);
        Assert.Equal((7000, 6000), (Image.Identify(jpeg).Width, Image.Identify(jpeg).Height));
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, jpeg, 422, "photo.jpg", "image/jpeg");
        await result.ShouldBeProblemAsync("evidence.too_many_pixels");
    }

    [Fact]
    public async Task Random_bytes_named_like_a_photo_are_refused_as_an_unsupported_type()
    {
        var noise = RandomNumberGenerator.GetBytes(64 * 1024);
        noise[0] = 0x00; // no signature by accident
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, noise, 415, "photo.jpg", "image/jpeg");
        await result.ShouldBeProblemAsync("evidence.unsupported_type");
    }

    [Fact]
    public async Task A_gif_is_refused_as_an_unsupported_type()
    {
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, [.. "GIF89a"u8.ToArray(), .. new byte[100]], 415, "photo.jpg", "image/jpeg");
        await result.ShouldBeProblemAsync("evidence.unsupported_type");
    }

    [Fact]
    public async Task A_truncated_jpeg_is_refused_as_unreadable()
    {
        var jpeg = EvidenceSamples.Jpeg(400, 300);
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, jpeg[..40], 422, "photo.jpg", "image/jpeg");
        await result.ShouldBeProblemAsync("evidence.unreadable");
    }

    [Fact]
    public async Task A_jpeg_cut_off_in_its_scan_data_is_refused_as_unreadable()
    {
        // Its header is whole, so it passes every check before the decoder; libvips is told to fail on truncation.
        var jpeg = EvidenceSamples.Jpeg(800, 600);
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, jpeg[..(jpeg.Length * 2 / 3)], 422, "photo.jpg", "image/jpeg");
        await result.ShouldBeProblemAsync("evidence.unreadable");
    }

    [Fact]
    public async Task A_jpeg_with_a_second_frame_header_claiming_more_pixels_is_refused_as_unreadable()
    {
        // The memory is reserved for the first frame header (800 × 600); a decoder that believed the second would need 168 MB.
        var jpeg = EvidenceSamples.Jpeg(800, 600);
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        var length = (jpeg[sof + 2] << 8) | jpeg[sof + 3];
        var second = EvidenceSamples.WithJpegFrameSize(jpeg, 7000, 6000).AsSpan(sof, length + 2).ToArray();
        byte[] lying = [.. jpeg[..(sof + length + 2)], .. second, .. jpeg[(sof + length + 2)..]];
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, lying, 422, "photo.jpg", "image/jpeg");
        await result.ShouldBeProblemAsync("evidence.unreadable");
    }

    [Fact]
    public async Task A_25_MiB_upload_is_a_413_problem()
    {
        var token = await app.Host.ForAsync("citizen");
        var big = new byte[25 * 1024 * 1024];
        "%PDF-1.7"u8.CopyTo(big);
        var result = await app.Host.UploadAsync(token, big, 413, "scan.pdf", "application/pdf");
        await result.ShouldBeProblemAsync("evidence.too_large");
    }

    [Fact]
    public async Task A_25_MiB_upload_without_a_declared_length_is_a_413_problem()
    {
        var token = await app.Host.ForAsync("citizen");
        var big = new byte[25 * 1024 * 1024];
        "%PDF-1.7"u8.CopyTo(big);
        using var form = EvidenceUploads.Form(big, "scan.pdf", "application/pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, EvidenceUploads.Url)
        {
            // A stream of unknown length: sent without Content-Length, so only the server's own counting can stop it.
            Content = new StreamContent(new UnseekableStream(await form.ReadAsStreamAsync())),
        };
        request.Content.Headers.ContentType = form.Headers.ContentType;
        request.Headers.Authorization = new("Bearer", token);

        using var client = app.Host.Server.CreateClient();
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("evidence.too_large", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_pdf_is_stored_byte_for_byte()
    {
        var pdf = EvidenceSamples.Pdf();
        var token = await app.Host.ForAsync("citizen");
        var body = await app.Host.UploadOkAsync(token, pdf, "receipt.pdf");
        Assert.Equal("pdf", body.GetProperty("kind").GetString());
        Assert.Equal("application/pdf", body.GetProperty("contentType").GetString());
        Assert.Equal(pdf.Length, body.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), body.GetProperty("sha256").GetString());
        Assert.False(body.TryGetProperty("width", out _));
        Assert.False(body.TryGetProperty("height", out _));

        var (stored, contentType) = await app.Host.DownloadAsync(token, $"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}");
        Assert.Equal("application/pdf", contentType);
        Assert.Equal(pdf, stored);
    }

    [Fact]
    public async Task A_fake_pdf_is_refused_as_unreadable()
    {
        var token = await app.Host.ForAsync("citizen");
        var fake = new byte[4096];
        Random.Shared.NextBytes(fake);
        "%PDF-"u8.CopyTo(fake);
        var result = await app.Host.UploadAsync(token, fake, 422, "receipt.pdf", "application/pdf");
        await result.ShouldBeProblemAsync("evidence.unreadable");
    }

    [Fact]
    public async Task A_pdf_cut_off_before_its_end_is_refused_as_unreadable()
    {
        var pdf = EvidenceSamples.Pdf();
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, pdf[..(pdf.Length - 40)], 422, "receipt.pdf", "application/pdf");
        await result.ShouldBeProblemAsync("evidence.unreadable");
    }

    public static TheoryData<string, byte[]> ActivePdfs => new()
    {
        { "an OpenAction script", EvidenceSamples.Pdf("/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> ") },
        { "a script name spelt with #xx escapes", EvidenceSamples.Pdf("/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> ") },
        { "a launch action", EvidenceSamples.Pdf("/OpenAction << /S /Launch /F (cmd.exe) >> ") },
        { "a script inside a compressed object stream", EvidenceSamples.PdfWithJavaScriptInObjectStream() },
    };

    [Theory]
    [MemberData(nameof(ActivePdfs))]
    public async Task A_pdf_with_active_content_is_refused(string what, byte[] pdf)
    {
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, pdf, 422, "receipt.pdf", "application/pdf");
        var problem = await result.ShouldBeProblemAsync("evidence.active_content");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()), what);
    }

    [Fact]
    public async Task A_script_name_inside_a_string_or_page_text_does_not_count()
    {
        var pdf = EvidenceSamples.Pdf("/Lang (see /JavaScript and /Launch) ");
        var token = await app.Host.ForAsync("citizen");
        await app.Host.UploadOkAsync(token, pdf, "receipt.pdf");
    }

    [Fact]
    public async Task An_encrypted_pdf_is_refused_as_unreadable()
    {
        var pdf = EvidenceSamples.Pdf(extraObject: "<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>", extraTrailerEntries: "/Encrypt 5 0 R ");
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.UploadAsync(token, pdf, 422, "receipt.pdf", "application/pdf");
        await result.ShouldBeProblemAsync("evidence.unreadable");
    }

    [Fact]
    public async Task Staff_may_upload_for_an_offline_registration()
    {
        var token = await app.Host.ForAsync("hotline_operator");
        var body = await app.Host.UploadOkAsync(token, EvidenceSamples.Pdf(), "letter.pdf");
        Assert.Equal("pdf", body.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_request_without_the_file_field_is_a_400_naming_file()
    {
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.Scenario(s =>
        {
            s.Post.MultipartFormData(EvidenceUploads.Form(EvidenceSamples.Pdf(), "receipt.pdf", "application/pdf", field: "attachment")).ToUrl(EvidenceUploads.Url);
            s.WithToken(token);
            s.StatusCodeShouldBe(400);
        });
        var problem = await result.ShouldBeProblemAsync("request.validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_a_415_problem()
    {
        var token = await app.Host.ForAsync("citizen");
        var result = await app.Host.Scenario(s =>
        {
            s.Post.Json(new { file = "aGVsbG8=" }).ToUrl(EvidenceUploads.Url);
            s.WithToken(token);
            s.StatusCodeShouldBe(415);
        });
        await result.ShouldBeProblemAsync("request.unsupported_media_type");
    }

    [Fact]
    public async Task Uploading_without_a_token_is_a_401_problem()
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Post.MultipartFormData(EvidenceUploads.Form(EvidenceSamples.Pdf())).ToUrl(EvidenceUploads.Url);
            s.StatusCodeShouldBe(401);
        });
        await result.ShouldBeProblemAsync("auth.unauthenticated");
    }

    private static bool IsReddish(Rgb24 p) => p.R > 150 && p.B < 100;

    private static bool IsBluish(Rgb24 p) => p.B > 150 && p.R < 100;

    /// <summary>Hides the length of a stream, so HttpClient cannot send a Content-Length.</summary>
    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
