using Complaints.Domain.Cases;
using Complaints.Domain.Reporting;

namespace Complaints.Domain.Tests.Reporting;

/// <summary>
/// 第十八条 figures on ten hand-made cases; every expected number is counted by hand in the
/// comments of <see cref="Cases"/>.
/// </summary>
public class ComplaintStatisticsTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);
    private static readonly Guid PassportOffice = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid MarketRegulation = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid SocialSecurity = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    //  #  channel        status             ref/ontime  class    concl/ontime ext over merg finding   rating  rect ord/done major agency item
    //  1  online_portal  concluded          y/y         offsite  y/y          .   .    .    subst     S       y/y           .     A     护照办理
    //  2  phone_12345    concluded          y/n         onsite   y/y          .   .    .    partial   VS      .             .     A     护照办理
    //  3  onsite         not_accepted(rep)  .           .        .            .   .    .    .         .       .             .     B     营业执照办理
    //  4  phone_12345    not_accepted(nc)   y/y         .        .            .   .    .    .         .       .             .     B     营业执照办理
    //  5  email          in_handling        .           offsite  .            y   y    .    .         .       .             y     C     社保卡办理
    //  6  letter         pending_acceptance .           .        .            .   .    .    .         .       .             .     C     (blank)
    //  7  online_app     concluded          .           offsite  y/n          y   .    .    unsubst   D       y/n           .     A     护照办理
    //  8  online_app     concluded          .           offsite  y/y          .   .    .    unverif   BS      .             .     B     食品经营许可
    //  9  phone_12345    merged             .           offsite  .            .   .    y    .         .       .             .     A'    护照办理 (A renamed, latest)
    // 10  suggestion_box withdrawn          .           .        .            .   .    .    .         .       .             .     C     社保卡办理
    private static readonly CaseSummary[] Cases =
    [
        Case(1, Channel.OnlinePortal, ComplaintStatus.Concluded, PassportOffice, "护照办理") with
        {
            Referred = true, ReferredOnTime = true, Classification = Classification.Offsite, Concluded = true, ConcludedOnTime = true,
            Finding = Finding.Substantiated, Satisfaction = SatisfactionRating.Satisfied, RectificationOrdered = true, RectificationCompleted = true,
        },
        Case(2, Channel.Phone12345, ComplaintStatus.Concluded, PassportOffice, "护照办理") with
        {
            Referred = true, ReferredOnTime = false, Classification = Classification.Onsite, Concluded = true, ConcludedOnTime = true,
            Finding = Finding.PartiallySubstantiated, Satisfaction = SatisfactionRating.VerySatisfied,
        },
        Case(3, Channel.InPerson, ComplaintStatus.NotAccepted, MarketRegulation, "营业执照办理") with { NotAcceptedReason = NotAcceptedReason.RepeatWithoutNewEvidence },
        Case(4, Channel.Phone12345, ComplaintStatus.NotAccepted, MarketRegulation, "营业执照办理") with
        {
            Referred = true, ReferredOnTime = true, NotAcceptedReason = NotAcceptedReason.NoClearRespondentOrRequest,
        },
        Case(5, Channel.Email, ComplaintStatus.InHandling, SocialSecurity, "社保卡办理") with
        {
            Classification = Classification.Offsite, Extended = true, OverdueNow = true, Major = true,
        },
        Case(6, Channel.Letter, ComplaintStatus.PendingAcceptance, SocialSecurity, " "),
        Case(7, Channel.OnlineApp, ComplaintStatus.Concluded, PassportOffice, "护照办理") with
        {
            Classification = Classification.Offsite, Concluded = true, ConcludedOnTime = false, Extended = true,
            Finding = Finding.Unsubstantiated, Satisfaction = SatisfactionRating.Dissatisfied, RectificationOrdered = true,
        },
        Case(8, Channel.OnlineApp, ComplaintStatus.Concluded, MarketRegulation, "食品经营许可") with
        {
            Classification = Classification.Offsite, Concluded = true, ConcludedOnTime = true,
            Finding = Finding.Unverifiable, Satisfaction = SatisfactionRating.BasicallySatisfied,
        },
        Case(9, Channel.Phone12345, ComplaintStatus.Merged, PassportOffice, "护照办理") with
        {
            Classification = Classification.Offsite, Merged = true, RespondentAgencyName = "昆明市公安局出入境管理支队",
        },
        Case(10, Channel.SuggestionBox, ComplaintStatus.Withdrawn, SocialSecurity, "社保卡办理"),
    ];

    private static readonly ComplaintStatistics Stats = ComplaintStatistics.Compute(Cases);

    [Fact]
    public void Received_complaints_are_counted_by_channel_with_every_channel_listed_第十八条()
    {
        Assert.Equal(10, Stats.Received);
        Assert.Equal(
            new Dictionary<Channel, int>
            {
                [Channel.InPerson] = 1, [Channel.Phone12345] = 3, [Channel.PhoneHotline] = 0, [Channel.OnlinePortal] = 1,
                [Channel.OnlineApp] = 2, [Channel.Email] = 1, [Channel.Letter] = 1, [Channel.SuggestionBox] = 1,
            },
            Stats.ReceivedByChannel);
        Assert.Equal(Enum.GetValues<Channel>(), Stats.ReceivedByChannel.Keys);
    }

    [Fact]
    public void Accepted_and_not_accepted_by_reason_are_counted_第八条_第十八条()
    {
        Assert.Equal(6, Stats.Accepted); // 1, 2, 5, 7, 8, 9
        Assert.Equal(2, Stats.NotAccepted); // 3, 4
        Assert.Equal(
            new Dictionary<NotAcceptedReason, int>
            {
                [NotAcceptedReason.NoClearRespondentOrRequest] = 1, [NotAcceptedReason.AlreadyAcceptedOrInProgress] = 0,
                [NotAcceptedReason.OtherLegalChannel] = 0, [NotAcceptedReason.RepeatWithoutNewEvidence] = 1,
            },
            Stats.NotAcceptedByReason);
    }

    [Fact]
    public void Referral_classification_and_conclusion_figures_are_counted_第十八条()
    {
        Assert.Equal(3, Stats.Referred); // 1, 2, 4
        Assert.Equal(2, Stats.ReferredOnTime); // 1, 4
        Assert.Equal(1, Stats.Onsite); // 2
        Assert.Equal(5, Stats.Offsite); // 1, 5, 7, 8, 9
        Assert.Equal(4, Stats.Concluded); // 1, 2, 7, 8
        Assert.Equal(3, Stats.ConcludedOnTime); // 1, 2, 8
        Assert.Equal(2, Stats.Extended); // 5, 7
        Assert.Equal(1, Stats.OverdueNow); // 5
        Assert.Equal(1, Stats.Merged); // 9
        Assert.Equal(1, Stats.Major); // 5
    }

    [Fact]
    public void Findings_are_counted_by_kind_and_the_invalid_complaints_separately_第十四条()
    {
        Assert.Equal(
            new Dictionary<Finding, int>
            {
                [Finding.Substantiated] = 1, [Finding.PartiallySubstantiated] = 1, [Finding.Unsubstantiated] = 1, [Finding.Unverifiable] = 1,
            },
            Stats.Findings);
        Assert.Equal(2, Stats.Invalid); // 7, 8
    }

    [Fact]
    public void Satisfaction_lists_all_five_levels_and_the_rate_is_the_satisfied_share_of_the_rated_第十六条()
    {
        Assert.Equal(
            new Dictionary<SatisfactionRating, int>
            {
                [SatisfactionRating.VerySatisfied] = 1, [SatisfactionRating.Satisfied] = 1, [SatisfactionRating.BasicallySatisfied] = 1,
                [SatisfactionRating.Dissatisfied] = 1, [SatisfactionRating.VeryDissatisfied] = 0,
            },
            Stats.Satisfaction);
        Assert.Equal(4, Stats.Rated);
        Assert.Equal(0.75, Stats.SatisfactionRate); // (1 + 1 + 1) / 4
    }

    [Fact]
    public void Rectifications_ordered_and_completed_are_counted_第十六条()
    {
        Assert.Equal(2, Stats.RectificationsOrdered); // 1, 7
        Assert.Equal(1, Stats.RectificationsCompleted); // 1
    }

    [Fact]
    public void The_top_respondent_agencies_are_ranked_by_count_under_their_latest_name()
    {
        // A: 1, 2, 7, 9 = 4; B and C: 3 each, tied and ordered by name (人 U+4EBA before 市 U+5E02).
        Assert.Equal(
            [
                new AgencyCount(PassportOffice, "昆明市公安局出入境管理支队", 4),
                new AgencyCount(SocialSecurity, "人社局", 3),
                new AgencyCount(MarketRegulation, "市场监管局", 3),
            ],
            Stats.TopRespondentAgencies);
    }

    [Fact]
    public void The_top_service_items_are_ranked_by_count_and_blank_items_are_left_out()
    {
        Assert.Equal(
            [
                new ServiceItemCount("护照办理", 4),
                new ServiceItemCount("社保卡办理", 2),
                new ServiceItemCount("营业执照办理", 2),
                new ServiceItemCount("食品经营许可", 1),
            ],
            Stats.TopServiceItems);
    }

    [Fact]
    public void No_cases_give_zeros_and_no_satisfaction_rate()
    {
        var stats = ComplaintStatistics.Compute([]);

        Assert.Equal(0, stats.Received);
        Assert.All(stats.ReceivedByChannel.Values, n => Assert.Equal(0, n));
        Assert.Equal(5, stats.Satisfaction.Count);
        Assert.Null(stats.SatisfactionRate);
        Assert.Empty(stats.TopRespondentAgencies);
        Assert.Empty(stats.TopServiceItems);
    }

    [Fact]
    public void Only_ten_agencies_and_ten_service_items_are_ranked()
    {
        var cases = Enumerable.Range(1, 12).SelectMany(i => Enumerable.Repeat(
            Case(i, Channel.InPerson, ComplaintStatus.PendingAcceptance, new Guid(i, 0, 0, new byte[8]), $"事项{i:D2}") with { RespondentAgencyName = $"机构{i:D2}" },
            i));

        var stats = ComplaintStatistics.Compute(cases);

        Assert.Equal(ComplaintStatistics.TopCount, stats.TopRespondentAgencies.Count);
        Assert.Equal(("机构12", 12), (stats.TopRespondentAgencies[0].AgencyName, stats.TopRespondentAgencies[0].Count));
        Assert.Equal("机构03", stats.TopRespondentAgencies[^1].AgencyName);
        Assert.Equal(ComplaintStatistics.TopCount, stats.TopServiceItems.Count);
        Assert.Equal(new ServiceItemCount("事项03", 3), stats.TopServiceItems[^1]);
    }

    [Fact]
    public void A_period_report_counts_the_complaints_received_in_its_cst_dates_第十八条()
    {
        var cases = new[]
        {
            Case(1, Channel.InPerson, ComplaintStatus.PendingAcceptance, SocialSecurity, "x") with { ReceivedAt = new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero) },
            Case(2, Channel.InPerson, ComplaintStatus.PendingAcceptance, SocialSecurity, "x") with { ReceivedAt = new DateTimeOffset(2026, 6, 30, 23, 59, 0, Cst) },
            Case(3, Channel.InPerson, ComplaintStatus.PendingAcceptance, SocialSecurity, "x") with { ReceivedAt = new DateTimeOffset(2026, 9, 30, 23, 59, 0, Cst) },
            Case(4, Channel.InPerson, ComplaintStatus.PendingAcceptance, SocialSecurity, "x") with { ReceivedAt = new DateTimeOffset(2026, 10, 1, 0, 0, 0, Cst) },
        };

        Assert.Equal(2, ComplaintStatistics.Compute(cases, ReportingPeriod.Quarter(2026, 3)).Received);
    }

    [Fact]
    public void Late_referrals_late_acceptance_decisions_and_late_conclusions_are_counted_第十条_第十一条_第十三条()
    {
        var cases = new[]
        {
            Case(1, Channel.OnlineApp, ComplaintStatus.Concluded, SocialSecurity, "x") with
            {
                Referred = true, ReferredOnTime = false, Decided = true, DecidedOnTime = false, Classification = Classification.Offsite,
                Concluded = true, ConcludedOnTime = false,
            },
            Case(2, Channel.OnlineApp, ComplaintStatus.Concluded, SocialSecurity, "x") with
            {
                Referred = true, ReferredOnTime = true, Decided = true, DecidedOnTime = true, Classification = Classification.Offsite,
                Concluded = true, ConcludedOnTime = true,
            },
            Case(3, Channel.InPerson, ComplaintStatus.NotAccepted, SocialSecurity, "x") with
            {
                Decided = true, DecidedOnTime = false, NotAcceptedReason = NotAcceptedReason.OtherLegalChannel,
            },
            Case(4, Channel.OnlineApp, ComplaintStatus.PendingReferral, SocialSecurity, "x"),
        };

        var stats = ComplaintStatistics.Compute(cases);
        var summed = ReportAggregation.Sum([stats, stats]);

        Assert.Equal((2, 1, 1), (stats.Referred, stats.ReferredOnTime, stats.ReferredLate));
        Assert.Equal((3, 1, 2), (stats.Decided, stats.DecidedOnTime, stats.DecidedLate));
        Assert.Equal((2, 1, 1), (stats.Concluded, stats.ConcludedOnTime, stats.ConcludedLate));
        Assert.Equal((2, 4, 2), (summed.ReferredLate, summed.DecidedLate, summed.ConcludedLate));
        Assert.Equal((6, 2), (summed.Decided, summed.DecidedOnTime));
    }

    private static CaseSummary Case(int day, Channel channel, ComplaintStatus status, Guid agency, string item) => new()
    {
        Channel = channel,
        Status = status,
        ReceivedAt = new DateTimeOffset(2026, 7, day, 10, 0, 0, Cst),
        RespondentAgencyId = agency,
        RespondentAgencyName = agency == PassportOffice ? "昆明市公安局出入境" : agency == MarketRegulation ? "市场监管局" : "人社局",
        ServiceItemName = item,
    };
}
