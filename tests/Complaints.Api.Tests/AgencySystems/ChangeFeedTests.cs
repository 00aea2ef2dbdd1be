using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;
using Npgsql;

namespace Complaints.Api.Tests.AgencySystems;

/// <summary>
/// GET /api/v1/cases/changes: every change to a case in the caller's remit (第五条), in order per case, resumable by
/// cursor, and never skipping a change even when transactions commit out of order.
/// </summary>
[Collection(AgencySystemsCollection.Name)]
public sealed class ChangeFeedTests(AgencySystemsFixture fx)
{
    private sealed record Change(string Cursor, Guid CaseId, int Version, string Status);

    private async Task<(List<Change> Items, string Next)> ReadAsync(HttpClient client, string? after)
    {
        var items = new List<Change>();
        var cursor = after;
        while (true)
        {
            var response = await client.GetAsync("/api/v1/cases/changes?limit=50" + (cursor is null ? "" : "&after=" + cursor));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            var page = JsonDocument.Parse(text).RootElement;
            items.AddRange(page.GetProperty("items").EnumerateArray().Select(i => new Change(i.GetProperty("cursor").GetString()!, i.GetProperty("caseId").GetGuid(),
                i.GetProperty("version").GetInt32(), i.GetProperty("status").GetString()!)));
            cursor = page.GetProperty("nextCursor").GetString()!;
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return (items, cursor);
            }
        }
    }

    /// <summary>Reads on from <paramref name="after"/> until <paramref name="done"/> holds for what was read (other databases' transactions may hold the horizon back a moment).</summary>
    private async Task<(List<Change> Items, string Next)> ReadUntilAsync(HttpClient client, string after, Func<List<Change>, bool> done)
    {
        var all = new List<Change>();
        var cursor = after;
        for (var i = 0; i < 200; i++)
        {
            var (items, next) = await ReadAsync(client, cursor);
            all.AddRange(items);
            cursor = next;
            if (done(all))
            {
                return (all, cursor);
            }

            await Task.Delay(50);
        }

        return (all, cursor);
    }

    private static long Position(string cursor) => long.Parse(cursor.Split('_')[1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_feed_lists_each_change_in_the_callers_remit_in_order_and_resumes_by_cursor_第五条()
    {
        var agency = await fx.Host.ClientAsync("agency_system");
        var (_, start) = await ReadAsync(agency, null);
        var flow = new CaseFlow(fx.Host);
        var id = await flow.SubmitOnlineAsync("citizen");
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = ComplaintBodies.WuhuaMarket });
        await flow.ActAsync("agency_system", id, "acceptance", new { decision = "accept", classification = "offsite" });

        var (items, next) = await ReadUntilAsync(agency, start, read => read.Count(c => c.CaseId == id) >= 3);
        Assert.Equal(
            [(1, "pending_referral"), (2, "pending_acceptance"), (3, "in_handling")],
            items.Where(c => c.CaseId == id).Select(c => (c.Version, c.Status)));

        // Resuming from the cursor answers only what is new.
        var (again, same) = await ReadAsync(agency, next);
        Assert.DoesNotContain(again, c => c.CaseId == id);
        await flow.ActAsync("agency_system", id, "investigation-records", new { method = "interview", summary = "约谈窗口工作人员" });
        var (later, _) = await ReadUntilAsync(agency, same, read => read.Any(c => c.CaseId == id));
        Assert.Equal((4, "in_handling"), later.Where(c => c.CaseId == id).Select(c => (c.Version, c.Status)).Single());

        // Outside the remit: another agency's system sees none of it; the department's does.
        var other = fx.Host.ClientWithClaims(new Dictionary<string, object>
        {
            ["sub"] = "client-panlong-system", ["role"] = "agency_system", ["agency_id"] = Directory.DemoDirectory.PanlongHumanResources.ToString(),
        });
        Assert.DoesNotContain((await ReadAsync(other, null)).Items, c => c.CaseId == id);
        Assert.Contains((await ReadAsync(await fx.Host.ClientAsync("department_system"), null)).Items, c => c.CaseId == id);

        var bad = await agency.GetAsync("/api/v1/cases/changes?after=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"after\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fx.Host.ClientAsync("citizen")).GetAsync("/api/v1/cases/changes")).StatusCode);
    }

    [Fact]
    public async Task A_change_that_commits_after_a_later_one_is_not_skipped()
    {
        var flow = new CaseFlow(fx.Host);
        var a = await flow.SubmitOnlineAsync("citizen");
        var b = await flow.SubmitOnlineAsync("citizen2");
        var department = await fx.Host.ClientAsync("department_system");
        var (_, start) = await ReadUntilAsync(department, "0_0", read => read.Any(c => c.CaseId == b));

        await using var first = new NpgsqlConnection(fx.ConnectionString);
        await using var second = new NpgsqlConnection(fx.ConnectionString);
        await first.OpenAsync();
        await second.OpenAsync();
        await using var slow = await first.BeginTransactionAsync();
        await new NpgsqlCommand($"UPDATE complaints SET version = version + 1 WHERE id = '{a}'", first, slow).ExecuteNonQueryAsync();
        await using (var fast = await second.BeginTransactionAsync())
        {
            await new NpgsqlCommand($"UPDATE complaints SET version = version + 1 WHERE id = '{b}'", second, fast).ExecuteNonQueryAsync();
            await fast.CommitAsync();
        }

        // B's change is committed, A's is not: the feed waits rather than pass over A's position.
        var (meanwhile, cursor) = await ReadAsync(department, start);
        Assert.DoesNotContain(meanwhile, c => c.CaseId == a || c.CaseId == b);
        Assert.Equal(start, cursor);

        await slow.CommitAsync();
        var (items, _) = await ReadUntilAsync(department, cursor, read => read.Any(c => c.CaseId == a) && read.Any(c => c.CaseId == b));
        var changeA = Assert.Single(items, c => c.CaseId == a);
        var changeB = Assert.Single(items, c => c.CaseId == b);
        Assert.Equal((2, 2), (changeA.Version, changeB.Version));

        // A's row was written first (lower position) but committed last: a reader going by position alone would have skipped it.
        Assert.True(Position(changeA.Cursor) < Position(changeB.Cursor));
    }

    [Fact]
    public async Task Under_concurrent_writers_committing_out_of_order_the_feed_serves_every_change_once_and_in_order_per_case()
    {
        const int writers = 6;
        const int transactionsEach = 12;
        var flow = new CaseFlow(fx.Host);
        var cases = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add(await flow.SubmitOnlineAsync(i % 2 == 0 ? "citizen" : "citizen2"));
        }

        var department = await fx.Host.ClientAsync("department_system");
        var (_, start) = await ReadUntilAsync(department, "0_0", read => cases.All(id => read.Any(c => c.CaseId == id)));

        var committed = new ConcurrentBag<(Guid, int)>();
        var writing = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            await using var connection = new NpgsqlConnection(fx.ConnectionString);
            await connection.OpenAsync();
            for (var t = 0; t < transactionsEach; t++)
            {
                var id = cases[random.Next(cases.Count)];
                await using var tx = await connection.BeginTransactionAsync();
                var version = (int)(await new NpgsqlCommand($"UPDATE complaints SET version = version + 1 WHERE id = '{id}' RETURNING version", connection, tx).ExecuteScalarAsync())!;

                // Hold the transaction open a random while, so that commits overtake one another.
                await new NpgsqlCommand($"SELECT pg_sleep({random.Next(0, 25) / 1000.0:0.000})", connection, tx).ExecuteNonQueryAsync();
                await tx.CommitAsync();
                committed.Add((id, version));
            }
        })));

        // A reader polls throughout, resuming from each page's cursor, as an agency system would.
        var seen = new List<Change>();
        var cursor = start;
        while (!writing.IsCompleted || seen.Count < writers * transactionsEach)
        {
            var (items, next) = await ReadAsync(department, cursor);
            seen.AddRange(items);
            cursor = next;
            if (writing.IsCompleted && items.Count == 0)
            {
                var (rest, after) = await ReadUntilAsync(department, cursor, read => seen.Count + read.Count >= writers * transactionsEach);
                seen.AddRange(rest);
                cursor = after;
                break;
            }

            await Task.Delay(5);
        }

        await writing;
        var served = seen.Where(c => cases.Contains(c.CaseId)).Select(c => (c.CaseId, c.Version)).ToList();
        Assert.Equal(served.Count, served.Distinct().Count());
        Assert.Equal(committed.OrderBy(x => x.Item1).ThenBy(x => x.Item2), served.OrderBy(x => x.CaseId).ThenBy(x => x.Version));
        foreach (var id in cases)
        {
            var versions = served.Where(c => c.CaseId == id).Select(c => c.Version).ToList();
            Assert.Equal(versions.Order(), versions);
        }
    }
}
