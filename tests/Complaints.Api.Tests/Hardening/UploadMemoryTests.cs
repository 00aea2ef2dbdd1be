using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Evidence;
using Complaints.Api.Tests.Infrastructure;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace Complaints.Api.Tests.Hardening;

/// <summary>
/// Issue #14, item 7: 16 concurrent uploads of 40-megapixel images took the service to 1.56 GB and it stayed at 1.26 GB.
/// The built service runs as its own process with its default <c>Evidence:DecodeMemoryBudget</c> (256 MiB); its resident
/// memory is read from /proc/&lt;pid&gt;/status while 16 PNG uploads of 7300 × 5479 pixels arrive at once, as the issue
/// states it (PNG: the decoder holds the whole inflated frame).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UploadMemoryTests(ITestOutputHelper output)
{
    private const int Width = 7300;
    private const int Height = 5479;
    private const long PeakLimit = 600L * 1024 * 1024;
    private const long SettledLimit = 350L * 1024 * 1024;

    [Fact]
    public async Task Sixteen_concurrent_40_megapixel_uploads_keep_peak_rss_under_600_MB_and_it_falls_under_350_MB_within_30_s()
    {
        var png = FortyMegapixelPng();
        var storage = System.IO.Directory.CreateTempSubdirectory("complaints-upload-memory-");
        try
        {
            await using var service = await ServiceProcess.StartAsync(await TestDatabase.CreateAsync("uploadmemory"), new Dictionary<string, string>
            {
                ["Evidence__StorageFolder"] = storage.FullName,
                // The 16 decodes run one after another under the budget; on a loaded 2-core machine the last may wait minutes.
                ["Evidence__DecodeWaitTimeout"] = "00:10:00",
                ["RateLimits__UploadPerMinute"] = "1000",
            });
            using var client = new HttpClient { BaseAddress = service.Client.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
            var tokens = new List<string>();
            foreach (var persona in new[] { "citizen", "citizen2", "enterprise" })
            {
                var response = await client.PostAsJsonAsync("/api/dev/tokens", new { persona });
                response.EnsureSuccessStatusCode();
                tokens.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
            }

            // One small upload first, so that what is measured is the burst, not the first use of the code.
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, tokens[0], EvidenceSamples.Jpeg(640, 480), "warm.jpg")).StatusCode);
            var before = Memory(service.ProcessId);

            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                long highest = 0;
                while (!sampling.IsCancellationRequested)
                {
                    highest = Math.Max(highest, Memory(service.ProcessId).Rss);
                    await Task.Delay(50);
                }

                return highest;
            });

            var clock = Stopwatch.StartNew();
            var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => UploadAsync(
                client, tokens[i % tokens.Count], png, $"{i}.png")));
            var burst = clock.Elapsed;
            var atEnd = Memory(service.ProcessId);

            // Back down: the pool and the large-object heap are given back once no decode has started for a moment.
            var settled = clock.Elapsed;
            var rss = atEnd.Rss;
            while (rss >= SettledLimit && clock.Elapsed - settled < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(250);
                rss = Memory(service.ProcessId).Rss;
            }

            var fell = clock.Elapsed - settled;
            await sampling.CancelAsync();
            var sampled = await sampler;
            var peak = Memory(service.ProcessId).Hwm;

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PNG {png.Length / 1024} KiB; RSS before {before.Rss >> 20} MB; 16 uploads in {burst.TotalSeconds:F1} s; " +
                $"peak (VmHWM) {peak >> 20} MB, highest sample {sampled >> 20} MB; RSS at the end {atEnd.Rss >> 20} MB, {rss >> 20} MB after {fell.TotalSeconds:F1} s"));
            foreach (var response in responses)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            Assert.True(peak <= PeakLimit, $"peak RSS {peak >> 20} MB is above {PeakLimit >> 20} MB");
            Assert.True(rss < SettledLimit, $"RSS {rss >> 20} MB was still above {SettledLimit >> 20} MB 30 s after the burst");
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string token, byte[] bytes, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, EvidenceUploads.Url) { Content = EvidenceUploads.Form(bytes, name) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>VmRSS and VmHWM (the kernel's peak of it) of the process, in bytes.</summary>
    private static (long Rss, long Hwm) Memory(int pid)
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kilobytes(line) * 1024;
            }
        }

        return (rss, hwm);

        static long Kilobytes(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A PNG of 7300 × 5479 pixels (just under the 40 MP limit), made once: decoding needs the same frames whatever the
    /// picture, so the picture (horizontal bands) is cheap to encode here and to re-encode in the service.
    /// </summary>
    private static byte[] FortyMegapixelPng()
    {
        using var image = new Image<Rgb24>(Width, Height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                row.Fill(new Rgb24((byte)(y / 23), (byte)(255 - (y / 23)), (byte)(y * 7)));
            }
        });
        using var png = new MemoryStream();
        image.SaveAsPng(png, new PngEncoder { CompressionLevel = PngCompressionLevel.BestSpeed, ColorType = PngColorType.Rgb });
        return png.ToArray();
    }
}
