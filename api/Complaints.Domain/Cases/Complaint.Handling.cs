using System.Globalization;
using Complaints.Domain.Calendar;
using Complaints.Domain.Common;
using Complaints.Domain.Deadlines;

namespace Complaints.Domain.Cases;

// 第十三、十四、十五条: handling an accepted complaint.
public sealed partial class Complaint
{
    /// <summary>
    /// 第十三条第(二)项: an offsite case that is too complex for 10 working days may be extended once,
    /// before those 10 days pass, with the reason told to the complainant; never beyond 20 working days
    /// from acceptance, which is what the extended deadline is.
    /// </summary>
    public Outcome Extend(IWorkingDayCalendar calendar, string? reason, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.Extend, ComplaintStatus.InHandling) ?? ByHandlingAgency(ComplaintAction.Extend, actor);
        if (error is not null)
        {
            return error;
        }

        if (Classification != Cases.Classification.Offsite)
        {
            return DomainError.Unprocessable(ComplaintErrors.ExtensionNotOffsite, "现场处理类投诉应当场办结,不能延期(第十三条第(一)项)。", "第十三条");
        }

        if (Extended)
        {
            return DomainError.Conflict(ComplaintErrors.AlreadyExtended, "本投诉已延期一次,不能再次延期(第十三条第(二)项)。", "第十三条");
        }

        var current = DeadlineRules.Handling(calendar, AcceptedAt!.Value, Cases.Classification.Offsite, extended: false);
        if (current.IsOverdueAt(at))
        {
            return DomainError.Conflict(
                ComplaintErrors.ExtensionAfterDeadline,
                $"办理期限已于{Date(current.Due)}届满,届满后不能再延期(第十三条第(二)项)。",
                "第十三条");
        }

        if (RequiredText(reason, "reason", "延期理由", ComplaintLimits.ShortTextMaxLength, "第十三条") is { } reasonError)
        {
            return reasonError;
        }

        var extended = DeadlineRules.Handling(calendar, AcceptedAt.Value, Cases.Classification.Offsite, extended: true);
        Extended = true;
        ExtendedAt = at;
        ExtensionReason = reason!.Trim();
        Record(
            TimelineEventKind.Extended,
            "第十三条",
            actor,
            at,
            ("previousDue", Date(current.Due)),
            ("handlingDue", Date(extended.Due)));
        return Outcome.Ok();
    }

    /// <summary>
    /// 第十四条: an investigation step, or the respondent's statement, by the handling agency or a cooperating
    /// one (第十五条). <paramref name="disputed"/> belongs to a statement only: it contradicts the complaint, so
    /// the case cannot conclude before the facts are investigated.
    /// </summary>
    public Result<InvestigationRecord> AddInvestigationRecord(InvestigationMethod method, string? summary, Actor actor, DateTimeOffset at, bool disputed = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.AddInvestigationRecord, ComplaintStatus.InHandling)
            ?? ByInvolvedAgency(ComplaintAction.AddInvestigationRecord, actor)
            ?? Defined(method, "method")
            ?? RequiredText(summary, "summary", method.IsInvestigationStep() ? "调查核实情况" : "被投诉人陈述内容", ComplaintLimits.LongTextMaxLength, "第十四条");
        if (error is not null)
        {
            return error;
        }

        if (disputed && method.IsInvestigationStep())
        {
            return DomainError.Invalid(ComplaintErrors.InvalidValue, "只有被投诉人陈述才标注是否与投诉事项存在争议(第十四条)。", "第十四条", "disputed");
        }

        var record = new InvestigationRecord(_investigationRecords.Count + 1, method, summary!.Trim(), disputed, actor, at);
        _investigationRecords.Add(record);
        Record(
            TimelineEventKind.InvestigationRecorded,
            "第十四条",
            actor,
            at,
            ("number", record.Number.ToString(CultureInfo.InvariantCulture)),
            ("method", WireNames.Of(method)),
            ("disputed", method.IsInvestigationStep() ? null : Flag(disputed)));
        return record;
    }

    /// <summary>
    /// 第十三条: the case is concluded with a finding (第十四条) and the result fed back. This is the only
    /// way a finding or result is ever set, and only from <see cref="ComplaintStatus.InHandling"/>, so nothing
    /// can be promised before acceptance and investigation (第九条). With a lead agency, only it concludes (第十五条).
    /// </summary>
    public Outcome Conclude(IWorkingDayCalendar calendar, Finding finding, string? result, string? measures, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.Conclude, ComplaintStatus.InHandling)
            ?? ByHandlingAgency(ComplaintAction.Conclude, actor)
            ?? Defined(finding, "finding")
            ?? RequiredText(result, "result", "处理结果", ComplaintLimits.LongTextMaxLength, "第十三条")
            ?? OptionalText(measures, "measures", "整改措施", ComplaintLimits.LongTextMaxLength)
            ?? Investigated(finding);
        if (error is not null)
        {
            return error;
        }

        var deadline = DeadlineRules.Handling(calendar, AcceptedAt!.Value, Classification!.Value, Extended);
        Finding = finding;
        Result = result!.Trim();
        Measures = Trimmed(measures);
        IsInvalidComplaint = finding.IsInvalidComplaint();
        ConcludedAt = at;
        ConcludedOnTime = !deadline.IsOverdueAt(at);
        Status = ComplaintStatus.Concluded;
        Record(
            TimelineEventKind.Concluded,
            "第十三条",
            actor,
            at,
            ("finding", WireNames.Of(finding)),
            ("invalidComplaint", Flag(IsInvalidComplaint)),
            ("handlingDue", Date(deadline.Due)),
            ("onTime", Flag(ConcludedOnTime.Value)),
            ("feedbackRecipients", (1 + _mergedCases.Count).ToString(CultureInfo.InvariantCulture)));
        return Outcome.Ok();
    }

    /// <summary>
    /// 第十四条. Where the respondent's statement disputes the complaint, the facts are established by at least
    /// one investigation step (现场调查、谈话核实、调取资料等) before any finding; and a complaint is only found
    /// invalid (不属实 or 无法调查核实) after it has been investigated: "经调查投诉情况不属实", "无法调查核实".
    /// </summary>
    private DomainError? Investigated(Finding finding)
    {
        if (_investigationRecords.Any(r => r.Method.IsInvestigationStep()))
        {
            return null;
        }

        if (finding.IsInvalidComplaint())
        {
            return DomainError.Conflict(
                ComplaintErrors.InvestigationRequired,
                "认定为无效投诉(不属实或者无法调查核实)前,应当至少记录一项现场调查、谈话核实、调取资料等调查核实情况(第十四条)。",
                "第十四条");
        }

        return _investigationRecords.Any(r => r.Disputed)
            ? DomainError.Conflict(
                ComplaintErrors.InvestigationRequired,
                "被投诉人陈述与投诉事项存在争议,应当采取现场调查、谈话核实、调取资料等方式查清事实后再作出结论(第十四条)。",
                "第十四条")
            : null;
    }

    /// <summary>
    /// 第十三条: the same matter complained of through different channels is handled as one case. This case
    /// ends as <see cref="ComplaintStatus.Merged"/>; <paramref name="into"/> takes over its complainant (and any
    /// it had absorbed itself) so that each still gets the feedback.
    /// </summary>
    public Outcome Merge(Complaint into, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(into);
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.Merge, ComplaintStatus.PendingAcceptance, ComplaintStatus.InHandling)
            ?? (actor.Role == ActorRole.ManagementStaff ? ByManagement(ComplaintAction.Merge, actor) : ByHandlingAgency(ComplaintAction.Merge, actor))
            ?? CheckMergeTarget(into, actor);
        if (error is not null)
        {
            return error;
        }

        // Copies of the snapshots, not shared instances: each case owns its own record of a complainant.
        into._mergedCases.Add(new MergedCase(Id, TrackingNumber, Channel, ComplainantUserId, Complainant with { }, at));
        foreach (var earlier in _mergedCases)
        {
            into._mergedCases.Add(new MergedCase(earlier.CaseId, earlier.TrackingNumber, earlier.Channel, earlier.ComplainantUserId, earlier.Complainant with { }, earlier.MergedAt));
        }

        MergedIntoCaseId = into.Id;
        MergedIntoTrackingNumber = into.TrackingNumber;
        MergedAt = at;
        Status = ComplaintStatus.Merged;
        Record(TimelineEventKind.Merged, "第十三条", actor, at, ("intoCaseId", into.Id.ToString()), ("intoTrackingNumber", into.TrackingNumber));
        into.Record(TimelineEventKind.MergedInto, "第十三条", actor, at, ("mergedCaseId", Id.ToString()), ("mergedTrackingNumber", TrackingNumber));
        return Outcome.Ok();
    }

    private DomainError? CheckMergeTarget(Complaint into, Actor actor)
    {
        if (into.Id == Id)
        {
            return DomainError.Invalid(ComplaintErrors.MergeIntoSelf, "不能与本件合并(第十三条)。", "第十三条", "intoCaseId");
        }

        if (into.Status.IsTerminal())
        {
            return DomainError.Conflict(
                ComplaintErrors.MergeTargetClosed,
                $"目标投诉件{into.Status.Describe()},只能并入尚未办结的投诉件(第十三条)。",
                "第十三条",
                "intoCaseId");
        }

        // "政务服务机构接收后可以合并处理": an agency merges only among the cases it handles itself.
        if (actor.Role == ActorRole.AgencyStaff && into.HandlingAgencyId != actor.AgencyId)
        {
            return DomainError.Forbidden(ComplaintErrors.MergeTargetOtherAgency, "只能并入本机构承办的投诉件(第十三条)。", "第十三条", "intoCaseId");
        }

        return into.ConfidentialityAllows(ComplaintAction.Merge, actor);
    }

    /// <summary>
    /// 第十五条: a complex matter involving several agencies; the management department names the lead,
    /// which from then on decides and concludes, and the cooperating agencies, which may add investigation
    /// records. Naming again replaces the earlier choice; the timeline keeps both.
    /// </summary>
    public Outcome Coordinate(Guid leadAgencyId, IReadOnlyCollection<Guid>? cooperatingAgencyIds, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cooperating = cooperatingAgencyIds ?? [];
        var error = InState(ComplaintAction.Coordinate, ComplaintStatus.PendingAcceptance, ComplaintStatus.InHandling)
            ?? ByManagement(ComplaintAction.Coordinate, actor)
            ?? (leadAgencyId == Guid.Empty ? ComplaintErrors.Missing("leadAgencyId", "牵头部门", "第十五条") : null)
            ?? CheckCooperating(leadAgencyId, cooperating);
        if (error is not null)
        {
            return error;
        }

        LeadAgencyId = leadAgencyId;
        _cooperatingAgencyIds.Clear();
        _cooperatingAgencyIds.AddRange(cooperating.Distinct());
        Record(
            TimelineEventKind.Coordinated,
            "第十五条",
            actor,
            at,
            ("leadAgencyId", leadAgencyId.ToString()),
            ("cooperatingAgencyIds", string.Join(',', _cooperatingAgencyIds)));
        return Outcome.Ok();
    }

    private static DomainError? CheckCooperating(Guid lead, IReadOnlyCollection<Guid> cooperating)
    {
        if (cooperating.Count == 0)
        {
            return DomainError.Invalid(ComplaintErrors.CooperatingAgenciesRequired, "协调处理须明确至少一个配合部门(第十五条)。", "第十五条", "cooperatingAgencyIds");
        }

        if (cooperating.Contains(Guid.Empty))
        {
            return ComplaintErrors.Undefined("cooperatingAgencyIds");
        }

        return cooperating.Contains(lead)
            ? DomainError.Invalid(ComplaintErrors.LeadAmongCooperating, "牵头部门不能同时是配合部门(第十五条)。", "第十五条", "cooperatingAgencyIds")
            : null;
    }
}
