using Complaints.Domain.Cases;
using Complaints.Domain.Common;

namespace Complaints.Domain.Tests.Cases;

/// <summary>
/// Cases in every state, on a fixed weekend-only calendar. The story: received Monday 2026-03-02,
/// referred Tuesday, accepted Wednesday 03-04 (offsite due 03-18, extended 04-01), concluded Monday 03-09.
/// </summary>
internal static class Given
{
    public const string Region = "530102";

    public static readonly Guid AgencyA = new("aaaaaaaa-0000-0000-0000-000000000001");
    public static readonly Guid AgencyB = new("bbbbbbbb-0000-0000-0000-000000000002");
    public static readonly Guid AgencyC = new("cccccccc-0000-0000-0000-000000000003");

    public static readonly WeekendOnlyCalendar Weekdays = WeekendOnlyCalendar.Instance;

    public static readonly Actor Citizen = Actor.ForComplainant("citizen-1");
    public static readonly Actor OtherCitizen = Actor.ForComplainant("citizen-2");
    public static readonly Actor Management = Actor.ForManagement("management-1", Region);
    public static readonly Actor ManagementOfficer = Actor.ForManagement("management-officer-1", Region, isOfficer: true);
    public static readonly Actor Hotline = Actor.ForHotline("hotline-1", Region);
    public static readonly Actor Agency = Actor.ForAgency("agency-a-1", AgencyA);
    public static readonly Actor AgencyOfficer = Actor.ForAgency("agency-a-officer", AgencyA, isOfficer: true);
    public static readonly Actor AgencyBStaff = Actor.ForAgency("agency-b-1", AgencyB);
    public static readonly Actor AgencyCStaff = Actor.ForAgency("agency-c-1", AgencyC);
    public static readonly Actor Admin = new("admin-1", ActorRole.Admin);

    public static readonly DateTimeOffset ReceivedAt = Cst(2026, 3, 2, 10);
    public static readonly DateTimeOffset ReferredAt = Cst(2026, 3, 3, 9);
    public static readonly DateTimeOffset AcceptedAt = Cst(2026, 3, 4, 9);
    public static readonly DateTimeOffset ConcludedAt = Cst(2026, 3, 9, 16);

    /// <summary>After all of the above and before any deadline of an accepted case.</summary>
    public static readonly DateTimeOffset Later = Cst(2026, 3, 10, 10);

    private static int _trackingCounter;

    public static DateTimeOffset Cst(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public static ComplainantSnapshot Person(bool realNameVerified = true) =>
        new(ComplainantType.Person, "enc:张三", IdType.ResidentId, "enc:530102199001011234", "enc:13800000000", null, realNameVerified);

    public static ComplaintSubmission Submission(Channel channel = Channel.OnlineApp, bool confidential = false, Guid? respondent = null) => new(
        channel,
        Person(),
        new Respondent(respondent ?? AgencyA, "李四", "12"),
        new ServiceItem("不动产登记", "530000-001"),
        "请督促窗口按规定时限办理并改进服务态度",
        "2026年2月27日在12号窗口办理不动产登记,工作人员拒绝收件且态度恶劣。",
        [Guid.NewGuid()],
        confidential);

    /// <summary>Online, real-name, at the management department: pending_referral.</summary>
    public static Complaint Received(bool confidential = false, Guid? respondent = null) =>
        Complaint.Receive(Guid.NewGuid(), NextTracking(), "hash", Submission(confidential: confidential, respondent: respondent), ReceivingParty.ManagementDepartment(Region), Citizen, ReceivedAt).Value;

    /// <summary>Registered on site by the agency complained about: pending_acceptance without referral.</summary>
    public static Complaint ReceivedByAgency() =>
        Complaint.Receive(Guid.NewGuid(), NextTracking(), "hash", Submission(Channel.InPerson), ReceivingParty.Agency(AgencyA), Agency, ReceivedAt).Value;

    public static Complaint Referred(bool confidential = false)
    {
        var complaint = Received(confidential);
        var actor = confidential ? ManagementOfficer : Management;
        complaint.Refer(Weekdays, AgencyA, null, actor, ReferredAt).ShouldSucceed();
        return complaint;
    }

    public static Complaint InHandling(Classification classification = Classification.Offsite)
    {
        var complaint = Referred();
        complaint.Accept(Weekdays, classification, Agency, AcceptedAt).ShouldSucceed();
        return complaint;
    }

    public static Complaint Concluded(Finding finding = Finding.Substantiated)
    {
        var complaint = InHandling();
        complaint.AddInvestigationRecord(InvestigationMethod.RecordsRetrieval, "调取窗口监控录像和受理记录。", Agency, ConcludedAt).ShouldSucceed();
        complaint.Conclude(Weekdays, finding, "已约谈窗口工作人员并当场补办。", null, Agency, ConcludedAt).ShouldSucceed();
        return complaint;
    }

    public static Complaint NotAccepted()
    {
        var complaint = Referred();
        complaint.NotAccept(Weekdays, NotAcceptedReason.OtherLegalChannel, null, "已申请行政复议", Agency, AcceptedAt).ShouldSucceed();
        return complaint;
    }

    public static Complaint Merged()
    {
        var complaint = Referred();
        complaint.Merge(Referred(), Agency, AcceptedAt).ShouldSucceed();
        return complaint;
    }

    public static Complaint Withdrawn()
    {
        var complaint = Referred();
        complaint.Withdraw("问题已解决", Citizen, AcceptedAt).ShouldSucceed();
        return complaint;
    }

    public static Complaint In(ComplaintStatus status) => status switch
    {
        ComplaintStatus.PendingReferral => Received(),
        ComplaintStatus.PendingAcceptance => Referred(),
        ComplaintStatus.InHandling => InHandling(),
        ComplaintStatus.Concluded => Concluded(),
        ComplaintStatus.NotAccepted => NotAccepted(),
        ComplaintStatus.Merged => Merged(),
        ComplaintStatus.Withdrawn => Withdrawn(),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static string NextTracking() => $"YN2026030200{Interlocked.Increment(ref _trackingCounter):D4}";
}

internal static class OutcomeAssertions
{
    public static void ShouldSucceed(this Outcome outcome) =>
        Assert.True(outcome.IsSuccess, outcome.Error is { } e ? $"{e.Code}: {e.Message}" : null);

    public static T ShouldSucceed<T>(this Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error is { } e ? $"{e.Code}: {e.Message}" : null);
        return result.Value;
    }

    public static DomainError ShouldFailWith(this Outcome outcome, string code)
    {
        Assert.False(outcome.IsSuccess, $"expected {code}");
        Assert.Equal(code, outcome.Error!.Code);
        return outcome.Error;
    }

    public static DomainError ShouldFailWith<T>(this Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, $"expected {code}");
        Assert.Equal(code, result.Error!.Code);
        return result.Error;
    }
}
