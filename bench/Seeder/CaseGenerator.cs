using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using Complaints.Domain.Tracking;

namespace Complaints.Bench.Seeder;

internal sealed record TimelineRow(int Sequence, DateTimeOffset At, TimelineEventKind Kind, string? Article, string ActorUserId, ActorRole ActorRole,
    Guid? ActorAgencyId, string? ActorRegionCode, string DetailsJson);

internal sealed record IdentityRow(ComplainantType Type, string Name, IdType? IdType, string? IdNumberEncrypted, string? PhoneEncrypted, string? Address,
    bool RealNameVerified, string? IdNumberBlindIndex, string? IdNumberMasked, string? PhoneMasked, string? PhoneBlindIndex);

internal sealed record InvestigationRow(int Number, InvestigationMethod Method, string Summary, string RecordedBy, Guid? AgencyId, DateTimeOffset RecordedAt);

internal sealed record MergedRow(Guid TargetId, Guid CaseId, string TrackingNumber, Channel Channel, string? ComplainantUserId, IdentityRow Complainant, DateTimeOffset MergedAt);

/// <summary>One generated case with everything written for it.</summary>
internal sealed class GeneratedCase
{
    public Guid Id;
    public string TrackingNumber = "";
    public string QueryCode = "";
    public string QueryCodeHash = "";
    public Channel Channel;
    public ComplaintStatus Status;
    public DateTimeOffset ReceivedAt;
    public string? ReceivingRegionCode;
    public string? ComplainantUserId;
    public Guid RespondentAgencyId;
    public string? RespondentStaffName;
    public string? RespondentWindowNumber;
    public string ServiceItemName = "";
    public string? ServiceItemCode;
    public string Request = "";
    public string Facts = "";
    public bool Confidential;
    public Guid? AssignedAgencyId;
    public DateTimeOffset? ReferredAt;
    public bool? ReferredOnTime;
    public string? ReferralNote;
    public DateTimeOffset? DecidedAt;
    public bool? DecidedOnTime;
    public DateTimeOffset? AcceptedAt;
    public Classification? Classification;
    public NotAcceptedReason? NotAcceptedReason;
    public string? NotAcceptedExplanation;
    public bool Extended;
    public DateTimeOffset? ExtendedAt;
    public string? ExtensionReason;
    public Guid? LeadAgencyId;
    public List<Guid> CooperatingAgencyIds = [];
    public Finding? Finding;
    public string? Result;
    public string? Measures;
    public DateTimeOffset? ConcludedAt;
    public bool? ConcludedOnTime;
    public bool IsInvalidComplaint;
    public Guid? MergedIntoCaseId;
    public string? MergedIntoTrackingNumber;
    public DateTimeOffset? MergedAt;
    public DateTimeOffset? WithdrawnAt;
    public string? WithdrawalReason;
    public SatisfactionRating? ComplainantRating;
    public string? ComplainantComment;
    public DateTimeOffset? RatedAt;
    public bool IsMajor;
    public DateTimeOffset? MajorReportedAt;
    public string? MajorSummary;
    public string RegionCode = "";
    public DateTimeOffset? RunningDueAt;
    public DateOnly? RunningDueDate;
    public DateTimeOffset? OverdueFlaggedDueAt;
    public IdentityRow Identity = null!;
    public List<TimelineRow> Timeline = [];
    public List<InvestigationRow> Investigations = [];
    public MergedRow? MergedInto;
    public string ReceiverActor = "";
    public string ReceiverRole = "";

    public int Version => Timeline.Count;
}

/// <summary>
/// Generates cases the way they arise: received over three years (growing ~40% over the period,
/// mostly in office hours), spread over divisions by <see cref="DirectoryData.WeightOf"/> and over
/// each division's agencies, through all eight channels, and progressed through the lifecycle as far
/// as their age allows (old cases concluded or closed otherwise, recent ones still open), with
/// deadlines on the State Council calendar. A small share of cases is stuck and overdue.
/// </summary>
internal sealed class CaseGenerator
{
    public const string CitizenPersona = "citizen-li-ming";
    public const string EnterprisePersona = "enterprise-yunling-tech";

    private static readonly (Channel Channel, double Weight)[] Channels =
    [
        (Channel.OnlinePortal, 24), (Channel.OnlineApp, 21), (Channel.Phone12345, 30), (Channel.InPerson, 10),
        (Channel.PhoneHotline, 5), (Channel.Email, 4), (Channel.Letter, 3), (Channel.SuggestionBox, 3),
    ];

    private static readonly (string Name, string? Code)[] ServiceItems =
    [
        ("营业执照办理", "530000-SC-001"), ("不动产登记", "530000-ZR-012"), ("社会保障卡申领", "530000-RS-004"), ("医保费用报销", "530000-YB-007"),
        ("机动车登记", "530000-GA-021"), ("出入境证件办理", "530000-GA-030"), ("住房公积金提取", "530000-GJJ-002"), ("户口迁移", "530000-GA-002"),
        ("食品经营许可", "530000-SC-015"), ("建筑工程施工许可", "530000-ZJ-003"), ("纳税申报", null), ("残疾人证办理", null),
        ("居住证办理", "530000-GA-011"), ("婚姻登记", "530000-MZ-001"), ("养老保险关系转移", "530000-RS-019"), ("失业保险金申领", "530000-RS-022"),
        ("个体工商户登记", "530000-SC-003"), ("企业开办一件事", null), ("二手房转移登记", "530000-ZR-020"), ("医师执业注册", "530000-WJ-005"),
    ];

    private static readonly string[] Surnames = ["李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "段", "普", "杨", "字", "和"];
    private static readonly string[] Given = ["明", "芳", "伟", "娜", "强", "敏", "静", "丽", "军", "磊", "洋", "艳", "勇", "杰", "涛", "超", "秀英", "桂兰", "建华", "志强", "春梅", "海燕", "云", "雪", "晨", "宇", "婷", "浩", "佳", "琳"];
    private static readonly string[] Streets = ["人民中路", "北京路", "青年路", "东风西路", "滇池路", "白塔路", "金碧路", "环城南路", "建设路", "文化巷"];

    private static readonly string[] FactSentences =
    [
        "我于{date}到窗口办理{item},工作人员称材料不齐,但未一次性告知需要补充的全部材料。",
        "前后往返三次仍未办结,每次被要求补交不同的材料。",
        "网上申请提交后超过承诺时限仍显示\"审核中\",电话咨询无人接听。",
        "窗口工作人员态度生硬,不耐烦解释办理流程。",
        "现场排队两个多小时,叫号系统故障,无人维持秩序。",
        "被要求提供法律法规未规定的证明材料。",
        "办理过程中被告知需到另一部门盖章,该部门又让回原窗口办理。",
        "12345热线工单转办后没有任何回复。",
        "收费标准与公示内容不一致,未出具正式票据。",
        "系统提示身份信息核验失败,窗口无法处理,让我自行解决。",
    ];

    private static readonly string[] Requests =
    [
        "请依法尽快为我办理{item},并说明延误原因。",
        "请核实工作人员的服务问题并予以纠正。",
        "请一次性告知{item}所需全部材料,不再重复要求补交。",
        "请对窗口服务态度问题作出处理并答复。",
        "请退还多收取的费用并作出解释。",
    ];

    private static readonly string[] Results =
    [
        "经调查核实,已督促窗口在3个工作日内办结{item},并对相关工作人员进行批评教育。",
        "经调查,投诉反映的情况部分属实,已约谈窗口负责人并完善一次性告知清单。",
        "经调取办件记录和现场录像,未发现投诉反映的问题,已向投诉人解释说明。",
        "因投诉人未能提供具体时间和窗口信息,经核查无法查实,已告知投诉人。",
    ];

    private readonly SeedOptions _options;
    private readonly Random _random;
    private readonly StateCouncilCalendar _calendar = StateCouncilCalendar.LoadShipped();
    private readonly DivisionRow[] _divisions;
    private readonly double[] _divisionCumulative;
    private readonly Dictionary<string, AgencyRow[]> _agenciesByRegion;
    private readonly Dictionary<Guid, (Guid Id, string Tracking)> _lastCaseByAgency = [];
    private readonly List<(string Tracking, string Code, ComplaintStatus Status)> _lookupSample = [];
    private readonly DateTimeOffset _start;
    private readonly double _spanSeconds;
    private readonly PersonalData _personal = new();
    private readonly Dictionary<string, int> _agencyIndex;

    public CaseGenerator(SeedOptions options, DirectoryData directory)
    {
        _options = options;
        _random = new Random(options.Seed);
        _start = options.Now.AddYears(-3);
        _spanSeconds = (options.Now.AddHours(-1) - _start).TotalSeconds;
        _agenciesByRegion = directory.Agencies.GroupBy(a => a.RegionCode).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Id).ToArray());
        _divisions = directory.Divisions.Where(d => _agenciesByRegion.ContainsKey(d.Code)).ToArray();
        _divisionCumulative = Cumulative(_divisions.Select(DirectoryData.WeightOf).ToArray());
        _agencyIndex = directory.Agencies.Select((a, i) => (a, i)).ToDictionary(x => x.a.Id.ToString(), x => x.i);
    }

    public Dictionary<(string Region, DateOnly Day), int> TrackingSequences { get; } = [];

    public int CitizenPersonaCases { get; private set; }

    public IEnumerable<GeneratedCase> Generate()
    {
        // Receipt instants are drawn first and sorted, so that tracking-number serials follow receipt order.
        var instants = new DateTimeOffset[_options.Cases];
        for (var i = 0; i < instants.Length; i++)
        {
            instants[i] = ReceiptInstant();
        }

        Array.Sort(instants);
        for (var i = 0; i < instants.Length; i++)
        {
            yield return Make(instants[i]);
        }
    }

    public async Task WriteFixturesAsync(string folder)
    {
        // tracking number, query code: the lookup benchmark's inputs (only a random sample is kept).
        await File.WriteAllLinesAsync(Path.Combine(folder, "lookups.csv"), _lookupSample.Select(l => $"{l.Tracking},{l.Code}"));
        var statuses = _lookupSample.GroupBy(l => l.Status).Select(g => $"{g.Key}={g.Count()}");
        await File.WriteAllTextAsync(Path.Combine(folder, "seed-summary.txt"),
            $"cases={_options.Cases}\nseed={_options.Seed}\nnow={_options.Now:O}\ncitizen_persona_cases={CitizenPersonaCases}\nlookup_sample_statuses={string.Join(' ', statuses)}\n");
    }

    private GeneratedCase Make(DateTimeOffset receivedAt)
    {
        var r = _random;
        var division = _divisions[Pick(_divisionCumulative, r.NextDouble())];
        var agencies = _agenciesByRegion[division.Code];
        var respondent = agencies[ZipfIndex(agencies.Length)];
        var c = new GeneratedCase
        {
            Id = GuidV7(receivedAt),
            ReceivedAt = receivedAt,
            Channel = Channels[Pick(ChannelCumulative, r.NextDouble())].Channel,
            RespondentAgencyId = respondent.Id,
            RegionCode = respondent.RegionCode,
            Confidential = r.NextDouble() < 0.05,
        };

        var day = ChinaTime.DateOf(receivedAt);
        var key = (respondent.RegionCode, day);
        var serial = TrackingSequences.TryGetValue(key, out var last) ? last + 1 : 1;
        TrackingSequences[key] = serial;
        c.TrackingNumber = TrackingNumber.Create(respondent.RegionCode, day, serial).Value.Value;
        c.QueryCode = NewQueryCode();
        c.QueryCodeHash = QueryCode.Hash(c.TrackingNumber, c.QueryCode);

        var item = ServiceItems[r.Next(ServiceItems.Length)];
        c.ServiceItemName = item.Name;
        c.ServiceItemCode = item.Code;
        c.RespondentStaffName = r.NextDouble() < 0.4 ? Surnames[r.Next(Surnames.Length)] + "某" : null;
        c.RespondentWindowNumber = r.NextDouble() < 0.5 ? $"{r.Next(1, 40)}号窗口" : null;
        c.Request = Requests[r.Next(Requests.Length)].Replace("{item}", item.Name, StringComparison.Ordinal);
        c.Facts = Facts(item.Name, receivedAt);

        // Who received it (第五、六条): online and 12345 complaints reach the management department of the
        // respondent's region; other channels mostly reach the agency itself.
        var online = c.Channel.IsOnline();
        var byAgency = !online && c.Channel != Channel.Phone12345 && r.NextDouble() < 0.6;
        (string User, ActorRole Role, Guid? Agency, string? Region) receiver;
        if (online)
        {
            c.ComplainantUserId = ComplainantUser();
            receiver = (c.ComplainantUserId, ActorRole.Complainant, null, null);
        }
        else if (c.Channel == Channel.Phone12345)
        {
            var hotlineRegion = division.Level == "county" ? division.ParentCode! : division.Code;
            receiver = ($"bench-hotline-{hotlineRegion}", ActorRole.HotlineOperator, null, hotlineRegion);
        }
        else if (byAgency)
        {
            receiver = (StaffOf(respondent.Id), ActorRole.AgencyStaff, respondent.Id, null);
        }
        else
        {
            receiver = ($"bench-mgmt-{respondent.RegionCode}", ActorRole.ManagementStaff, null, respondent.RegionCode);
        }

        c.Identity = Identity(c.ComplainantUserId, online, receivedAt);
        c.ReceivingRegionCode = byAgency ? null : respondent.RegionCode;
        c.AssignedAgencyId = byAgency ? respondent.Id : null;
        c.Status = byAgency ? ComplaintStatus.PendingAcceptance : ComplaintStatus.PendingReferral;
        Add(c, receivedAt, TimelineEventKind.Received, "第六条", receiver,
            ("channel", WireNames.Of(c.Channel)), ("receivedBy", byAgency ? $"agency:{respondent.Id}" : $"region:{respondent.RegionCode}"),
            ("confidential", Flag(c.Confidential)), ("evidenceCount", "0"));

        Progress(c, agencies, respondent);
        if (_lookupSample.Count < _options.Lookups && r.NextDouble() < (double)_options.Lookups / _options.Cases * 1.2)
        {
            _lookupSample.Add((c.TrackingNumber, c.QueryCode, c.Status));
        }

        _lastCaseByAgency[respondent.Id] = (c.Id, c.TrackingNumber);
        return c;
    }

    /// <summary>Moves the case through referral, decision, handling and conclusion as far as "now" allows.</summary>
    private void Progress(GeneratedCase c, AgencyRow[] agencies, AgencyRow respondent)
    {
        var r = _random;
        var now = _options.Now;
        var stuck = r.NextDouble() < 0.015; // never progresses past its current stage: an overdue case
        var management = ($"bench-mgmt-{respondent.RegionCode}", ActorRole.ManagementStaff, (Guid?)null, (string?)respondent.RegionCode);
        var withdrawAt = r.NextDouble() < 0.03 ? c.ReceivedAt.AddDays(r.NextDouble() * 12) : DateTimeOffset.MaxValue;
        var mergeAt = r.NextDouble() < 0.01 && _lastCaseByAgency.TryGetValue(respondent.Id, out var target) ? c.ReceivedAt.AddDays(r.NextDouble() * 4) : DateTimeOffset.MaxValue;

        bool Closes(DateTimeOffset stageEnd)
        {
            var first = Min(withdrawAt, mergeAt);
            if (first > stageEnd || first > now)
            {
                return false;
            }

            if (first == withdrawAt)
            {
                c.Status = ComplaintStatus.Withdrawn;
                c.WithdrawnAt = withdrawAt;
                c.WithdrawalReason = "问题已自行解决";
                Add(c, withdrawAt, TimelineEventKind.Withdrawn, null, Complainant(c), ("onBehalf", Flag(c.ComplainantUserId is null)));
            }
            else
            {
                var into = _lastCaseByAgency[respondent.Id];
                c.Status = ComplaintStatus.Merged;
                c.MergedAt = mergeAt;
                c.MergedIntoCaseId = into.Id;
                c.MergedIntoTrackingNumber = into.Tracking;
                c.MergedInto = new MergedRow(into.Id, c.Id, c.TrackingNumber, c.Channel, c.ComplainantUserId, c.Identity, mergeAt);
                Add(c, mergeAt, TimelineEventKind.Merged, "第十三条", management, ("intoCaseId", into.Id.ToString()), ("intoTrackingNumber", into.Tracking));
            }

            return true;
        }

        // 第十条: the management department refers within 2 working days (or rejects, rarely).
        var agencyReceivedAt = c.ReceivedAt;
        if (c.ReceivingRegionCode is not null)
        {
            var due = DeadlineRules.Referral(_calendar, c.ReceivedAt);
            var at = c.ReceivedAt.AddHours(2 + (r.NextDouble() * (r.NextDouble() < 0.92 ? 40 : 120)));
            if (Closes(at))
            {
                return;
            }

            if (stuck || at > now)
            {
                Running(c, due);
                return;
            }

            if (r.NextDouble() < 0.03)
            {
                NotAccept(c, at, at <= due.DueAt, management, NotAcceptedReason.OtherLegalChannel);
                return;
            }

            c.ReferredAt = at;
            c.ReferredOnTime = at <= due.DueAt;
            c.ReferralNote = "请按规定时限受理并答复投诉人。";
            var assigned = r.NextDouble() < 0.9 ? respondent : agencies[r.Next(agencies.Length)];
            c.AssignedAgencyId = assigned.Id;
            c.Status = ComplaintStatus.PendingAcceptance;
            Add(c, at, TimelineEventKind.Referred, "第十条", management, ("agencyId", assigned.Id.ToString()), ("onTime", Flag(c.ReferredOnTime.Value)));
            agencyReceivedAt = at;
        }

        // 第十一条: the agency decides within 3 working days.
        var agency = c.AssignedAgencyId!.Value;
        var staff = (StaffOf(agency), ActorRole.AgencyStaff, (Guid?)agency, (string?)null);
        var acceptanceDue = DeadlineRules.Acceptance(_calendar, agencyReceivedAt);
        var decidedAt = agencyReceivedAt.AddHours(1 + (r.NextDouble() * (r.NextDouble() < 0.9 ? 60 : 150)));
        if (Closes(decidedAt))
        {
            return;
        }

        if (stuck || decidedAt > now)
        {
            Running(c, acceptanceDue);
            return;
        }

        if (r.NextDouble() < 0.15)
        {
            var reasons = Enum.GetValues<NotAcceptedReason>();
            NotAccept(c, decidedAt, decidedAt <= acceptanceDue.DueAt, staff, reasons[r.Next(reasons.Length)]);
            return;
        }

        c.DecidedAt = decidedAt;
        c.DecidedOnTime = decidedAt <= acceptanceDue.DueAt;
        c.AcceptedAt = decidedAt;
        c.Classification = r.NextDouble() < 0.3 ? Classification.Onsite : Classification.Offsite;
        c.Status = ComplaintStatus.InHandling;
        Add(c, decidedAt, TimelineEventKind.Accepted, "第十一条", staff, ("classification", WireNames.Of(c.Classification.Value)), ("onTime", Flag(c.DecidedOnTime.Value)));

        if (r.NextDouble() < 0.01)
        {
            var lead = agencies[r.Next(agencies.Length)];
            if (lead.Id != agency)
            {
                c.LeadAgencyId = lead.Id;
                c.CooperatingAgencyIds.Add(agency);
                Add(c, decidedAt.AddHours(3), TimelineEventKind.Coordinated, "第十五条", management, ("leadAgencyId", lead.Id.ToString()));
            }
        }

        // 第十三条: onsite the same day, offsite within 10 working days (20 once extended).
        var extended = c.Classification == Classification.Offsite && r.NextDouble() < 0.05;
        var handlingDays = c.Classification == Classification.Onsite ? r.NextDouble() * 0.3 : extended ? 10 + (r.NextDouble() * 18) : 1 + (r.NextDouble() * 13);
        var concludedAt = decidedAt.AddDays(handlingDays);
        if (c.Classification == Classification.Offsite && r.NextDouble() < 0.6)
        {
            var at = decidedAt.AddDays(handlingDays / 2);
            if (at <= now)
            {
                var methods = Enum.GetValues<InvestigationMethod>();
                c.Investigations.Add(new InvestigationRow(1, methods[r.Next(methods.Length)], "调取办件记录,询问窗口工作人员。", staff.Item1, agency, at));
                Add(c, at, TimelineEventKind.InvestigationRecorded, "第十四条", staff, ("number", "1"));
            }
        }

        if (extended)
        {
            var at = decidedAt.AddDays(5);
            if (at <= now)
            {
                c.Extended = true;
                c.ExtendedAt = at;
                c.ExtensionReason = "案情复杂,需调取多个部门的办件记录。";
                Add(c, at, TimelineEventKind.Extended, "第十三条", staff, ("handlingDue", Date(DeadlineRules.Handling(_calendar, decidedAt, Classification.Offsite, true).Due)));
            }
        }

        var handlingDue = DeadlineRules.Handling(_calendar, decidedAt, c.Classification.Value, c.Extended);
        if (Closes(concludedAt))
        {
            return;
        }

        if (stuck || concludedAt > now)
        {
            Running(c, handlingDue);
            return;
        }

        var finding = r.NextDouble() switch { < 0.35 => Finding.Substantiated, < 0.6 => Finding.PartiallySubstantiated, < 0.9 => Finding.Unsubstantiated, _ => Finding.Unverifiable };
        c.Status = ComplaintStatus.Concluded;
        c.Finding = finding;
        c.IsInvalidComplaint = finding.IsInvalidComplaint();
        c.Result = Results[(int)finding].Replace("{item}", c.ServiceItemName, StringComparison.Ordinal);
        c.Measures = finding is Finding.Substantiated or Finding.PartiallySubstantiated ? "完善一次性告知制度,加强窗口人员培训。" : null;
        c.ConcludedAt = concludedAt;
        c.ConcludedOnTime = concludedAt <= handlingDue.DueAt;
        var concluder = c.LeadAgencyId is { } leadId ? (StaffOf(leadId), ActorRole.AgencyStaff, (Guid?)leadId, (string?)null) : staff;
        Add(c, concludedAt, TimelineEventKind.Concluded, "第十四条", concluder, ("finding", WireNames.Of(finding)), ("invalid", Flag(c.IsInvalidComplaint)), ("onTime", Flag(c.ConcludedOnTime.Value)));

        if (c.ComplainantUserId is not null && r.NextDouble() < 0.6)
        {
            var at = concludedAt.AddHours(r.NextDouble() * 120);
            if (at <= now)
            {
                var rating = r.NextDouble() switch
                {
                    < 0.45 => SatisfactionRating.VerySatisfied,
                    < 0.75 => SatisfactionRating.Satisfied,
                    < 0.87 => SatisfactionRating.BasicallySatisfied,
                    < 0.95 => SatisfactionRating.Dissatisfied,
                    _ => SatisfactionRating.VeryDissatisfied,
                };
                c.ComplainantRating = rating;
                c.RatedAt = at;
                c.ComplainantComment = rating.IsNegative() ? "处理结果未解决实际问题。" : null;
                Add(c, at, TimelineEventKind.Rated, "第十六条", Complainant(c), ("rating", WireNames.Of(rating)), ("negative", Flag(rating.IsNegative())));
            }
        }

        if (r.NextDouble() < 0.001)
        {
            c.IsMajor = true;
            c.MajorReportedAt = concludedAt.AddDays(1);
            c.MajorSummary = "涉及群体性办事障碍,已报告本级人民政府。";
        }
    }

    private void NotAccept(GeneratedCase c, DateTimeOffset at, bool onTime, (string, ActorRole, Guid?, string?) actor, NotAcceptedReason reason)
    {
        c.Status = ComplaintStatus.NotAccepted;
        c.DecidedAt = at;
        c.DecidedOnTime = onTime;
        c.NotAcceptedReason = reason;
        c.NotAcceptedExplanation = "不符合受理条件,已告知投诉人依法通过其他途径解决。";
        Add(c, at, TimelineEventKind.NotAccepted, "第八条", actor, ("reason", WireNames.Of(reason)), ("onTime", Flag(onTime)));
    }

    /// <summary>The deadline the case now waits on; a passed one was flagged by the deadline monitor already.</summary>
    private void Running(GeneratedCase c, Deadline deadline)
    {
        c.RunningDueAt = deadline.DueAt.ToUniversalTime();
        c.RunningDueDate = deadline.Due;
        if (deadline.DueAt <= _options.Now)
        {
            c.OverdueFlaggedDueAt = c.RunningDueAt;
            Add(c, deadline.DueAt.ToUniversalTime().AddMinutes(5), TimelineEventKind.OverdueFlagged, deadline.Article, ("system", ActorRole.System, null, null),
                ("deadline", WireNames.Of(deadline.Kind)), ("due", Date(deadline.Due)));
        }
    }

    private static void Add(GeneratedCase c, DateTimeOffset at, TimelineEventKind kind, string? article, (string User, ActorRole Role, Guid? Agency, string? Region) actor,
        params (string Key, string Value)[] details)
    {
        var json = new StringBuilder("{");
        foreach (var (key, value) in details)
        {
            if (json.Length > 1)
            {
                json.Append(", ");
            }

            json.Append('"').Append(key).Append("\": \"").Append(value.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
        }

        c.Timeline.Add(new TimelineRow(c.Timeline.Count + 1, at, kind, article, actor.User, actor.Role, actor.Agency, actor.Region, json.Append('}').ToString()));
    }

    private static (string, ActorRole, Guid?, string?) Complainant(GeneratedCase c) =>
        c.ComplainantUserId is { } user ? (user, ActorRole.Complainant, null, null) : ($"bench-mgmt-{c.RegionCode}", ActorRole.ManagementStaff, null, c.RegionCode);

    private string StaffOf(Guid agency) => $"bench-staff-{_agencyIndex[agency.ToString()]:D4}";

    private string ComplainantUser()
    {
        var r = _random.NextDouble();
        if (r < 1.0 / 1500)
        {
            CitizenPersonaCases++;
            return CitizenPersona;
        }

        if (r < 1.0 / 1500 + (1.0 / 9000))
        {
            return EnterprisePersona;
        }

        // 300,000 registered users, a few of them frequent complainants.
        return $"bench-user-{(int)(300_000 * Math.Pow(_random.NextDouble(), 1.6)):D6}";
    }

    private IdentityRow Identity(string? userId, bool online, DateTimeOffset receivedAt)
    {
        var r = _random;
        if (userId == CitizenPersona)
        {
            return _personal.Person("李明", "53010219880119123X", "13812345678", null);
        }

        if (userId == EnterprisePersona)
        {
            return _personal.Organization("昆明云岭科技有限公司", "91530100MA6K3L2P7G", "13700001111");
        }

        var organization = r.NextDouble() < 0.08;
        var phone = $"1{r.Next(3, 10)}{r.Next(0, 10)}{r.Next(10_000_000, 100_000_000)}";
        if (organization)
        {
            return _personal.Organization($"云南{Surnames[r.Next(Surnames.Length)]}氏{ServiceItems[r.Next(ServiceItems.Length)].Name[..2]}有限公司", PersonalData.Uscc(r), phone);
        }

        var name = Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)];
        var realName = online || r.NextDouble() < 0.7;
        var address = realName && r.NextDouble() < 0.7 ? null : $"昆明市{Streets[r.Next(Streets.Length)]}{r.Next(1, 300)}号";
        var birth = new DateOnly(1950, 1, 1).AddDays(r.Next(0, 365 * 55));
        return _personal.Person(name, realName ? PersonalData.ResidentId(_divisions[r.Next(_divisions.Length)].Code, birth, r) : null, phone, address);
    }

    private string Facts(string item, DateTimeOffset receivedAt)
    {
        var count = 2 + _random.Next(3);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(FactSentences[_random.Next(FactSentences.Length)]);
        }

        return text.Replace("{item}", item).Replace("{date}", ChinaTime.DateOf(receivedAt.AddDays(-_random.Next(1, 20))).ToString("yyyy年M月d日", CultureInfo.InvariantCulture)).ToString();
    }

    private string NewQueryCode()
    {
        Span<char> chars = stackalloc char[QueryCode.Length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = QueryCode.Alphabet[_random.Next(QueryCode.Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Receipts grow ~40% over the three years and fall mostly in office hours (CST).</summary>
    private DateTimeOffset ReceiptInstant()
    {
        while (true)
        {
            var u = _random.NextDouble();
            if (_random.NextDouble() * 1.4 > 1 + (0.4 * u))
            {
                continue;
            }

            var instant = _start.AddSeconds(u * _spanSeconds);
            var cst = ChinaTime.ToChina(instant);
            var hour = cst.Hour;
            var keep = hour is >= 8 and < 18 ? 1.0 : hour is >= 18 and < 23 ? 0.35 : 0.06;
            var weekend = cst.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.45 : 1.0;
            if (_random.NextDouble() < keep * weekend)
            {
                return new DateTimeOffset(instant.UtcTicks / 10 * 10, TimeSpan.Zero); // microseconds, as PostgreSQL keeps them
            }
        }
    }

    private Guid GuidV7(DateTimeOffset at)
    {
        Span<byte> random = stackalloc byte[16];
        _random.NextBytes(random);
        var ms = at.ToUnixTimeMilliseconds();
        random[0] = (byte)(ms >> 40);
        random[1] = (byte)(ms >> 32);
        random[2] = (byte)(ms >> 24);
        random[3] = (byte)(ms >> 16);
        random[4] = (byte)(ms >> 8);
        random[5] = (byte)ms;
        random[6] = (byte)(0x70 | (random[6] & 0x0F));
        random[8] = (byte)(0x80 | (random[8] & 0x3F));
        return new Guid(random, bigEndian: true);
    }

    private int ZipfIndex(int n)
    {
        // Each division's first agencies (its service centre, market regulation, social security) draw most complaints.
        var weights = 0.0;
        for (var i = 1; i <= n; i++)
        {
            weights += 1.0 / i;
        }

        var x = _random.NextDouble() * weights;
        for (var i = 1; i <= n; i++)
        {
            x -= 1.0 / i;
            if (x <= 0)
            {
                return i - 1;
            }
        }

        return n - 1;
    }

    private static readonly double[] ChannelCumulative = Cumulative(Channels.Select(c => c.Weight).ToArray());

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var sum = 0.0;
        return weights.Select(w => (sum += w) / total).ToArray();
    }

    private static int Pick(double[] cumulative, double x)
    {
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Personal data stored as the service stores it (Privacy/PersonalDataProtector): AES-256-GCM under the
/// Development key <c>dev-2026</c> as <c>v1:keyid:base64(nonce‖ciphertext‖tag)</c>, masked forms beside,
/// and the HMAC-SHA256 blind indexes of the ID number and the phone.
/// </summary>
internal sealed class PersonalData : IDisposable
{
    public const string KeyId = "dev-2026";
    private static readonly byte[] Key = Convert.FromBase64String("ZGV2ZWxvcG1lbnQtb25seS1hZXMta2V5LTAwMDAwMDE=");
    private static readonly byte[] BlindIndexKey = Convert.FromBase64String("ZGV2ZWxvcG1lbnQtb25seS1obWFjLWtleS0wMDAwMDE=");
    private static readonly byte[] KeyIdBytes = Encoding.UTF8.GetBytes(KeyId);
    private readonly AesGcm _aes = new(Key, 16);
    private readonly HMACSHA256 _hmac = new(BlindIndexKey);

    public IdentityRow Person(string name, string? idNumber, string? phone, string? address) => new(
        ComplainantType.Person, name, idNumber is null ? null : IdType.ResidentId, idNumber is null ? null : Encrypt(idNumber), phone is null ? null : Encrypt(phone),
        address, idNumber is not null, idNumber is null ? null : BlindIndex(idNumber),
        idNumber is null ? null : string.Concat(idNumber.AsSpan(0, 6), "********", idNumber.AsSpan(14, 4)),
        phone is null ? null : string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)), phone is null ? null : BlindIndex(phone));

    public IdentityRow Organization(string name, string uscc, string phone) => new(
        ComplainantType.Organization, name, IdType.Uscc, Encrypt(uscc), Encrypt(phone), null, true, BlindIndex(uscc),
        string.Concat(uscc.AsSpan(0, 8), "******", uscc.AsSpan(14, 4)), string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7)), BlindIndex(phone));

    public string Encrypt(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[12 + data.Length + 16];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        _aes.Encrypt(output.AsSpan(0, 12), data, output.AsSpan(12, data.Length), output.AsSpan(12 + data.Length), KeyIdBytes);
        return $"v1:{KeyId}:{Convert.ToBase64String(output)}";
    }

    public string BlindIndex(string value) =>
        Convert.ToHexStringLower(_hmac.ComputeHash(Encoding.UTF8.GetBytes(value.Trim().ToUpperInvariant())));

    /// <summary>A GB 11643 number: region, birth date, serial, check character.</summary>
    public static string ResidentId(string region, DateOnly birth, Random r)
    {
        var body = $"{region}{birth:yyyyMMdd}{r.Next(0, 1000):D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (body[i] - '0') * weights[i];
        }

        return body + "10X98765432"[sum % 11];
    }

    /// <summary>A GB 32100 unified social credit code with its check character.</summary>
    public static string Uscc(Random r)
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var body = new StringBuilder("915301");
        body.Append(CultureInfo.InvariantCulture, $"{r.Next(0, 100):D2}");
        while (body.Length < 17)
        {
            body.Append(chars[r.Next(chars.Length)]);
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += chars.IndexOf(body[i], StringComparison.Ordinal) * weights[i];
        }

        var check = 31 - (sum % 31);
        return body.Append(chars[check == 31 ? 0 : check]).ToString();
    }

    public void Dispose()
    {
        _aes.Dispose();
        _hmac.Dispose();
    }
}
