using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;

namespace Complaints.Api.Cases;

/// <summary>Side effects of case events (notifications), queued in the same unit of work as the change.</summary>
public static class CaseHooks
{
    public static void AfterAction(CaseRequest r, Complaint complaint, string action)
    {
        // Filled in by the notifications outbox: acceptance/non-acceptance notice, extension notice, conclusion feedback.
    }

    public static void Overdue(ComplaintsDbContext db, Complaint complaint, Deadline deadline, DateTimeOffset now)
    {
        // Filled in by the notifications outbox: the supervising management department is told.
    }
}
