using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Api.Webhooks;

namespace Complaints.Api.Tests.AgencySystems;

/// <summary>
/// What receivers build from: the contract's <c>webhooks</c> section describes every event's payload, and the README's
/// verification snippets (C# and shell) accept a real delivery and refuse a tampered or stale one.
/// </summary>
[Collection(AgencySystemsCollection.Name)]
public sealed partial class AgencyContractTests(AgencySystemsFixture fx) : IAsyncLifetime
{
    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_contract_describes_every_event_as_a_CloudEvent_with_its_data()
    {
        var result = await fx.Host.Scenario(s => { s.Get.Url("/openapi/v1.json"); s.StatusCodeShouldBeOk(); });
        var document = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        var webhooks = document.GetProperty("webhooks");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal(AgencyEventTypes.All.Select(t => t.Type).Order(), webhooks.EnumerateObject().Select(p => p.Name).Order());
        foreach (var type in AgencyEventTypes.All)
        {
            var post = webhooks.GetProperty(type.Type).GetProperty("post");
            var reference = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/cloudevents+json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var envelope = schemas.GetProperty(reference.Split('/')[^1]);
            Assert.Equal(type.Type, envelope.GetProperty("properties").GetProperty("type").GetProperty("const").GetString());
            Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == WebhookSignature.Header);
            var data = schemas.GetProperty(envelope.GetProperty("properties").GetProperty("data").GetProperty("$ref").GetString()!.Split('/')[^1]).GetProperty("properties");
            foreach (var key in type.Data.Keys.Concat(type.AboutCase ? ["caseId", "trackingNumber"] : []))
            {
                Assert.True(data.TryGetProperty(key, out _), $"{type.Type} data lacks {key}");
            }
        }
    }

    // The C# of README "For agency systems", verbatim.
    private static bool Verify(string header, byte[] body, string secret, DateTimeOffset now)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToList();
        if (!long.TryParse(parts.FirstOrDefault(p => p[0] == "t")?[1], out var t)
            || Math.Abs(now.ToUnixTimeSeconds() - t) > 300)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.").Concat(body).ToArray());
        return parts.Where(p => p[0] == "v1").Any(p => CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(p[1]), Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected))));
    }

    [Fact]
    public async Task The_READMEs_CSharp_and_shell_checks_accept_a_delivery_and_refuse_a_tampered_or_stale_one()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## For agency systems", StringComparison.Ordinal)..];
        Assert.Contains("Encoding.UTF8.GetBytes($\"{t}.\").Concat(body).ToArray()", section, StringComparison.Ordinal);
        var shell = ShellBlock().Match(section[section.IndexOf("In shell", StringComparison.Ordinal)..]).Groups[1].Value;
        Assert.Contains("openssl dgst", shell, StringComparison.Ordinal);

        var (_, secret) = await fx.SubscribeAsync(agencyId: DemoDirectory.WuhuaMarketRegulation);
        var flow = new CaseFlow(fx.Host);
        var id = await flow.SubmitOnlineAsync("citizen");
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = DemoDirectory.WuhuaMarketRegulation });
        await fx.DrainAsync();
        var delivery = Assert.Single(fx.Receiver.Processed);
        var now = fx.Clock.GetUtcNow();
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(delivery.Body).Replace(id.ToString(), Guid.Empty.ToString(), StringComparison.Ordinal));

        Assert.True(Verify(delivery.Signature!, delivery.Body, secret, now));
        Assert.False(Verify(delivery.Signature!, tampered, secret, now));
        Assert.False(Verify(delivery.Signature!, delivery.Body, secret, now.AddMinutes(6)));

        Assert.Equal("valid", await RunShellAsync(shell, delivery.Signature!, secret, delivery.Body, now));
        Assert.Equal("forged", await RunShellAsync(shell, delivery.Signature!, secret, tampered, now));
        Assert.Equal("stale", await RunShellAsync(shell, delivery.Signature!, secret, delivery.Body, now.AddMinutes(6)));
    }

    private static async Task<string> RunShellAsync(string script, string signature, string secret, byte[] body, DateTimeOffset now)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("readme-verify");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "body.json"), body);

            // The snippet reads the receiver's clock with `date +%s`; here that clock is the tests' fake one.
            var wrapped = $"date() {{ echo {now.ToUnixTimeSeconds()}; }}\nrun() {{\n{script}\n}}\nrun";
            var start = new ProcessStartInfo("bash", ["-c", wrapped]) { WorkingDirectory = folder.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["SIG"] = signature;
            start.Environment["SECRET"] = secret;
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output.Trim();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex("```sh\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
