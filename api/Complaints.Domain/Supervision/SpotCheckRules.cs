using System.Globalization;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Jurisdiction;

namespace Complaints.Domain.Supervision;

/// <summary>A rectification a finding orders (督促整改, 第十六条): the requirement and the due date, as the reviewer gave them.</summary>
public sealed record RectificationOrder(string? Requirement, DateOnly? DueDate);

/// <summary>
/// 第十六条 抽查: a management department draws concluded cases of its own division and below, over a period a case can
/// have, and records one finding per sampled case; only an improper handling (处理不当) orders rectification, with a due date.
/// </summary>
public static class SpotCheckRules
{
    public const string ForbiddenCode = "spot_check.forbidden";
    public const string AlreadyReviewedCode = "spot_check.already_reviewed";
    public const string NotFoundCode = "spot_check.not_found";

    /// <summary>The dates a case can have: the day arithmetic of a draw stays inside <see cref="DateOnly"/>'s range.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>A draw by the department of <paramref name="departmentRegion"/> over <paramref name="region"/> and [from, to].</summary>
    public static DomainError? CheckDraw(string departmentRegion, string region, DateOnly from, DateOnly to)
    {
        if (!RegionCode.IsWithin(region, departmentRegion))
        {
            return DomainError.Forbidden(ForbiddenCode, "只能抽查本行政区域内的投诉处理情况(第十六条)。");
        }

        if (to < from)
        {
            return FieldErrors.Invalid("to", "抽查区间的截止日期应不早于起始日期。");
        }

        return from < EarliestDate || to > LatestDate
            ? FieldErrors.Invalid(from < EarliestDate ? "from" : "to", string.Create(CultureInfo.InvariantCulture, $"抽查区间应在 {EarliestDate:yyyy-MM-dd} 至 {LatestDate:yyyy-MM-dd} 之间。"))
            : null;
    }

    /// <summary>
    /// A finding on <paramref name="caseId"/>: a case of the <paramref name="sample"/>, not yet <paramref name="reviewed"/>;
    /// a rectification only with an improper handling (<paramref name="improper"/>), and with its due date.
    /// </summary>
    public static DomainError? CheckFinding(
        IReadOnlyCollection<Guid> sample, IEnumerable<Guid> reviewed, Guid caseId, bool improper, bool ordersRectification, DateOnly? rectificationDueDate)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(reviewed);
        if (!sample.Contains(caseId))
        {
            return FieldErrors.Invalid("caseId", "该投诉不在本次抽查样本中。");
        }

        if (reviewed.Contains(caseId))
        {
            return DomainError.Conflict(AlreadyReviewedCode, "该投诉已有抽查结论。");
        }

        if (!ordersRectification)
        {
            return null;
        }

        if (!improper)
        {
            return FieldErrors.Invalid("rectification", "只有处理不当的才督促整改(第十六条)。");
        }

        return rectificationDueDate is null ? DomainError.Invalid(ComplaintErrors.Required, "缺少整改期限。", "第十六条", "rectification.dueDate") : null;
    }

    /// <summary>
    /// A finding on a sampled case, in one step: <see cref="CheckFinding"/>, then, when it orders <paramref name="rectification"/>,
    /// the order on the case itself (<see cref="Complaint.OrderRectification"/>, which adds its event to the case).
    /// <paramref name="complaint"/> is the sampled case as the reviewer may see it, loaded only with a rectification; without
    /// it the rectification has nothing to go to and the review is not found (as a spot check the reviewer cannot see).
    /// The value says whether rectification was ordered.
    /// </summary>
    public static Result<bool> RecordFinding(
        IReadOnlyCollection<Guid> sample, IEnumerable<Guid> reviewed, Guid caseId, bool improper, RectificationOrder? rectification, Complaint? complaint, Actor actor, DateTimeOffset at)
    {
        if (CheckFinding(sample, reviewed, caseId, improper, rectification is not null, rectification?.DueDate) is { } refused)
        {
            return refused;
        }

        if (rectification is null)
        {
            return false;
        }

        if (complaint is null)
        {
            return DomainError.NotFound(NotFoundCode, "抽查不存在。");
        }

        var ordered = complaint.OrderRectification(rectification.Requirement, rectification.DueDate!.Value, actor, at);
        return ordered.IsSuccess ? true : ordered.Error!;
    }
}
