using Alba;
using Complaints.Api.Evidence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Evidence;

/// <summary>
/// Issue #14, item 7: image decoding runs under <c>Evidence:DecodeMemoryBudget</c>. Here the budget is the smallest allowed
/// (16 MiB), so that a 6 MP photo cannot fit and a small one can; the RSS proof with 16 × 40 MP uploads against the
/// service as its own process is <see cref="Hardening.UploadMemoryTests"/>.
/// </summary>
public sealed class DecodeMemoryBudgetTests : IAsyncLifetime
{
    private const long Budget = 16L * 1024 * 1024;
    private IAlbaHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("decodebudget"), settings: new Dictionary<string, string?>
        {
            ["Evidence:DecodeMemoryBudget"] = Budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Evidence:DecodeWaitTimeout"] = "00:00:01",
            ["RateLimits:UploadPerMinute"] = "100000",
        });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_image_whose_decode_estimate_alone_exceeds_the_budget_is_refused_naming_the_memory()
    {
        var token = await _host.ForAsync("citizen");
        var refused = await _host.UploadAsync(token, EvidenceSamples.Jpeg(3000, 2000), 422, "big.jpg", "image/jpeg");
        var problem = await refused.ShouldBeProblemAsync(EvidenceRejection.TooManyPixelsCode);
        Assert.Contains("内存", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("16 MiB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await _host.UploadOkAsync(token, EvidenceSamples.Jpeg(800, 600), "small.jpg");
        Assert.Equal(0, _host.Services.GetRequiredService<DecodeMemoryBudget>().Reserved);
    }

    [Fact]
    public async Task An_upload_that_cannot_get_decode_memory_in_time_is_answered_503_with_retry_after_and_nothing_stored()
    {
        var token = await _host.ForAsync("citizen2");
        var budget = _host.Services.GetRequiredService<DecodeMemoryBudget>();
        var taken = await budget.ReserveAsync(Budget, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.NotNull(taken);
        using (taken)
        {
            var busy = await _host.UploadAsync(token, EvidenceSamples.Jpeg(800, 600), 503, "wait.jpg", "image/jpeg");
            await busy.ShouldBeProblemAsync("server.unavailable");
            Assert.Equal("5", busy.Context.Response.Headers.RetryAfter.ToString());
        }

        await _host.UploadOkAsync(token, EvidenceSamples.Jpeg(800, 600), "again.jpg");
    }

    [Fact]
    public async Task Reservations_are_granted_first_come_first_served_and_the_end_of_a_burst_is_signalled_once()
    {
        using var budget = new DecodeMemoryBudget(100, TimeSpan.FromMilliseconds(50));
        var idle = 0;
        budget.Idle += () => Interlocked.Increment(ref idle);

        var first = await budget.ReserveAsync(60, TimeSpan.FromSeconds(5), CancellationToken.None);
        var large = budget.ReserveAsync(80, TimeSpan.FromSeconds(5), CancellationToken.None);
        var small = budget.ReserveAsync(10, TimeSpan.FromSeconds(5), CancellationToken.None);
        await Task.Delay(50);
        // 10 would fit beside 60, but the 80 came first: it is not starved by smaller ones.
        Assert.False(small.IsCompleted);
        Assert.False(large.IsCompleted);

        first!.Dispose();
        using (await large)
        using (await small)
        {
            Assert.Equal(90, budget.Reserved);
            Assert.Null(await budget.ReserveAsync(20, TimeSpan.FromMilliseconds(50), CancellationToken.None));
        }

        Assert.Equal(0, budget.Reserved);
        await Task.Delay(500);
        Assert.Equal(1, idle);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => budget.ReserveAsync(101, TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Fact]
    public void The_estimate_covers_the_frame_the_resized_copy_and_a_progressive_decoders_coefficients()
    {
        const int width = 7300, height = 5479;
        var baseline = ImageSanitizer.EstimateDecodeBytes(new ImageHeader(width, height), 8_000_000, SniffedType.Jpeg);
        // 160 MB of Rgba32 and a 4096 × 3074 copy: 210 MB measured as 214–216 MB of peak RSS; the default budget admits it.
        Assert.InRange(baseline, 210_000_000, 256L * 1024 * 1024);

        var progressive = ImageSanitizer.EstimateDecodeBytes(new ImageHeader(width, height, 120_000_000), 8_000_000, SniffedType.Jpeg);
        Assert.Equal(baseline + 120_000_000, progressive);
    }

    [Fact]
    public void A_progressive_jpeg_is_charged_for_its_coefficients_read_from_the_frame_header()
    {
        var jpeg = EvidenceSamples.Jpeg(800, 600);
        var header = ImageHeaders.Read(new MemoryStream(jpeg), SniffedType.Jpeg)!;
        Assert.Equal((800, 600, 0L), (header.Width, header.Height, header.DecoderBytes));

        // The same frame marked progressive (SOF2): every component's 8 × 8 blocks of 64 shorts are held, luma alone 2 bytes a pixel.
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        jpeg[sof + 1] = 0xC2;
        var progressive = ImageHeaders.Read(new MemoryStream(jpeg), SniffedType.Jpeg)!;
        Assert.Equal((800, 600), (progressive.Width, progressive.Height));
        Assert.InRange(progressive.DecoderBytes, 800 * 600 * 2, 800 * 600 * 6 * 11 / 10);
    }
}
