using System.Text.Json;
using Alba;
using Complaints.Api.Evidence;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Evidence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.ScaleOut;

/// <summary>
/// Evidence in S3 (<c>Evidence:Storage=s3</c>) against the real Ceph radosgw that ./test.sh starts: what the
/// filesystem store does, the store does here, with server-side encryption; a store that is down answers 503.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class S3EvidenceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private IAlbaHost _host = null!;
    private string _bucket = "";
    private string _database = "";

    public async Task InitializeAsync()
    {
        _bucket = await TestServices.NewBucketAsync();
        _database = await TestDatabase.CreateAsync("s3");
        var settings = TestServices.S3Settings(_bucket);
        settings["Evidence:CleanupInterval"] = TimeSpan.FromDays(40).ToString("c");
        _host = await AppFixture.StartAsync("Development", _database, _clock, settings: settings);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_image_is_uploaded_to_the_bucket_encrypted_and_read_back_with_its_thumbnail()
    {
        Assert.IsType<S3EvidenceStorage>(_host.Services.GetRequiredService<IEvidenceStorage>());
        var token = await _host.ForAsync("citizen");
        var body = await _host.UploadOkAsync(token, EvidenceSamples.Jpeg(640, 480), "photo.jpg");
        var evidence = await FindAsync(Guid.Parse(body.GetProperty("id").GetString()!));

        Assert.Equal(new[] { evidence!.StorageKey, evidence.ThumbnailKey! }.Order(), (await TestServices.KeysAsync(_bucket)).Order());
        var stored = await TestServices.MetadataAsync(_bucket, evidence.StorageKey);
        Assert.Equal("aws:kms", stored.ServerSideEncryptionMethod?.Value);
        Assert.Equal(evidence.Size, stored.ContentLength);

        var (file, contentType) = await _host.DownloadAsync(token, $"{EvidenceUploads.Url}/{evidence.Id}");
        Assert.Equal("image/jpeg", contentType);
        Assert.Equal(evidence.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)));

        var (thumbnail, thumbnailType) = await _host.DownloadAsync(token, $"{EvidenceUploads.Url}/{evidence.Id}/thumbnail");
        Assert.Equal("image/jpeg", thumbnailType);
        using var image = SixLabors.ImageSharp.Image.Load(thumbnail);
        Assert.Equal(320, Math.Max(image.Width, image.Height));
    }

    [Fact]
    public async Task A_pdf_round_trips_byte_for_byte()
    {
        var token = await _host.ForAsync("citizen");
        var pdf = EvidenceSamples.Pdf();
        var body = await _host.UploadOkAsync(token, pdf, "receipt.pdf");
        var (file, _) = await _host.DownloadAsync(token, $"{EvidenceUploads.Url}/{body.GetProperty("id").GetString()}");
        Assert.Equal(pdf, file);
    }

    [Fact]
    public async Task An_unattached_upload_older_than_24_hours_is_removed_from_the_bucket()
    {
        var token = await _host.ForAsync("citizen2");
        var old = await FindAsync(Guid.Parse((await _host.UploadOkAsync(token, EvidenceSamples.Jpeg(64, 64), "old.jpg")).GetProperty("id").GetString()!));
        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var fresh = await FindAsync(Guid.Parse((await _host.UploadOkAsync(token, EvidenceSamples.Pdf(), "fresh.pdf")).GetProperty("id").GetString()!));

        Assert.True(await _host.Services.GetRequiredService<EvidenceCleanup>().SweepAsync(CancellationToken.None) >= 1);

        var keys = await TestServices.KeysAsync(_bucket);
        Assert.DoesNotContain(old!.StorageKey, keys);
        Assert.DoesNotContain(old.ThumbnailKey!, keys);
        Assert.Contains(fresh!.StorageKey, keys);
        Assert.Null(await FindAsync(old.Id));
        await _host.Scenario(s => { s.Get.Url($"{EvidenceUploads.Url}/{old.Id}"); s.WithToken(token); s.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task An_unreachable_store_answers_503_with_retry_after_and_stores_nothing()
    {
        var settings = TestServices.S3Settings(_bucket);
        settings["Evidence:S3:ServiceUrl"] = "http://127.0.0.1:1";
        settings["Evidence:S3:Timeout"] = "00:00:02";
        settings["Database:MigrateOnStartup"] = "false";
        settings["Database:SeedDemoData"] = "false";
        await using var host = await AppFixture.StartAsync("Development", _database, settings: settings);
        var token = await host.ForAsync("enterprise");

        var result = await host.UploadAsync(token, EvidenceSamples.Jpeg(64, 64), 503, "photo.jpg");
        await result.ShouldBeProblemAsync(ErrorCodes.Unavailable);
        Assert.False(string.IsNullOrEmpty(result.Context.Response.Headers.RetryAfter.ToString()));
        Assert.Equal(0, await UploadsOfAsync(host, "enterprise"));
    }

    [Fact]
    public async Task When_the_store_fails_after_the_file_was_stored_the_stored_file_is_taken_back()
    {
        // The file goes in, then the store fails for the thumbnail: the first object must not stay behind.
        var settings = TestServices.S3Settings(_bucket);
        settings["Database:MigrateOnStartup"] = "false";
        settings["Database:SeedDemoData"] = "false";
        await using var host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Complaints", _database);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IEvidenceStorage>();
                services.AddSingleton<S3EvidenceStorage>();
                services.AddSingleton<IEvidenceStorage>(sp => new FailingSecondSave(sp.GetRequiredService<S3EvidenceStorage>()));
            });
        });
        var before = await TestServices.KeysAsync(_bucket);
        var token = await host.ForAsync("admin");

        var result = await host.UploadAsync(token, EvidenceSamples.Jpeg(64, 64), 503, "photo.jpg");
        await result.ShouldBeProblemAsync(ErrorCodes.Unavailable);
        Assert.Equal(before.Order(), (await TestServices.KeysAsync(_bucket)).Order());
        Assert.Equal(0, await UploadsOfAsync(host, "admin"));
    }

    private async Task<EvidenceFile?> FindAsync(Guid id)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
    }

    private static async Task<int> UploadsOfAsync(IAlbaHost host, string persona)
    {
        var token = await host.ForAsync(persona);
        var me = await host.Scenario(s => { s.Get.Url("/api/v1/me"); s.WithToken(token); });
        var subject = JsonDocument.Parse(await me.ReadAsTextAsync()).RootElement.GetProperty("subject").GetString();
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().EvidenceFiles.CountAsync(e => e.UploaderId == subject);
    }

    /// <summary>The real store, whose second write of an upload (the thumbnail) finds the store gone.</summary>
    private sealed class FailingSecondSave(IEvidenceStorage inner) : IEvidenceStorage
    {
        private int _saves;

        public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _saves) % 2 == 0)
            {
                throw new DependencyUnavailableException("storage");
            }

            await inner.SaveAsync(key, content, cancellationToken);
        }

        public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }
}
