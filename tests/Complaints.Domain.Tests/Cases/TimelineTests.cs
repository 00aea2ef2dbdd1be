using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class TimelineTests
{
    private static Complaint FullStory()
    {
        var complaint = InHandling();
        complaint.AddInvestigationRecord(InvestigationMethod.Interview, "谈话核实", Agency, Cst(2026, 3, 5, 10)).ShouldSucceed();
        complaint.Extend(Weekdays, "情况复杂", Agency, Cst(2026, 3, 6, 10)).ShouldSucceed();
        complaint.Conclude(Weekdays, Finding.Substantiated, "已整改", null, Agency, ConcludedAt).ShouldSucceed();
        complaint.RateSatisfaction(SatisfactionRating.Satisfied, null, Citizen, Later).ShouldSucceed();
        return complaint;
    }

    [Fact]
    public void Every_change_appends_one_entry_in_order_第十七条()
    {
        var complaint = FullStory();

        Assert.Equal(
            [
                TimelineEventKind.Received,
                TimelineEventKind.Referred,
                TimelineEventKind.Accepted,
                TimelineEventKind.InvestigationRecorded,
                TimelineEventKind.Extended,
                TimelineEventKind.Concluded,
                TimelineEventKind.Rated,
            ],
            complaint.Timeline.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, 7), complaint.Timeline.Select(e => e.Sequence));
        Assert.Equal(complaint.Timeline.Select(e => e.At).Order(), complaint.Timeline.Select(e => e.At));
    }

    [Fact]
    public void A_refused_action_leaves_the_timeline_untouched()
    {
        var complaint = Concluded();
        var before = complaint.Timeline.ToList();

        complaint.Accept(Weekdays, Classification.Onsite, Agency, Later).ShouldFailWith(ComplaintErrors.InvalidTransition);
        complaint.RateSatisfaction(SatisfactionRating.Satisfied, null, OtherCitizen, Later).ShouldFailWith(ComplaintErrors.NotComplainant);

        Assert.Equal(before, complaint.Timeline);
    }

    [Fact]
    public void Earlier_entries_are_never_rewritten_第十七条()
    {
        var complaint = InHandling();
        var accepted = complaint.Timeline[^1];
        var details = accepted.Details.ToDictionary();

        complaint.Extend(Weekdays, "情况复杂", Agency, Later).ShouldSucceed();
        complaint.AddInvestigationRecord(InvestigationMethod.Interview, "约谈窗口工作人员。", Agency, Later).ShouldSucceed();
        complaint.Conclude(Weekdays, Finding.Unverifiable, "无法核实", null, Agency, Later).ShouldSucceed();

        Assert.Same(accepted, complaint.Timeline[2]);
        Assert.Equal(details, complaint.Timeline[2].Details.ToDictionary());
    }

    [Fact]
    public void The_timeline_cannot_be_changed_from_outside()
    {
        var complaint = Received();

        Assert.False(complaint.Timeline is List<TimelineEntry>);
        Assert.Throws<NotSupportedException>(() => ((IList<TimelineEntry>)complaint.Timeline).Clear());
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, string>)complaint.Timeline[0].Details).Clear());
        Assert.All(
            typeof(TimelineEntry).GetProperties(),
            p => Assert.True(p.SetMethod is null || !p.SetMethod.IsPublic, $"{p.Name} has a public setter"));
        Assert.DoesNotContain(typeof(Complaint).GetMethods(), m => m.IsPublic && m.Name.Contains("Timeline", StringComparison.Ordinal) && m.Name != "get_Timeline");
    }

    [Fact]
    public void Each_entry_names_the_actor_and_the_article()
    {
        var complaint = InHandling();

        var referred = complaint.Timeline[1];
        Assert.Equal("management-1", referred.ActorUserId);
        Assert.Equal(ActorRole.ManagementStaff, referred.ActorRole);
        Assert.Equal(Region, referred.ActorRegionCode);
        Assert.Equal("第十条", referred.Article);
        var accepted = complaint.Timeline[2];
        Assert.Equal(AgencyA, accepted.ActorAgencyId);
        Assert.Equal("第十一条", accepted.Article);
        Assert.Equal("offsite", accepted.Details["classification"]);
    }

    [Fact]
    public void Timeline_details_hold_no_personal_data()
    {
        var complaint = FullStory();
        string[] personal = ["张三", "李四", "530102199001011234", "13800000000", "谈话核实", "情况复杂", "已整改"];

        foreach (var entry in complaint.Timeline)
        {
            foreach (var value in entry.Details.Values)
            {
                Assert.DoesNotContain(personal, p => value.Contains(p, StringComparison.Ordinal));
            }
        }
    }
}
