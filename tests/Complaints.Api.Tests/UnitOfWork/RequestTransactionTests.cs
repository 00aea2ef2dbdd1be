using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Evidence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.UnitOfWork;

/// <summary>
/// #15 item 1: a request's changes are saved in one explicit transaction, the request's unit of work, with the
/// idempotency record of its key; a request that fails after its change was staged leaves nothing behind, not even the
/// files it stored. A failure is injected by a trigger on this host's own database (so no other test sees it): it makes
/// the last write of the request, the remembered response of its <c>Idempotency-Key</c>, fail after the complaint,
/// its audit line, its outbox and agency-event rows (or the evidence row) were already written in the transaction.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RequestTransactionTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"evidence-uow-{Guid.NewGuid():N}");
    private IAlbaHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("uow"), settings: new Dictionary<string, string?>
        {
            ["Evidence:StorageFolder"] = _folder,
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_submission_failing_after_its_change_was_staged_leaves_nothing_and_its_retry_with_the_key_succeeds_once()
    {
        var client = await _host.ClientAsync("citizen");
        var key = Guid.NewGuid().ToString();
        var body = ComplaintBodies.Online();
        body["request"] = $"请求在一个事务中保存 {key}";
        var before = await CountsAsync();

        await using (await FailRememberingAsync(key))
        {
            var failed = await SendAsync(client, HttpMethod.Post, "/api/v1/complaints", key, JsonContent.Create(body));
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        // Nothing of the failed request: no complaint, no audit line, no outbox or agency-event row, no idempotency record.
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(0, await WithRequestAsync(body));
        Assert.False(await KeyRememberedAsync(key));

        // The retry with the same key runs the request (nothing to replay) and stores it once; a third send replays it.
        var retried = await SendAsync(client, HttpMethod.Post, "/api/v1/complaints", key, JsonContent.Create(body));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        var id = JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var replayed = await SendAsync(client, HttpMethod.Post, "/api/v1/complaints", key, JsonContent.Create(body));
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));

        Assert.Equal(1, await WithRequestAsync(body));
        Assert.True(await KeyRememberedAsync(key));
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Equal(["case.received"], await db.AuditEntries.AsNoTracking().Where(e => e.CaseId == id).Select(e => e.Action).ToListAsync());
        var after = await CountsAsync();
        Assert.Equal(before.Complaints + 1, after.Complaints);
        Assert.Equal(before.AuditLines + 1, after.AuditLines);
        Assert.Equal(before.Outbox + await db.NotificationOutbox.CountAsync(m => m.CaseId == id), after.Outbox);
        Assert.Equal(before.AgencyEvents + await db.CaseChanges.CountAsync(c => c.CaseId == id), after.AgencyEvents);
    }

    [Fact]
    public async Task An_upload_whose_request_rolls_back_leaves_no_file_and_its_retry_with_the_key_stores_it_once()
    {
        var client = await _host.ClientAsync("citizen");
        var key = Guid.NewGuid().ToString();
        var photo = EvidenceSamples.Jpeg(320, 240); // kept re-encoded, with a thumbnail: two files
        var before = await CountsAsync();
        var files = StoredFiles();

        // The evidence row and both files were written when remembering the response fails: the request rolls back.
        await using (await FailRememberingAsync(key))
        {
            var failed = await SendAsync(client, HttpMethod.Post, EvidenceUploads.Url, key, EvidenceUploads.Form(photo, "photo.jpg", "image/jpeg"));
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }

        Assert.Equal(before.EvidenceRows, (await CountsAsync()).EvidenceRows);
        Assert.Empty(StoredFiles().Except(files));
        Assert.False(await KeyRememberedAsync(key));

        var retried = await SendAsync(client, HttpMethod.Post, EvidenceUploads.Url, key, EvidenceUploads.Form(photo, "photo.jpg", "image/jpeg"));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var id = JsonDocument.Parse(await retried.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(before.EvidenceRows + 1, (await CountsAsync()).EvidenceRows);
        await using var scope = _host.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>().EvidenceFiles.AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.NotNull(stored.ThumbnailKey);
        Assert.Equal(2, StoredFiles().Except(files).Count());
    }

    [Fact]
    public async Task An_upload_whose_own_save_fails_leaves_no_file()
    {
        var token = await _host.ForAsync("citizen");
        var pdf = EvidenceSamples.Pdf(extraCatalogEntries: $"/Lang ({Guid.NewGuid():N})");
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        var before = await CountsAsync();
        var files = StoredFiles();

        // Without an Idempotency-Key the save is a transaction of its own; its insert fails after the file was stored.
        var name = $"fail_{Guid.NewGuid():N}";
        await ExecuteAsync($"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure of the save'; END $$;
            CREATE TRIGGER {name} BEFORE INSERT ON evidence_files FOR EACH ROW WHEN (NEW.sha256 = '{sha}') EXECUTE FUNCTION {name}();
            """);
        try
        {
            await _host.UploadAsync(token, pdf, 500, "receipt.pdf", "application/pdf");
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER {name} ON evidence_files; DROP FUNCTION {name}();");
        }

        Assert.Equal(before.EvidenceRows, (await CountsAsync()).EvidenceRows);
        Assert.Empty(StoredFiles().Except(files));
    }

    private HashSet<string> StoredFiles() =>
        System.IO.Directory.Exists(_folder) ? System.IO.Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).ToHashSet() : [];

    private sealed record Counts(int Complaints, int AuditLines, int Outbox, int AgencyEvents, int EvidenceRows);

    private async Task<Counts> CountsAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        return new Counts(await db.Complaints.CountAsync(), await db.AuditEntries.CountAsync(), await db.NotificationOutbox.CountAsync(),
            await db.CaseChanges.CountAsync(), await db.EvidenceFiles.CountAsync());
    }

    private async Task<int> WithRequestAsync(Dictionary<string, object?> body)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var request = (string)body["request"]!;
        return await db.Complaints.CountAsync(c => c.Request == request);
    }

    private async Task<bool> KeyRememberedAsync(string key)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        return await db.IdempotencyRecords.AnyAsync(r => r.Key == key && r.StatusCode != null);
    }

    /// <summary>Until disposed, remembering the response of <paramref name="key"/> fails: the request's last write.</summary>
    /// <summary>Remembering the answer fails: its UPDATE in a transaction of its own, its INSERT (with the rows) when group-committed.</summary>
    private async Task<IAsyncDisposable> FailRememberingAsync(string key)
    {
        var name = $"fail_{Guid.NewGuid():N}";
        await ExecuteAsync($"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure after the change was staged'; END $$;
            CREATE TRIGGER {name} BEFORE INSERT OR UPDATE ON idempotency_records FOR EACH ROW WHEN (NEW.key = '{Guid.Parse(key)}') EXECUTE FUNCTION {name}();
            """);
        return new Cleanup(() => ExecuteAsync($"DROP TRIGGER {name} ON idempotency_records; DROP FUNCTION {name}();"));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string key, HttpContent content)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private sealed class Cleanup(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
