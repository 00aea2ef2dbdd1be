using Complaints.Domain.Cases;
using Complaints.Domain.Reporting;

namespace Complaints.Domain.Tests.Reporting;

/// <summary>#15 item 2: the figures of 第十八条 are one table; counting, summing and exporting all read it.</summary>
public class FiguresTests
{
    [Fact]
    public void Every_figure_has_a_unique_key_and_a_chinese_label_第十八条()
    {
        Assert.Equal(Figures.All.Count, Figures.All.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Figures.All, f => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", f.Label));
        Assert.Equal(["invalid", "satisfactionRate"], Figures.All.Where(f => !f.IsCounted).Select(f => f.Key));
    }

    [Fact]
    public void Each_counted_figure_reads_back_the_number_it_was_built_from_第十八条()
    {
        // A different number per figure: a key wired to the wrong field reads back another figure's number.
        var n = Figures.Counted.Select((f, i) => (f.Key, Count: i + 1)).ToDictionary(x => x.Key, x => x.Count);

        var statistics = Figures.Statistics(n, [], []);

        Assert.All(Figures.Counted, f => Assert.True(f.CountIn(statistics) == n[f.Key], $"{f.Key} ({f.Label}) reads {f.CountIn(statistics)}, built from {n[f.Key]}"));
        Assert.Equal(n[Figures.Key("finding", Finding.Unsubstantiated)] + n[Figures.Key("finding", Finding.Unverifiable)], statistics.Invalid);
        Assert.Equal(Enum.GetValues<SatisfactionRating>().Sum(r => n[Figures.Key("satisfaction", r)]), statistics.Rated);
    }

    [Fact]
    public void Each_distribution_lists_every_member_as_a_figure_第十八条()
    {
        Assert.All(Enum.GetValues<Channel>(), ch => Assert.Contains(Figures.Counted, f => f.Key == Figures.Key("received", ch)));
        Assert.All(Enum.GetValues<NotAcceptedReason>(), r => Assert.Contains(Figures.Counted, f => f.Key == Figures.Key("notAccepted", r)));
        Assert.All(Enum.GetValues<Finding>(), x => Assert.Contains(Figures.Counted, f => f.Key == Figures.Key("finding", x)));
        Assert.All(Enum.GetValues<SatisfactionRating>(), x => Assert.Contains(Figures.Counted, f => f.Key == Figures.Key("satisfaction", x)));
    }

    [Fact]
    public void A_summed_report_adds_up_every_counted_figure_and_recomputes_the_derived_ones_第十八条()
    {
        var a = Figures.Statistics(Figures.Counted.Select((f, i) => (f.Key, i + 1)).ToDictionary(x => x.Key, x => x.Item2), [], []);
        var b = Figures.Statistics(Figures.Counted.Select((f, i) => (f.Key, 2 * i)).ToDictionary(x => x.Key, x => x.Item2), [], []);

        var sum = ReportAggregation.Sum([a, b]);

        Assert.All(Figures.Counted, f => Assert.Equal(f.CountIn(a) + f.CountIn(b), f.CountIn(sum)));
        Assert.Equal(a.Invalid + b.Invalid, sum.Invalid);
        Assert.Equal(ComplaintStatistics.SatisfactionRateOf(sum.Satisfaction), sum.SatisfactionRate);
    }
}
