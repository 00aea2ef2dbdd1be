using Alba;
using Complaints.Api.Evidence;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.Evidence;

/// <summary>
/// api.md: "An upload not attached to a complaint within 24 h is deleted." On a host of its own,
/// so moving its clock a day ahead disturbs no other test; its timer interval is long, so only
/// <see cref="EvidenceCleanup.SweepAsync"/> sweeps unless a test moves the clock that far.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EvidenceCleanupTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(40);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"evidence-cleanup-{Guid.NewGuid():N}");
    private IAlbaHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("evidence"), _clock, settings: new Dictionary<string, string?>
        {
            ["Evidence:StorageFolder"] = _folder,
            ["Evidence:CleanupInterval"] = Interval.ToString("c"),
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_unattached_upload_is_deleted_after_24_hours_with_its_files_and_a_fresh_one_is_kept()
    {
        var token = await _host.ForAsync("citizen");
        var old = await UploadAsync(token);
        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var fresh = await UploadAsync(token);

        var deleted = await _host.Services.GetRequiredService<EvidenceCleanup>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Null(await FindAsync(old.Id));
        Assert.Null(await OpenAsync(old.StorageKey));
        Assert.Null(await OpenAsync(old.ThumbnailKey!));
        await _host.Scenario(s => { s.Get.Url($"{EvidenceUploads.Url}/{old.Id}"); s.WithToken(token); s.StatusCodeShouldBe(404); });

        Assert.NotNull(await FindAsync(fresh.Id));
        await using var kept = await OpenAsync(fresh.StorageKey);
        Assert.NotNull(kept);
        await _host.Scenario(s => { s.Get.Url($"{EvidenceUploads.Url}/{fresh.Id}"); s.WithToken(token); s.StatusCodeShouldBeOk(); });
    }

    [Fact]
    public async Task An_upload_younger_than_24_hours_is_kept()
    {
        var token = await _host.ForAsync("citizen");
        var upload = await UploadAsync(token);
        _clock.Advance(TimeSpan.FromHours(23));

        await _host.Services.GetRequiredService<EvidenceCleanup>().SweepAsync(CancellationToken.None);

        Assert.NotNull(await FindAsync(upload.Id));
    }

    [Fact]
    public async Task An_attached_upload_is_kept_however_old()
    {
        var token = await _host.ForAsync("citizen");
        var upload = await UploadAsync(token);
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            var complaintId = Guid.NewGuid();
            await db.EvidenceFiles.Where(e => e.Id == upload.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.ComplaintId, complaintId));
        }

        _clock.Advance(TimeSpan.FromDays(30));
        await _host.Services.GetRequiredService<EvidenceCleanup>().SweepAsync(CancellationToken.None);

        Assert.NotNull(await FindAsync(upload.Id));
        await using var stored = await OpenAsync(upload.StorageKey);
        Assert.NotNull(stored);
    }

    [Fact]
    public async Task The_background_service_sweeps_when_its_interval_has_passed()
    {
        var token = await _host.ForAsync("citizen");
        var upload = await UploadAsync(token);

        _clock.Advance(Interval);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await FindAsync(upload.Id) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Null(await FindAsync(upload.Id));
    }

    private async Task<EvidenceFile> UploadAsync(string token)
    {
        var body = await _host.UploadOkAsync(token, EvidenceSamples.Jpeg(64, 64), "photo.jpg");
        var id = Guid.Parse(body.GetProperty("id").GetString()!);
        return (await FindAsync(id))!;
    }

    private async Task<EvidenceFile?> FindAsync(Guid id)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id);
    }

    private Task<Stream?> OpenAsync(string key) => _host.Services.GetRequiredService<IEvidenceStorage>().OpenReadAsync(key, CancellationToken.None);
}
