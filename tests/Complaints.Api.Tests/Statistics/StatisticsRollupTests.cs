using System.Net;
using System.Net.Http.Json;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Persistence;
using Complaints.Api.Statistics;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Cases;
using Complaints.Domain.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Statistics;

/// <summary>
/// #16 item 3: the statistics read rollups that the triggers keep in the transaction of every change; after a random
/// workload (submissions on every path, referrals, decisions and refusals, late ones as the clock moves on, extensions,
/// conclusions, re-decided rectifications, revisits and ratings, merges, withdrawals, coordination, major reports,
/// refused and rolled-back requests, a raw SQL update and a deleted case) every figure of every scope and period equals
/// the figure counted from the cases themselves, and the trigger-kept rollups equal a rebuild from the cases (the
/// benchmark seeder's way). A database of its own: the test moves its clock over five weeks.
/// </summary>
public sealed class StatisticsRollupTests
{
    private static readonly string[] Findings = [.. Enum.GetValues<Finding>().Select(f => WireNames.Of(f))];
    private static readonly string[] Ratings = [.. Enum.GetValues<SatisfactionRating>().Select(r => WireNames.Of(r))];

    [Fact]
    public void The_migration_runs_the_rollup_sql_generated_from_the_figures()
    {
        var file = Path.Combine(RepoPaths.Root, "api", "Complaints.Api", StatisticsRollups.MigrationSqlFile);
        var generated = StatisticsRollups.Generate();
        if (Environment.GetEnvironmentVariable("COMPLAINTS_UPDATE_ROLLUPS") == "1")
        {
            File.WriteAllText(file, generated);
            return;
        }

        Assert.True(File.ReadAllText(file).ReplaceLineEndings("\n") == generated,
            $"{StatisticsRollups.MigrationSqlFile} is not what the figures generate: a change of the figures needs a new migration with the regenerated rollups (docs/decisions/statistics-rollups.md).");
        Assert.All(StatisticsFigures.RolledUp, f => Assert.Contains($"'{f.Figure.Key}'", generated, StringComparison.Ordinal));
        // A figure that reads the moment of the request cannot be rolled up; every other one is.
        Assert.All(StatisticsFigures.Counted, f => Assert.Equal(f.Sql.Contains("@now", StringComparison.Ordinal), StatisticsFigures.Live.Contains(f.Figure.Key)));
    }

    [Fact]
    public void A_period_is_read_from_whole_years_whole_months_and_days_each_day_once()
    {
        // Every day of [from, to] in exactly one part, and no other day: the rows of the five ranges the rollups are read by.
        var random = new Random(6);
        var periods = new List<(DateOnly, DateOnly)>
        {
            (new(2025, 1, 1), new(2025, 12, 31)), (new(2025, 1, 1), new(2025, 1, 31)), (new(2024, 12, 31), new(2026, 1, 1)),
            (new(2025, 3, 5), new(2025, 3, 5)), (new(2024, 1, 1), new(2026, 12, 31)), (new(2025, 2, 1), new(2025, 2, 28)),
        };
        for (var i = 0; i < 300; i++)
        {
            var from = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 4 * 366));
            periods.Add((from, from.AddDays(random.Next(0, StatisticsEndpoints.MaxDays + 1))));
        }

        foreach (var (from, to) in periods)
        {
            var p = StatisticsQuery.PeriodParameters(from, to).ToDictionary(x => x.ParameterName, x => (DateOnly)x.Value!);
            var days = new List<DateOnly>();
            void Add(DateOnly start, DateOnly end, Func<DateOnly, DateOnly> next, Func<DateOnly, bool> isStart)
            {
                for (var d = start; d < end; d = next(d))
                {
                    Assert.True(isStart(d), $"{from}..{to}: a row starting {d} is not of its grain");
                    for (var day = d; day < next(d); day = day.AddDays(1))
                    {
                        days.Add(day);
                    }
                }
            }

            Add(p["years_from"], p["years_to"], d => d.AddYears(1), d => d.DayOfYear == 1);
            Add(p["months_from"], p["years_from"], d => d.AddMonths(1), d => d.Day == 1);
            Add(p["years_to"], p["months_to"], d => d.AddMonths(1), d => d.Day == 1);
            Add(p["from_day"], p["months_from"], d => d.AddDays(1), _ => true);
            Add(p["months_to"], p["after_day"], d => d.AddDays(1), _ => true);
            var expected = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
            Assert.True(expected.SequenceEqual(days.Order()), $"{from}..{to}: the parts cover {days.Count} days, not each of its {expected.Count} once");
            if (from.DayOfYear == 1 && to.AddDays(1).DayOfYear == 1)
            {
                Assert.Equal(from, p["years_from"]); // a whole year is read from its year rows
            }
        }
    }

    [Fact]
    public async Task Rollups_equal_the_figures_counted_from_the_cases_after_a_random_workload_第十八条()
    {
        // Thursday 29 October 2026, 10:00 CST: the workload runs into December, over two month boundaries.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 29, 10, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime());
        var connectionString = await TestDatabase.CreateAsync("rollups");
        await using var host = await AppFixture.StartAsync("Development", connectionString, clock, settings: new Dictionary<string, string?>
        {
            ["RateLimits:SubmissionPerMinute"] = "100000",
        });
        var flow = new CaseFlow(host);
        var random = new Random(16);
        var wuhuaHr = DemoDirectory.AgencyId(8);
        var qujing = DemoDirectory.AgencyId(17);
        var cases = new List<(Guid Id, string Owner)>();
        var refused = 0;

        // Where each case stands: 0 received by a department, 1 to be decided, 2 accepted, 3 concluded, 4 rectification ordered,
        // 5 rectification reported, -1 nothing more planned (any action on it is random and mostly refused).
        var stage = new Dictionary<Guid, int>();

        async Task<bool> Post(string persona, string path, object body)
        {
            var response = await (await flow.As(persona)).PostAsJsonAsync(path, body);
            Assert.True((int)response.StatusCode < 500, $"{persona} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            refused += response.IsSuccessStatusCode ? 0 : 1;
            return response.IsSuccessStatusCode;
        }

        // Any action on any case, whatever its state: most are refused, and a refused request moves nothing.
        async Task AnyAction(Guid id, string owner)
        {
            var act = $"/api/v1/cases/{id}/";
            switch (random.Next(16))
            {
                case 0 or 1:
                    await Post("management_staff", act + "referral", new { agencyId = WuhuaMarket, note = "请依法处理" });
                    break;
                case 2 or 3:
                    await Post("agency_staff", act + "acceptance", new { decision = "accept", classification = Pick(new[] { "onsite", "offsite" }) });
                    break;
                case 4:
                    await Post(Pick(new[] { "agency_staff", "management_staff" }), act + "acceptance", new { decision = "not_accept", reason = "other_legal_channel" });
                    break;
                case 5:
                    await Post("agency_staff", act + "extension", new { reason = "需调取录像" });
                    break;
                case 6 or 7:
                    await Post("agency_staff", act + "conclusion", new { finding = Pick(Findings), result = "已核实处理" });
                    break;
                case 8:
                    await Post("agency_staff", act + "revisit", new { method = "phone", rating = Pick(Ratings) });
                    break;
                case 9:
                    await Post(owner.Length > 0 ? owner : "citizen", $"/api/v1/complaints/{id}/satisfaction", new { rating = Pick(Ratings) });
                    break;
                case 10:
                    await Post(owner.Length > 0 ? owner : "citizen", $"/api/v1/complaints/{id}/withdrawal", new { reason = "已自行解决" });
                    break;
                case 11:
                    await Post("agency_staff", act + "merge", new { intoCaseId = Pick(cases).Id });
                    break;
                case 12:
                    await Post("management_staff", act + "coordination", new { leadAgencyId = WuhuaMarket, cooperatingAgencyIds = new[] { wuhuaHr } });
                    break;
                case 13:
                    await Post("management_staff", act + "major-report", new { summary = "群体性诉求" });
                    break;
                case 14:
                    await Post("management_staff", act + "rectification", new { requirement = "完善制度", dueDate = "2099-01-31" });
                    break;
                default:
                    await Post("agency_staff", act + "rectification/completion", new { report = "已完善" });
                    await Post("management_staff", act + "rectification/verification", new { accepted = random.Next(2) == 0, note = "核验" });
                    break;
            }
        }

        async Task Next(Guid id, string owner)
        {
            var act = $"/api/v1/cases/{id}/";
            var complainant = owner.Length > 0 ? owner : "citizen";
            var r = random.NextDouble();
            switch (stage[id])
            {
                case 0:
                    stage[id] = await Post("management_staff", act + "referral", new { agencyId = WuhuaMarket, note = "请依法处理" }) ? 1 : 0;
                    break;
                case 1 when r < 0.2:
                    stage[id] = await Post(Pick(new[] { "agency_staff", "management_staff" }), act + "acceptance", new { decision = "not_accept", reason = "other_legal_channel" }) ? -1 : 1;
                    break;
                case 1 when r < 0.3:
                    stage[id] = await Post(complainant, $"/api/v1/complaints/{id}/withdrawal", new { reason = "已自行解决" }) ? -1 : 1;
                    break;
                case 1:
                    stage[id] = await Post("agency_staff", act + "acceptance", new { decision = "accept", classification = Pick(new[] { "onsite", "offsite" }) }) ? 2 : 1;
                    break;
                case 2 when r < 0.15:
                    await Post("agency_staff", act + "extension", new { reason = "需调取录像" });
                    break;
                case 2 when r < 0.25:
                    stage[id] = await Post("agency_staff", act + "merge", new { intoCaseId = Pick(cases).Id }) ? -1 : 2;
                    break;
                case 2 when r < 0.3:
                    stage[id] = await Post(complainant, $"/api/v1/complaints/{id}/withdrawal", new { reason = "已自行解决" }) ? -1 : 2;
                    break;
                case 2 when r < 0.35:
                    await Post("management_staff", act + "coordination", new { leadAgencyId = WuhuaMarket, cooperatingAgencyIds = new[] { wuhuaHr } });
                    break;
                case 2 when r < 0.4:
                    await Post("management_staff", act + "major-report", new { summary = "群体性诉求" });
                    break;
                case 2:
                    stage[id] = await Post("agency_staff", act + "conclusion", new { finding = Pick(Findings), result = "已核实处理" }) ? 3 : 2;
                    break;
                case 3 when r < 0.35:
                    await Post("agency_staff", act + "revisit", new { method = "phone", rating = Pick(Ratings) });
                    break;
                case 3 when r < 0.6:
                    await Post(complainant, $"/api/v1/complaints/{id}/satisfaction", new { rating = Pick(Ratings) });
                    break;
                case 3:
                    stage[id] = await Post("management_staff", act + "rectification", new { requirement = "完善制度", dueDate = "2099-01-31" }) ? 4 : 3;
                    break;
                case 4:
                    stage[id] = await Post("agency_staff", act + "rectification/completion", new { report = "已完善" }) ? 5 : 4;
                    break;
                case 5:
                    // Re-decided: sent back (completed again), or accepted.
                    var accepted = random.Next(2) == 0;
                    stage[id] = await Post("management_staff", act + "rectification/verification", new { accepted, note = "核验" }) ? (accepted ? -1 : 4) : 5;
                    break;
                default:
                    await AnyAction(id, owner);
                    break;
            }
        }

        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        async Task Submit()
        {
            switch (random.Next(4))
            {
                case 0:
                case 1:
                    var owner = Pick(new[] { "citizen", "citizen2", "enterprise" });
                    var body = Online(Pick(new[] { WuhuaMarket, WuhuaMarket, wuhuaHr, qujing }), Pick(new[] { "online_app", "online_portal" }));
                    body["serviceItem"] = new { code = "530102-SCJG-001", name = Pick(new[] { "个体工商户设立登记", "食品经营许可", "不动产登记" }) };
                    cases.Add(((await (await flow.As(owner)).SubmitAsync(body)).GetProperty("id").GetGuid(), owner));
                    stage[cases[^1].Id] = 0;
                    break;
                case 2:
                    cases.Add(((await (await flow.As("hotline_operator")).SubmitAsync(Registered("phone_12345", Person(), Pick(new[] { WuhuaMarket, wuhuaHr })))).GetProperty("id").GetGuid(), ""));
                    stage[cases[^1].Id] = 0;
                    break;
                default:
                    cases.Add(((await (await flow.As("agency_staff")).SubmitAsync(Registered("in_person", Person()))).GetProperty("id").GetGuid(), ""));
                    stage[cases[^1].Id] = 1;
                    break;
            }
        }

        for (var i = 0; i < 12; i++)
        {
            await Submit();
        }

        for (var step = 0; step < 260; step++)
        {
            // Hours to days between steps: referrals, decisions and conclusions fall late, deadlines pass.
            clock.Advance(TimeSpan.FromHours(random.Next(10) < 9 ? random.Next(1, 5) : random.Next(24, 72)));
            if (random.Next(5) == 0)
            {
                await Submit();
                continue;
            }

            var (id, owner) = Pick(cases);
            if (random.Next(6) == 0)
            {
                await AnyAction(id, owner);
            }
            else
            {
                await Next(id, owner);
            }
        }

        // Writers outside the endpoints are held too: a raw update and a deleted case.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand($"UPDATE complaints SET is_major = NOT is_major WHERE id = '{cases[3].Id}'", connection);
            await update.ExecuteNonQueryAsync();
            await using var delete = new NpgsqlCommand($"DELETE FROM complaints WHERE id = '{cases[^1].Id}'", connection);
            await delete.ExecuteNonQueryAsync();
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var first = new DateOnly(2026, 10, 29);
        var last = global::Complaints.Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow());
        var scopes = new[]
        {
            new StatisticsScope(null, "530000", "530000"), new StatisticsScope(null, "530100", "530100"),
            new StatisticsScope(null, "530102", "530102"), StatisticsScope.OwnLevelOf("530100"), StatisticsScope.OwnLevelOf("530102"),
            new StatisticsScope(WuhuaMarket, null, "530102"), new StatisticsScope(wuhuaHr, null, "530102"), new StatisticsScope(qujing, null, "530302"),
        };
        var periods = new[]
        {
            (first, last), (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), (new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 2)),
            (new DateOnly(2026, 11, 12), new DateOnly(2026, 11, 12)), (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)),
            (new DateOnly(2026, 11, 3), last),
            // Whole years from the year rows, with months and days around them; a period across a year boundary without one.
            (new DateOnly(2025, 12, 15), new DateOnly(2027, 1, 10)), (new DateOnly(2026, 10, 15), new DateOnly(2027, 2, 28)),
        };
        var compared = 0;
        foreach (var s in scopes)
        {
            foreach (var (from, to) in periods)
            {
                foreach (var now in new[] { clock.GetUtcNow(), clock.GetUtcNow().AddDays(-10), clock.GetUtcNow().AddDays(60) })
                {
                    var rolled = await StatisticsQuery.ComputeAsync(db, s, from, to, now, CancellationToken.None);
                    var counted = await StatisticsQuery.FromCasesAsync(db, s, from, to, now, CancellationToken.None);
                    foreach (var figure in Figures.All)
                    {
                        Assert.True(Equals(figure.Read(rolled), figure.Read(counted)),
                            $"{s} {from}..{to} at {now:O}: {figure.Key} ({figure.Label}) rollups {figure.Read(rolled)}, cases {figure.Read(counted)}");
                    }

                    Assert.Equal(counted.TopRespondentAgencies, rolled.TopRespondentAgencies);
                    Assert.Equal(counted.TopServiceItems, rolled.TopServiceItems);
                    compared++;
                }
            }
        }

        // The workload reached the figures: most counted ones are non-zero over the whole span, and some requests were refused.
        var all = await StatisticsQuery.FromCasesAsync(db, scopes[0], first, last, clock.GetUtcNow(), CancellationToken.None);
        Assert.True(Figures.Counted.Count(f => !Equals(f.Read(all), 0)) >= 25, string.Join(", ", Figures.Counted.Where(f => Equals(f.Read(all), 0)).Select(f => f.Key)));
        Assert.True(refused > 0 && compared == scopes.Length * periods.Length * 3);

        // What the triggers kept equals what a rebuild from the cases (the migration's and the benchmark seeder's way) counts.
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            var kept = await RollupRowsAsync(connection);
            await using (var rebuild = new NpgsqlCommand("SELECT statistics_rebuild()", connection))
            {
                await rebuild.ExecuteNonQueryAsync();
            }

            Assert.Equal(await RollupRowsAsync(connection), kept);
        }
    }

    /// <summary>Every non-zero rollup row (subtraction leaves rows of zeros behind, a rebuild does not make them), as text.</summary>
    private static async Task<List<string>> RollupRowsAsync(NpgsqlConnection connection)
    {
        var nonZero = string.Join(" OR ", StatisticsFigures.RolledUp.Select(f => $"{StatisticsRollups.Column(f.Figure.Key)} <> 0"));
        var rows = new List<string>();
        await using var command = new NpgsqlCommand($"""
            SELECT r::text FROM statistics_rollup r WHERE {nonZero}
            UNION ALL SELECT i::text FROM statistics_items i WHERE n <> 0
            UNION ALL SELECT s::text FROM statistics_cases s
            ORDER BY 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
