using System.Globalization;
using Complaints.Domain.Common;

namespace Complaints.Domain.Cases;

/// <summary>
/// One complaint under 《云南省政务服务投诉处理办法(试行)》, from receipt to archive (rules.md "States").
/// State changes only through the guarded methods; each refuses with a <see cref="DomainError"/> and
/// each success appends to <see cref="Timeline"/>. No method reads the clock: callers pass the instant.
/// Shaped for EF Core: private parameterless constructor, private setters, collections as private
/// lists behind read-only views, child entities with their own sequence or Guid keys.
/// </summary>
public sealed partial class Complaint
{
    private List<Guid> _evidenceIds = [];
    private List<Guid> _cooperatingAgencyIds = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<InvestigationRecord> _investigationRecords = [];
    private readonly List<MergedCase> _mergedCases = [];
    private readonly List<Revisit> _revisits = [];
    private readonly List<Rectification> _rectifications = [];

    private Complaint()
    {
        TrackingNumber = "";
        QueryCodeHash = "";
        Complainant = null!;
        Respondent = null!;
        ServiceItem = null!;
        Request = "";
        Facts = "";
    }

    public Guid Id { get; private set; }

    public string TrackingNumber { get; private set; }

    /// <summary>Hash of the query code the complainant uses to look the case up; the code itself is never stored.</summary>
    public string QueryCodeHash { get; private set; }

    public Channel Channel { get; private set; }

    public ComplaintStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The management department that received the complaint; null when an agency received it directly.</summary>
    public string? ReceivingRegionCode { get; private set; }

    /// <summary>The user who submitted online; null for staff-registered complaints (they have no account to act with).</summary>
    public string? ComplainantUserId { get; private set; }

    public ComplainantSnapshot Complainant { get; private set; }

    public Respondent Respondent { get; private set; }

    public ServiceItem ServiceItem { get; private set; }

    public string Request { get; private set; }

    public string Facts { get; private set; }

    public IReadOnlyList<Guid> EvidenceIds => _evidenceIds.AsReadOnly();

    public bool Confidential { get; private set; }

    /// <summary>The complainant asked to receive the notices by post (第十一条第二款), at the 联系地址 given (第七条).</summary>
    public bool NoticeByPost { get; private set; }

    /// <summary>The agency the case was referred to, or that received it directly (第四条、第十条).</summary>
    public Guid? AssignedAgencyId { get; private set; }

    /// <summary>The agency that decides and concludes: the lead once one is named (第十五条), otherwise the assigned one.</summary>
    public Guid? HandlingAgencyId => LeadAgencyId ?? AssignedAgencyId;

    public DateTimeOffset? ReferredAt { get; private set; }

    /// <summary>第十条: referred within 2 working days of receipt.</summary>
    public bool? ReferredOnTime { get; private set; }

    public string? ReferralNote { get; private set; }

    /// <summary>When the handling agency received the complaint; starts the 3-day decision period of 第十一条.</summary>
    public DateTimeOffset? AgencyReceivedAt => DeadlineFacts.AgencyReceivedAt;

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Decided within the period that was running: 第十一条 for an agency, 第十条 for a management department's rejection.</summary>
    public bool? DecidedOnTime { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Classification? Classification { get; private set; }

    public NotAcceptedReason? NotAcceptedReason { get; private set; }

    public Guid? RelatedCaseId { get; private set; }

    public string? NotAcceptedExplanation { get; private set; }

    public bool Extended { get; private set; }

    public DateTimeOffset? ExtendedAt { get; private set; }

    public string? ExtensionReason { get; private set; }

    public Guid? LeadAgencyId { get; private set; }

    public IReadOnlyList<Guid> CooperatingAgencyIds => _cooperatingAgencyIds.AsReadOnly();

    public IReadOnlyList<InvestigationRecord> InvestigationRecords => InOrder(_investigationRecords, r => r.Number);

    /// <summary>Null until conclusion: nothing is promised before investigation (第九条).</summary>
    public Finding? Finding { get; private set; }

    public string? Result { get; private set; }

    public string? Measures { get; private set; }

    public DateTimeOffset? ConcludedAt { get; private set; }

    public bool? ConcludedOnTime { get; private set; }

    /// <summary>无效投诉 (第十四条): the finding was unsubstantiated or unverifiable.</summary>
    public bool IsInvalidComplaint { get; private set; }

    public Guid? MergedIntoCaseId { get; private set; }

    public string? MergedIntoTrackingNumber { get; private set; }

    public DateTimeOffset? MergedAt { get; private set; }

    public IReadOnlyList<MergedCase> MergedCases => InOrder(_mergedCases, m => m.MergedAt);

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>The complainant's own rating; a staff revisit never writes here (rules.md "After conclusion").</summary>
    public SatisfactionRating? ComplainantRating { get; private set; }

    public string? ComplainantComment { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public IReadOnlyList<Revisit> Revisits => InOrder(_revisits, r => r.Number);

    /// <summary>
    /// The satisfaction that counts in statistics [decision]: the complainant's own rating when given,
    /// otherwise the latest revisit's. What the complainant said themselves outranks what staff noted down.
    /// </summary>
    public SatisfactionRating? Satisfaction => ComplainantRating ?? (_revisits.Count == 0 ? null : Revisits[^1].Rating);

    public IReadOnlyList<Rectification> Rectifications => InOrder(_rectifications, r => r.Number);

    public bool IsMajor { get; private set; }

    public DateTimeOffset? MajorReportedAt { get; private set; }

    public string? MajorSummary { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => InOrder(_timeline, e => e.Sequence);

    /// <summary>Everyone owed the result when the case concludes: its own complainant, then each merged one (第十三条).</summary>
    public IReadOnlyList<FeedbackRecipient> ComplainantsToNotify =>
    [
        new FeedbackRecipient(Id, TrackingNumber, Channel, ComplainantUserId, Complainant),
        .. _mergedCases.Select(m => new FeedbackRecipient(m.CaseId, m.TrackingNumber, m.Channel, m.ComplainantUserId, m.Complainant)),
    ];

    /// <summary>
    /// Records a complaint (第六、七条). Online channels are the complainant's own submission and must be
    /// real-name (rules.md "Materials and real name"); all other channels are registered by staff.
    /// An agency may only register complaints about itself (第四条); others go through a management department.
    /// </summary>
    public static Result<Complaint> Receive(
        Guid id,
        string trackingNumber,
        string queryCodeHash,
        ComplaintSubmission submission,
        ReceivingParty receivedBy,
        Actor actor,
        DateTimeOffset at)
    {
        if (id == Guid.Empty)
        {
            throw new ArgumentException("A case id is required.", nameof(id));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(queryCodeHash);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(receivedBy);
        ArgumentNullException.ThrowIfNull(actor);

        if ((CheckInForce(at) ?? submission.Validate() ?? CheckReceiver(submission, receivedBy, actor)) is { } error)
        {
            return error;
        }

        var complaint = new Complaint
        {
            Id = id,
            TrackingNumber = trackingNumber,
            QueryCodeHash = queryCodeHash,
            Channel = submission.Channel,
            ReceivedAt = at,
            ReceivingRegionCode = receivedBy.ManagementRegionCode,
            ComplainantUserId = actor.Role == ActorRole.Complainant ? actor.UserId : null,
            Complainant = submission.Complainant!,
            Respondent = submission.Respondent! with
            {
                StaffName = Trimmed(submission.Respondent!.StaffName),
                WindowNumber = Trimmed(submission.Respondent.WindowNumber),
            },
            ServiceItem = new ServiceItem(submission.ServiceItem!.Name.Trim(), Trimmed(submission.ServiceItem.Code)),
            Request = submission.Request!.Trim(),
            Facts = submission.Facts!.Trim(),
            Confidential = submission.Confidential,
            NoticeByPost = submission.NoticeByPost,
            AssignedAgencyId = receivedBy.AgencyId,
            Status = receivedBy.AgencyId is null ? ComplaintStatus.PendingReferral : ComplaintStatus.PendingAcceptance,
        };
        complaint._evidenceIds.AddRange(submission.EvidenceIds ?? []);
        complaint.Record(
            TimelineEventKind.Received,
            "第六条",
            actor,
            at,
            ("channel", WireNames.Of(submission.Channel)),
            ("receivedBy", receivedBy.AgencyId is { } agency ? $"agency:{agency}" : $"region:{receivedBy.ManagementRegionCode}"),
            ("confidential", Flag(submission.Confidential)),
            ("evidenceCount", submission.EvidenceIds?.Count.ToString(CultureInfo.InvariantCulture) ?? "0"));
        return complaint;
    }

    /// <summary>第十九条: the 办法 governs complaints received from 2022-07-10 (CST) on; nothing earlier is registered under it.</summary>
    private static DomainError? CheckInForce(DateTimeOffset at) =>
        at < Regulation.InForceAt
            ? DomainError.Unprocessable(ComplaintErrors.BeforeRegulation, $"本办法自{Regulation.InForceText}起施行(第十九条),此前收到的投诉不能按本办法登记。", Regulation.InForceArticle)
            : null;

    private static DomainError? CheckReceiver(ComplaintSubmission submission, ReceivingParty receivedBy, Actor actor)
    {
        if (submission.Channel.IsOnline())
        {
            if (actor.Role != ActorRole.Complainant)
            {
                return DomainError.Invalid(ComplaintErrors.ChannelNotAllowed, "网上渠道的投诉由投诉人本人提交(第六条)。", "第六条", "channel");
            }

            if (!submission.Complainant!.RealNameVerified)
            {
                return DomainError.Invalid(ComplaintErrors.RealNameRequired, "网上投诉须经实名核验(第七条)。", "第七条", "complainant");
            }

            // Online complaints land at the management department of the respondent's region, which refers them (第五条、第十条).
            return receivedBy.AgencyId is null
                ? null
                : DomainError.Forbidden(ComplaintErrors.NotPermitted, "网上投诉由政务服务管理部门接收并交办(第五条、第十条)。", "第五条");
        }

        if (actor.Role == ActorRole.Complainant)
        {
            return DomainError.Invalid(ComplaintErrors.ChannelNotAllowed, $"「{submission.Channel.Name()}」由工作人员代为登记,投诉人本人通过网上渠道提交(第六条)。", "第六条", "channel");
        }

        if (receivedBy.AgencyId is { } agencyId)
        {
            if (actor.Role != ActorRole.AgencyStaff || actor.AgencyId != agencyId)
            {
                return DomainError.Forbidden(ComplaintErrors.NotPermitted, "只有接收投诉的政务服务机构的工作人员可以登记本机构接收的投诉(第四条)。", "第四条");
            }

            return agencyId == submission.Respondent!.AgencyId
                ? null
                : DomainError.Forbidden(ComplaintErrors.ReceivingAgencyNotRespondent, "政务服务机构只受理本单位的投诉;其他投诉由政务服务管理部门接收并交办(第四条、第五条)。", "第四条", "respondent.agencyId");
        }

        return actor.Role is ActorRole.ManagementStaff or ActorRole.HotlineOperator
            ? null
            : DomainError.Forbidden(ComplaintErrors.NotPermitted, "只有政务服务管理部门或者12345热线的工作人员可以代为登记投诉(第四条)。", "第四条");
    }

    private void Record(TimelineEventKind kind, string? article, Actor actor, DateTimeOffset at, params ReadOnlySpan<(string Key, string? Value)> details)
    {
        var pairs = new List<KeyValuePair<string, string>>(details.Length);
        foreach (var (key, value) in details)
        {
            if (value is not null)
            {
                pairs.Add(new(key, value));
            }
        }

        _timeline.Add(new TimelineEntry(_timeline.Count + 1, at, kind, article, actor, pairs));
    }

    /// <summary>
    /// A child list in its own order (sequence or number). A database hands rows back in no particular
    /// order unless asked, and a loaded aggregate must not depend on the plan that loaded it.
    /// </summary>
    private static IReadOnlyList<T> InOrder<T, TKey>(List<T> items, Func<T, TKey> key)
    {
        var comparer = Comparer<TKey>.Default;
        for (var i = 1; i < items.Count; i++)
        {
            if (comparer.Compare(key(items[i - 1]), key(items[i])) > 0)
            {
                return items.OrderBy(key, comparer).ToList().AsReadOnly();
            }
        }

        return items.AsReadOnly();
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
