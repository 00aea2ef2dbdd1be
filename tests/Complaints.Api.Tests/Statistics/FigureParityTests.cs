using Complaints.Api.Persistence;
using Complaints.Api.Statistics;
using Complaints.Domain.Calendar;
using Complaints.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Statistics;

/// <summary>
/// #15 item 2: each figure of 第十八条 is defined once (the domain's Figures: key, label, C# condition; the API's
/// StatisticsFigures: the SQL of each key); over the statistics data set, PostgreSQL's count and the C# count of every figure
/// agree, and so does the domain's ComplaintStatistics.
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
        foreach (var figure in Figures.All)
        {
            var inSql = figure.Read(bySql);
            if (figure.Counts is { } counts)
            {
                Assert.True(summaries.Count(counts).Equals(inSql), $"{figure.Key} ({figure.Label}): SQL {inSql}, C# {summaries.Count(counts)}");
            }

            Assert.True(Equals(figure.Read(byDomain), inSql), $"{figure.Key} ({figure.Label}): SQL {inSql}, domain {figure.Read(byDomain)}");
        }

        // The data set exercises the figures: most counted ones are non-zero.
        Assert.True(Figures.Counted.Count(f => !Equals(f.Read(bySql), 0)) >= 20);
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
        foreach (var figure in Figures.All.Where(f => f.Read(sum) is int))
        {
            Assert.True(Equals(parts.Sum(p => (int)figure.Read(p)!), figure.Read(sum)), $"{figure.Key} ({figure.Label})");
        }

        Assert.True(parts.All(p => p.Received > 0));
    }

    [Fact]
    public void Every_counted_figure_has_its_sql_and_every_sql_is_a_figure()
    {
        Assert.Equal(Figures.Counted.Select(f => f.Key).Order(StringComparer.Ordinal), StatisticsFigures.Sql.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Figures.Counted.Select(f => f.Key), StatisticsFigures.Counted.Select(f => f.Figure.Key));
        Assert.All(Figures.All.Where(f => !f.IsCounted), f => Assert.False(StatisticsFigures.Sql.ContainsKey(f.Key), $"{f.Key} is derived"));
    }
}
