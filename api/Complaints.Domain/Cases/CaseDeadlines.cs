namespace Complaints.Domain.Cases;

/// <summary>
/// The <c>deadlines</c> object of every case view (api.md). Dates are CST due dates ("by 24:00 of").
/// <see cref="Overdue"/> is about the deadline running now; a case that closed late is not "overdue"
/// but carries <c>false</c> in its on-time flags.
/// </summary>
public sealed record CaseDeadlines(
    DateOnly? ReferralDue,
    DateOnly? AcceptanceDue,
    DateOnly? HandlingDue,
    bool Extended,
    bool Provisional,
    bool Overdue);
