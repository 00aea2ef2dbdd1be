using System.Net;
using Alba;
using Complaints.Api.Tests.Infrastructure;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Evidence;

/// <summary>
/// Issue #14, finding 10: one account could keep ~860 GB of unattached uploads a day. Here the quota
/// (Evidence:UnattachedQuotaBytes, 200 MB by default) is set to three small PDFs on a host of its own.
/// </summary>
public sealed class UploadQuotaTests : IAsyncLifetime
{
    private static readonly byte[] Sample = EvidenceSamples.Pdf();
    private IAlbaHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("quota"), settings: new Dictionary<string, string?>
        {
            ["Evidence:UnattachedQuotaBytes"] = (3 * Sample.Length).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:UploadPerMinute"] = "100000",
            ["RateLimits:SubmissionPerMinute"] = "100000",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Unattached_uploads_beyond_the_quota_are_refused_until_some_are_attached()
    {
        var token = await _host.ForAsync("citizen");
        var first = (await _host.UploadOkAsync(token, Sample, "a.pdf")).GetProperty("id").GetGuid();
        await _host.UploadOkAsync(token, Sample, "b.pdf");
        await _host.UploadOkAsync(token, Sample, "c.pdf");

        var refused = await _host.UploadAsync(token, Sample, 413, "d.pdf", "application/pdf");
        await refused.ShouldBeProblemAsync("evidence.quota_exceeded");

        // Someone else's quota is their own.
        await _host.UploadOkAsync(await _host.ForAsync("citizen2"), Sample, "e.pdf");

        // Attaching one to a complaint frees its share.
        var body = Online();
        body["evidenceIds"] = new[] { first };
        await (await _host.ClientAsync("citizen")).SubmitAsync(body);
        await _host.UploadOkAsync(token, Sample, "d.pdf");
    }

    [Fact]
    public async Task Concurrent_uploads_cannot_overrun_the_quota_together()
    {
        var token = await _host.ForAsync("enterprise");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _host.Scenario(s =>
        {
            s.WithToken(token);
            s.Post.MultipartFormData(EvidenceUploads.Form(Sample, $"{i}.pdf", "application/pdf")).ToUrl(EvidenceUploads.Url);
            s.IgnoreStatusCode();
        })));

        var statuses = results.Select(r => r.Context.Response.StatusCode).ToList();
        Assert.Equal(3, statuses.Count(s => s == 201));
        Assert.Equal(5, statuses.Count(s => s == 413));
    }
}
