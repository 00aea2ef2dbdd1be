using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.Api.Audit;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.UnitOfWork;

/// <summary>
/// Keyed submissions without evidence are committed in groups by Persistence/IntakeWriter (#16,
/// docs/decisions/intake-group-commit.md). The rest of the suite runs with it on (the default); these are its own rules.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class GroupCommitTests(AppFixture app)
{
    /// <summary>Columns that differ between any two cases by nature: keys, times, numbers drawn, random nonces and hashes.</summary>
    private static readonly HashSet<string> DiffersByNature =
    [
        "id", "complaint_id", "case_id", "tracking_number", "received_at", "created_at", "at", "sequence", "hash", "previous_hash",
        "query_code_hash", "search", "chain", "tx_id", "position", "recorded_at",
    ];

    [Fact]
    public async Task A_group_committed_submission_stores_exactly_the_rows_a_submission_saved_alone_stores()
    {
        var hotline = await app.Host.ClientAsync("hotline_operator");
        var marker = $"分组提交对照 {Guid.NewGuid():N}";
        var body = Registered("phone_12345", Person());
        body["request"] = marker;

        // Without a key a submission is saved in its own transaction; with one it is committed in a group.
        var alone = (await hotline.SubmitAsync(body)).GetProperty("id").GetGuid();
        var grouped = await SendAsync(hotline, Guid.NewGuid().ToString(), body);
        Assert.Equal(HttpStatusCode.Created, grouped.StatusCode);
        var groupedId = JsonDocument.Parse(await grouped.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        var tables = await TablesOfACaseAsync(connection);
        var protector = app.Host.Services.GetRequiredService<PersonalDataProtector>();
        var compared = 0;
        foreach (var (table, column) in tables)
        {
            var expected = await RowsAsync(connection, table, column, alone, protector);
            var actual = await RowsAsync(connection, table, column, groupedId, protector);
            Assert.True(expected.SequenceEqual(actual), $"{table}: saved alone\n{string.Join("\n", expected)}\ngroup-committed\n{string.Join("\n", actual)}");
            compared += expected.Count;
        }

        // The case, its identity, timeline entry, audit line, queue row and change-feed row at least.
        Assert.True(compared >= 6, $"only {compared} rows compared");
    }

    [Fact]
    public async Task A_group_and_a_submission_saved_alone_write_the_audit_line_before_the_case_so_they_lock_in_one_order()
    {
        var hotline = await app.Host.ClientAsync("hotline_operator");
        var marker = Guid.NewGuid().ToString("N");
        await ExecuteAsync($"""
            CREATE TABLE order_{marker} (n serial, t text);
            CREATE FUNCTION order_{marker}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO order_{marker} (t) VALUES (TG_TABLE_NAME); RETURN NULL; END $$;
            CREATE TRIGGER order_{marker} AFTER INSERT ON complaints FOR EACH ROW EXECUTE FUNCTION order_{marker}();
            CREATE TRIGGER order_{marker} AFTER INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION order_{marker}();
            """);
        List<string> alone, grouped;
        try
        {
            await hotline.SubmitAsync(Registered("phone_12345", Person()));
            alone = await TablesInOrderAsync();
            await ExecuteAsync($"TRUNCATE order_{marker}");
            Assert.Equal(HttpStatusCode.Created, (await SendAsync(hotline, Guid.NewGuid().ToString(), Registered("phone_12345", Person()))).StatusCode);
            grouped = await TablesInOrderAsync();
        }
        finally
        {
            await ExecuteAsync($"""
                DROP TRIGGER order_{marker} ON complaints; DROP TRIGGER order_{marker} ON audit_entries;
                DROP FUNCTION order_{marker}(); DROP TABLE order_{marker};
                """);
        }

        // Each chain's lock (the audit line) before the case's rollup rows (the case's triggers), in both: no cycle between them.
        Assert.Equal(["audit_entries", "complaints"], alone);
        Assert.Equal(alone, grouped);

        async Task<List<string>> TablesInOrderAsync()
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT t FROM order_{marker} ORDER BY n", connection);
            var tables = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }

            return tables;
        }
    }

    [Fact]
    public async Task A_submission_whose_rows_fail_is_refused_alone_and_the_rest_of_its_group_is_stored()
    {
        var client = await app.Host.ClientAsync("citizen");
        var marker = Guid.NewGuid().ToString("N");
        await ExecuteAsync($"""
            CREATE FUNCTION refuse_{marker}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse_{marker} BEFORE INSERT ON complaints FOR EACH ROW WHEN (NEW.request = 'poison {marker}') EXECUTE FUNCTION refuse_{marker}();
            """);
        try
        {
            var bodies = Enumerable.Range(0, 8).Select(i =>
            {
                var body = Online();
                body["request"] = i == 3 ? $"poison {marker}" : $"good {i} {marker}";
                return body;
            }).ToList();

            var responses = await Task.WhenAll(bodies.Select(b => SendAsync(client, Guid.NewGuid().ToString(), b)));

            Assert.Equal(HttpStatusCode.InternalServerError, responses[3].StatusCode);
            Assert.All(responses.Where((_, i) => i != 3), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            Assert.Equal(7, await CountAsync($"SELECT count(*) FROM complaints WHERE request LIKE 'good % {marker}'"));
            Assert.Equal(0, await CountAsync($"SELECT count(*) FROM complaints WHERE request = 'poison {marker}'"));
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER refuse_{marker} ON complaints; DROP FUNCTION refuse_{marker}();");
        }
    }

    [Fact]
    public async Task A_refused_submission_leaves_its_key_free_so_the_retry_is_stored()
    {
        var client = await app.Host.ClientAsync("citizen");
        var marker = Guid.NewGuid().ToString("N");
        var key = Guid.NewGuid().ToString();
        var body = Online();
        body["request"] = $"retry {marker}";
        await ExecuteAsync($"""
            CREATE FUNCTION refuse_{marker}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
            CREATE TRIGGER refuse_{marker} BEFORE INSERT ON complaints FOR EACH ROW WHEN (NEW.request = 'retry {marker}') EXECUTE FUNCTION refuse_{marker}();
            """);
        HttpResponseMessage failed;
        try
        {
            failed = await SendAsync(client, key, body);
        }
        finally
        {
            await ExecuteAsync($"DROP TRIGGER refuse_{marker} ON complaints; DROP FUNCTION refuse_{marker}();");
        }

        var retried = await SendAsync(client, key, body);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM complaints WHERE request = 'retry {marker}'"));
    }

    [Fact]
    public async Task A_key_past_its_retention_is_taken_over_by_a_new_submission()
    {
        var subject = $"citizen-{Guid.NewGuid():N}";
        var client = app.Host.ClientWithClaims(new()
        {
            ["sub"] = subject, ["role"] = "citizen", ["name"] = "测试", ["id_type"] = "resident_id", ["id_number"] = "53010219880119123X", ["phone"] = "13812345678",
        });
        var key = Guid.NewGuid().ToString();
        await ExecuteAsync($"""
            INSERT INTO idempotency_records (scope, key, method, path, request_hash, created_at, status_code)
            VALUES ('{subject}', '{key}', 'POST', '/api/v1/complaints', repeat('0', 64), now() - interval '30 days', 201)
            """);
        var body = Online();
        body["request"] = $"expired key {key}";

        var response = await SendAsync(client, key, body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM idempotency_records WHERE key = '{key}' AND request_hash <> repeat('0', 64)"));
    }

    [Fact]
    public async Task Many_submissions_committed_together_keep_every_audit_chain_intact()
    {
        var client = await app.Host.ClientAsync("citizen");
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
        {
            var body = Online();
            body["request"] = $"并发分组 {i}";
            return SendAsync(client, Guid.NewGuid().ToString(), body);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingNumber").GetString()));
        Assert.Equal(40, numbers.Distinct().Count());
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Null(await AuditTrail.FindFirstBreakAsync(db, CancellationToken.None));
    }

    [Fact]
    public async Task A_full_intake_queue_refuses_at_once_with_503_rather_than_waiting()
    {
        await using var dataSource = NpgsqlDataSource.Create(app.ConnectionString);
        // Not started: nothing takes the queue's one place, so the next job finds it full.
        var writer = new IntakeWriter(dataSource, Options.Create(new IntakeOptions { QueueLength = 1 }),
            Options.Create(new Idempotency.IdempotencyOptions()), NullLogger<IntakeWriter>.Instance);
        var waiting = writer.CommitAsync(Job("first"));

        var refused = await Assert.ThrowsAsync<DependencyUnavailableException>(() => writer.CommitAsync(Job("second")));

        Assert.Equal("intake", DependencyFailures.Find(refused));
        Assert.False(waiting.IsCompleted);

        // A writer that stops answers what it still holds the same way, never leaving a request waiting.
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);
        await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(waiting.IsCompleted);

        // A running writer commits a job and answers it stored.
        var logs = new LogCapture();
        writer = new IntakeWriter(dataSource, Options.Create(new IntakeOptions { QueueLength = 1 }),
            Options.Create(new Idempotency.IdempotencyOptions()), new Logger<IntakeWriter>(new LoggerFactory([logs])));
        await writer.StartAsync(CancellationToken.None);
        var third = writer.CommitAsync(Job($"third {Guid.NewGuid():N}"));
        await Task.WhenAny(third, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.True(third.IsCompletedSuccessfully, $"{third.Status} {third.Exception} {logs.All}");
        Assert.Equal(IntakeOutcome.Stored, await third);
        await writer.StopAsync(CancellationToken.None);

        static IntakeJob Job(string key) =>
            new("test", key, "POST", "/api/v1/complaints", new string('0', 64), DateTimeOffset.UtcNow, 400, null, null, null, [], "");
    }

    private static async Task<List<(string Table, string Column)>> TablesOfACaseAsync(NpgsqlConnection connection)
    {
        var tables = new List<(string, string)> { ("complaints", "id") };
        await using var command = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name IN ('complaint_id', 'case_id') ORDER BY table_name
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add((reader.GetString(0), reader.GetString(1)));
        }

        return tables;
    }

    /// <summary>The case's rows of one table as JSON, without the columns that differ by nature, encrypted ones decrypted, sorted.</summary>
    private static async Task<List<string>> RowsAsync(NpgsqlConnection connection, string table, string column, Guid id, PersonalDataProtector protector)
    {
        await using var command = new NpgsqlCommand($"SELECT to_jsonb(t)::text FROM \"{table}\" t WHERE \"{column}\" = $1", connection);
        command.Parameters.AddWithValue(id);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = JsonNode.Parse(reader.GetString(0))!.AsObject();
            foreach (var name in row.Select(p => p.Key).Where(DiffersByNature.Contains).ToList())
            {
                row.Remove(name);
            }

            // Each encryption draws its own nonce: what is compared is what was encrypted.
            foreach (var name in row.Select(p => p.Key).Where(k => k.EndsWith("_encrypted", StringComparison.Ordinal)).ToList())
            {
                row[name] = row[name] is JsonValue v && v.TryGetValue<string>(out var sealedText) ? protector.Decrypt(sealedText) : null;
            }

            rows.Add(row.ToJsonString());
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }
}
