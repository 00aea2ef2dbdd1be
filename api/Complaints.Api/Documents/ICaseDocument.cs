using Complaints.Domain.Cases;

namespace Complaints.Api.Documents;

/// <summary>One annex form: its route segment, when the record can produce it, and how it reads and prints.</summary>
internal interface ICaseDocument<TSelf>
    where TSelf : ICaseDocument<TSelf>
{
    /// <summary>The route segment, e.g. <c>referral-form</c>.</summary>
    static abstract string Kind { get; }

    /// <summary>Why the record cannot produce this form yet (a Chinese problem detail), or null when it can.</summary>
    static abstract string? Unavailable(Complaint complaint);

    static abstract TSelf From(CaseFile file);

    /// <summary>
    /// 第十三条: whether a merged complaint's form is the one of the case it went into (<paramref name="target"/>),
    /// and how: null when this form describes the merged case's own record.
    /// </summary>
    static virtual TSelf? ForMerged(CaseFile merged, CaseFile target) => default;

    FormSheet ToSheet();
}
