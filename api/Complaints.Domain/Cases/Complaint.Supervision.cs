using System.Globalization;
using Complaints.Domain.Calendar;
using Complaints.Domain.Common;
using Complaints.Domain.Deadlines;

namespace Complaints.Domain.Cases;

// 第四条 and 第十六条: what happens around and after conclusion; none of it changes the case status.
public sealed partial class Complaint
{
    /// <summary>
    /// 第十六条: staff ask the complainant how satisfied they are. Each revisit is kept as its own entry
    /// and never touches <see cref="ComplainantRating"/>.
    /// </summary>
    public Result<Revisit> RecordRevisit(RevisitMethod method, SatisfactionRating rating, string? note, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.RecordRevisit, ComplaintStatus.Concluded)
            ?? (actor.Role is ActorRole.ManagementStaff or ActorRole.HotlineOperator
                ? ConfidentialityAllows(ComplaintAction.RecordRevisit, actor)
                : ByHandlingAgency(ComplaintAction.RecordRevisit, actor))
            ?? Defined(method, "method")
            ?? Defined(rating, "rating")
            ?? OptionalText(note, "note", "回访记录", ComplaintLimits.LongTextMaxLength);
        if (error is not null)
        {
            return error;
        }

        var revisit = new Revisit(_revisits.Count + 1, method, rating, Trimmed(note), actor, at);
        _revisits.Add(revisit);
        Record(
            TimelineEventKind.Revisited,
            "第十六条",
            actor,
            at,
            ("number", revisit.Number.ToString(CultureInfo.InvariantCulture)),
            ("method", WireNames.Of(method)),
            ("rating", WireNames.Of(rating)));
        return revisit;
    }

    /// <summary>The rectification still being worked on, if any; at most one is open at a time.</summary>
    public Rectification? OpenRectification => Rectifications.LastOrDefault(r => r.IsOpen);

    /// <summary>
    /// 第十六条: the management department orders the agency to rectify (督促整改), with a due date.
    /// Whether the handling was improper is the department's judgement (spot check, complaint); the
    /// aggregate only makes sure the order can be followed to the end.
    /// </summary>
    public Result<Rectification> OrderRectification(string? requirement, DateOnly dueDate, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.OrderRectification, ComplaintStatus.Concluded)
            ?? ByManagement(ComplaintAction.OrderRectification, actor)
            ?? (OpenRectification is { } open
                ? DomainError.Conflict(ComplaintErrors.RectificationOpen, $"已有整改事项({open.Status.ChineseName()})尚未核验完成(第十六条)。", "第十六条")
                : null)
            ?? RequiredText(requirement, "requirement", "整改要求", ComplaintLimits.LongTextMaxLength, "第十六条")
            ?? (dueDate < ChinaTime.DateOf(at)
                ? DomainError.Invalid(ComplaintErrors.DueDateInPast, "整改期限不能早于今天。", "第十六条", "dueDate")
                : null);
        if (error is not null)
        {
            return error;
        }

        var rectification = new Rectification(_rectifications.Count + 1, requirement!.Trim(), dueDate, at);
        _rectifications.Add(rectification);
        Record(
            TimelineEventKind.RectificationOrdered,
            "第十六条",
            actor,
            at,
            ("number", rectification.Number.ToString(CultureInfo.InvariantCulture)),
            ("dueDate", Date(dueDate)));
        return rectification;
    }

    /// <summary>第十六条: the agency reports the rectification done; again after a send-back.</summary>
    public Outcome CompleteRectification(string? report, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.CompleteRectification, ComplaintStatus.Concluded)
            ?? ByHandlingAgency(ComplaintAction.CompleteRectification, actor)
            ?? RectificationIn(ComplaintAction.CompleteRectification, RectificationStatus.Ordered, RectificationStatus.SentBack)
            ?? RequiredText(report, "report", "整改情况", ComplaintLimits.LongTextMaxLength, "第十六条");
        if (error is not null)
        {
            return error;
        }

        var rectification = OpenRectification!;
        rectification.Complete(report!.Trim(), at);
        Record(
            TimelineEventKind.RectificationCompleted,
            "第十六条",
            actor,
            at,
            ("number", rectification.Number.ToString(CultureInfo.InvariantCulture)),
            ("onTime", Flag(ChinaTime.DateOf(at) <= rectification.DueDate)));
        return Outcome.Ok();
    }

    /// <summary>
    /// 第十六条 "抓好跟踪落实": the management department checks the reported rectification. Not accepted
    /// sends it back to the agency, with the reason.
    /// </summary>
    public Outcome VerifyRectification(bool accepted, string? note, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(ComplaintAction.VerifyRectification, ComplaintStatus.Concluded)
            ?? ByManagement(ComplaintAction.VerifyRectification, actor)
            ?? RectificationIn(ComplaintAction.VerifyRectification, RectificationStatus.Completed)
            ?? (accepted
                ? OptionalText(note, "note", "核验意见", ComplaintLimits.LongTextMaxLength)
                : RequiredText(note, "note", "退回整改的理由", ComplaintLimits.LongTextMaxLength, "第十六条"));
        if (error is not null)
        {
            return error;
        }

        var rectification = OpenRectification!;
        rectification.Verify(accepted, Trimmed(note), at);
        Record(
            accepted ? TimelineEventKind.RectificationVerified : TimelineEventKind.RectificationSentBack,
            "第十六条",
            actor,
            at,
            ("number", rectification.Number.ToString(CultureInfo.InvariantCulture)));
        return Outcome.Ok();
    }

    private DomainError? RectificationIn(ComplaintAction action, params ReadOnlySpan<RectificationStatus> allowed)
    {
        if (OpenRectification is not { } open)
        {
            return DomainError.Conflict(ComplaintErrors.NoRectification, $"本投诉没有待办的整改事项,不能{action.Verb()}(第十六条)。", "第十六条");
        }

        foreach (var status in allowed)
        {
            if (open.Status == status)
            {
                return null;
            }
        }

        return DomainError.Conflict(
            ComplaintErrors.RectificationInvalidTransition,
            $"整改事项当前状态为「{open.Status.ChineseName()}」,不能{action.Verb()}(第十六条)。",
            "第十六条");
    }

    /// <summary>
    /// 第四条: the management department reports a major complaint (重大投诉事项) to the government of its
    /// level; once per case. Allowed in every state but merged [decision]: a merged case's matter lives on
    /// in the case it was merged into, which is the one to report.
    /// </summary>
    public Outcome FlagMajor(string? summary, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var error = InState(
                ComplaintAction.FlagMajor,
                ComplaintStatus.PendingReferral,
                ComplaintStatus.PendingAcceptance,
                ComplaintStatus.InHandling,
                ComplaintStatus.Concluded,
                ComplaintStatus.NotAccepted,
                ComplaintStatus.Withdrawn)
            ?? ByManagement(ComplaintAction.FlagMajor, actor)
            ?? (IsMajor ? DomainError.Conflict(ComplaintErrors.AlreadyReportedMajor, "本投诉已作为重大投诉事项报告过(第四条)。", "第四条") : null)
            ?? RequiredText(summary, "summary", "重大投诉事项报告内容", ComplaintLimits.LongTextMaxLength, "第四条");
        if (error is not null)
        {
            return error;
        }

        IsMajor = true;
        MajorReportedAt = at;
        MajorSummary = summary!.Trim();
        Record(TimelineEventKind.MajorReported, "第四条", actor, at, ("regionCode", actor.RegionCode));
        return Outcome.Ok();
    }

    /// <summary>
    /// For the background monitor: records that the deadline running now has passed. Idempotent per
    /// deadline kind — the first call records and returns true, later calls return false — so the
    /// monitor can run as often as it likes. Refuses a deadline that is not running or not yet passed.
    /// </summary>
    public Result<bool> FlagOverdue(IWorkingDayCalendar calendar, DeadlineKind kind, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var running = RunningDeadline(calendar);
        if (running is null || running.Kind != kind)
        {
            return ComplaintErrors.NotRunning(Status, kind);
        }

        if (!running.IsOverdueAt(at))
        {
            return DomainError.Conflict(ComplaintErrors.NotOverdue, $"{kind.Name()}的时限到{Date(running.Due)}为止,尚未超期({running.Article})。", running.Article);
        }

        var deadline = WireNames.Of(kind);
        if (_timeline.Any(e => e.Kind == TimelineEventKind.OverdueFlagged && e.Details.TryGetValue("deadline", out var flagged) && flagged == deadline))
        {
            return false;
        }

        Record(TimelineEventKind.OverdueFlagged, running.Article, Actor.System, at, ("deadline", deadline), ("due", Date(running.Due)));
        return true;
    }
}
