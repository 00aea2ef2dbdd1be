using System.Net;
using System.Net.Http.Json;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Complaints.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Hardening;

/// <summary>
/// Issue #14, finding 3: a U+0000 lookup mixed into concurrent traffic left a pooled connection out of step with
/// the server, and other citizens' valid lookups then failed with "unexpected backend message DataRow".
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LookupDesynchronisationTests(AppFixture app)
{
    [Fact]
    public async Task Hostile_lookups_mixed_into_concurrent_valid_ones_leave_every_valid_lookup_answered()
    {
        var created = await (await app.Host.ClientAsync("citizen")).SubmitAsync(Online());
        var number = created.GetProperty("trackingNumber").GetString()!;
        var code = created.GetProperty("queryCode").GetString()!;
        var anonymous = app.Host.Server.CreateClient();

        var hostile = new[] { $"{number}\u0000", $"\u0000{number}", "TS\u0000", number[..5] + "\u0000" + number[5..] };
        var requests = Enumerable.Range(0, 384).Select(async i =>
        {
            var valid = i % 4 != 0;
            var body = valid ? new { trackingNumber = number, queryCode = code } : new { trackingNumber = hostile[i / 4 % hostile.Length], queryCode = i % 8 == 0 ? "AB\u0000CD" : code };
            var response = await anonymous.PostAsJsonAsync("/api/v1/complaints/lookup", body);
            return (valid, status: response.StatusCode, text: await response.Content.ReadAsStringAsync());
        });
        var results = await Task.WhenAll(requests);

        var failedValid = results.Where(r => r.valid && r.status != HttpStatusCode.OK).ToList();
        Assert.True(failedValid.Count == 0, $"{failedValid.Count} of {results.Count(r => r.valid)} valid lookups failed: {failedValid.FirstOrDefault().text}");
        Assert.All(results.Where(r => !r.valid), r => Assert.True((int)r.status < 500, $"{(int)r.status}: {r.text}"));
    }

    /// <summary>
    /// The cause, below HTTP: an auto-prepared statement whose first (preparing) execution carries a parameter PostgreSQL
    /// refuses at Bind left its pooled connection out of step. Every EF Core command now refuses such text before it is
    /// sent, so concurrent reads through the shared pool all succeed whatever the request validation lets through.
    /// </summary>
    [Fact]
    public async Task Text_the_database_refuses_is_never_sent_so_the_pooled_connections_stay_in_step()
    {
        var created = await (await app.Host.ClientAsync("citizen")).SubmitAsync(Online());
        var number = created.GetProperty("trackingNumber").GetString()!;

        var work = Enumerable.Range(0, 400).Select(async i =>
        {
            var hostile = i % 3 == 0;
            var value = hostile ? (i % 2 == 0 ? number + "\u0000" : number + "\ud800") : number;
            await using var scope = app.Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
            try
            {
                // A fresh text per statement shape is not needed: one statement, prepared after two uses, as the service runs it.
                var found = await db.Complaints.AsNoTracking().Where(c => c.TrackingNumber == value).Select(c => c.TrackingNumber).FirstOrDefaultAsync();
                return (hostile, ok: found == number, error: (string?)null);
            }
            catch (Exception e)
            {
                return (hostile, ok: hostile && e is UnstorableTextException, error: e.GetType().Name + ": " + e.Message);
            }
        });
        var results = await Task.WhenAll(work);

        var failed = results.Where(r => !r.ok).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} reads failed ({failed.Count(r => !r.hostile)} valid): {failed.FirstOrDefault().error}");
    }

    [Fact]
    public void Storable_text_is_text_PostgreSQL_accepts()
    {
        Assert.True(StorableText.IsStorable("abc"));
        Assert.True(StorableText.IsStorable("投诉😀"));
        Assert.False(StorableText.IsStorable("a\u0000b"));
        Assert.False(StorableText.IsStorable(new string('\ud800', 1)));
        Assert.False(StorableText.IsStorable("x" + new string('\udc00', 1)));
    }
}
