using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Complaints;

[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(AppFixture app)
{
    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_response_and_stores_one_complaint()
    {
        var client = await app.Host.ClientAsync("citizen");
        var key = Guid.NewGuid().ToString();
        var body = Online();
        body["request"] = $"幂等重试 {key}";

        var first = await SendAsync(client, key, body);
        var second = await SendAsync(client, key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var a = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var b = JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        Assert.Equal(a.GetProperty("queryCode").GetString(), b.GetProperty("queryCode").GetString());

        Assert.Equal(1, await StoredWithRequestAsync($"幂等重试 {key}"));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_store_one_complaint_and_all_answer_with_it()
    {
        var client = await app.Host.ClientAsync("citizen");
        var key = Guid.NewGuid().ToString();
        var body = Online();
        body["request"] = $"并发幂等重试 {key}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(client, key, body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(5, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));

        Assert.Equal(1, await StoredWithRequestAsync($"并发幂等重试 {key}"));
    }

    [Fact]
    public async Task A_refused_request_is_remembered_as_refused_and_stores_nothing()
    {
        var client = await app.Host.ClientAsync("citizen");
        var key = Guid.NewGuid().ToString();
        var body = Online(Guid.NewGuid());
        body["request"] = $"失败后重试 {key}";

        // An unknown agency: a 400, remembered like any answer the client caused.
        var first = await SendAsync(client, key, body);
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        var replayed = await SendAsync(client, key, body);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));

        Assert.Equal(0, await StoredWithRequestAsync($"失败后重试 {key}"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422()
    {
        var client = await app.Host.ClientAsync("citizen");
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(client, key, Online())).StatusCode);
        var other = Online();
        other["facts"] = "另一份事实与理由。";
        var response = await SendAsync(client, key, other);
        await SubmissionTests.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "idempotency.key_reused");
    }

    [Fact]
    public async Task Keys_belong_to_their_user()
    {
        var key = Guid.NewGuid().ToString();
        var first = await SendAsync(await app.Host.ClientAsync("citizen"), key, Online());
        var second = await SendAsync(await app.Host.ClientAsync("citizen2"), key, Online());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual(first.Headers.Location, second.Headers.Location);
    }

    [Fact]
    public async Task A_remembered_response_does_not_hold_the_query_code_in_plaintext()
    {
        var client = await app.Host.ClientAsync("citizen");
        var key = Guid.NewGuid().ToString();
        var response = await SendAsync(client, key, Online());
        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("queryCode").GetString()!;

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var stored = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key);
        Assert.NotNull(stored.ProtectedBody);
        Assert.DoesNotContain(code, stored.ProtectedBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_are_kept_at_least_24_hours()
    {
        var client = await app.Host.ClientAsync("citizen");
        var key = Guid.NewGuid().ToString();
        await SendAsync(client, key, Online());
        var cleanup = app.Host.Services.GetRequiredService<Idempotency.IdempotencyCleanup>();
        await cleanup.SweepAsync(CancellationToken.None);

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.True(await db.IdempotencyRecords.AnyAsync(r => r.Key == key));
        var retention = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Idempotency.IdempotencyOptions>>().Value.Retention;
        Assert.True(retention >= TimeSpan.FromHours(24));
    }

    private async Task<int> StoredWithRequestAsync(string request)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        return await db.Complaints.CountAsync(c => c.Request == request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
