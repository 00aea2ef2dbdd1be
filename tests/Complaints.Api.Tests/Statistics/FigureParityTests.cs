using Complaints.Api.Persistence;
using Complaints.Api.Statistics;
using Complaints.Domain.Calendar;
using Complaints.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Statistics;

/// <summary>
/// #15 item 2: each figure of 第十八条 is defined once (StatisticsFigures: key, label, SQL condition, C# condition); over the
/// statistics data set, PostgreSQL's count and the C# count of every figure agree, and so does the domain's ComplaintStatistics.
/// </summary>
public sealed class FigureParityTests(StatisticsFixture data) : IClassFixture<StatisticsFixture>
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(90)]
    public async Task Every_figure_counts_the_same_in_sql_and_in_csharp_第十八条(int daysLater)
    {
        // Later instants turn open cases overdue one deadline after another.
        var now = data.Clock.GetUtcNow().AddDays(daysLater);
        await using var scope = data.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
        var province = new StatisticsScope(null, "530000", "530000");

        var bySql = await StatisticsQuery.ComputeAsync(db, province, StatisticsFixture.Day.AddDays(-1), StatisticsFixture.Day, now, CancellationToken.None);
        var cases = await db.Complaints.AsNoTracking().AsSplitQuery().ToListAsync();
        var summaries = cases.Select(c => StatisticsFigures.SummaryOf(c, "", calendar, now)).ToList();
        var byDomain = ComplaintStatistics.Compute(summaries);

        Assert.Equal(cases.Count, bySql.Received);
        foreach (var figure in StatisticsFigures.All)
        {
            var inSql = figure.Read(bySql);
            if (figure.Counts is { } counts)
            {
                Assert.True(summaries.Count(counts).Equals(inSql), $"{figure.Key} ({figure.Label}): SQL {inSql}, C# {summaries.Count(counts)}");
            }

            Assert.True(Equals(figure.Read(byDomain), inSql), $"{figure.Key} ({figure.Label}): SQL {inSql}, domain {figure.Read(byDomain)}");
        }

        // The data set exercises the figures: most counted ones are non-zero.
        Assert.True(StatisticsFigures.Counted.Count(f => !Equals(f.Read(bySql), 0)) >= 20);
    }

    [Fact]
    public async Task A_report_that_sums_reports_sums_every_counted_figure_第十八条()
    {
        await using var scope = data.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var from = StatisticsFixture.Day.AddDays(-1);
        var parts = new[]
        {
            await StatisticsQuery.ComputeAsync(db, new StatisticsScope(null, "530102", "530102"), from, StatisticsFixture.Day, data.Clock.GetUtcNow(), CancellationToken.None),
            await StatisticsQuery.ComputeAsync(db, new StatisticsScope(null, "530300", "530300"), from, StatisticsFixture.Day, data.Clock.GetUtcNow().AddDays(90), CancellationToken.None),
        };
        var sum = ReportAggregation.Sum(parts);
        foreach (var figure in StatisticsFigures.All.Where(f => f.Read(sum) is int))
        {
            Assert.True(Equals(parts.Sum(p => (int)figure.Read(p)!), figure.Read(sum)), $"{figure.Key} ({figure.Label})");
        }

        Assert.True(parts.All(p => p.Received > 0));
    }

    [Fact]
    public void Every_figure_has_a_unique_key_and_a_chinese_label()
    {
        Assert.Equal(StatisticsFigures.All.Count, StatisticsFigures.All.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(StatisticsFigures.All, f => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", f.Label));
        Assert.All(StatisticsFigures.All, f => Assert.Equal(f.Sql is null, f.Counts is null));
    }
}
