using System.Security.Claims;
using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Evidence;

/// <summary>
/// api.md: evidence is served to its uploader and to staff who may see the case it is attached to,
/// by the same visibility rule as the case itself (agency remit, region subtree, confidentiality).
/// </summary>
public sealed class EvidenceAccess(ComplaintsDbContext db)
{
    public async Task<bool> CanReadAsync(ClaimsPrincipal user, EvidenceFile evidence, CancellationToken cancellationToken)
    {
        var subject = user.FindFirstValue(ClaimNames.Subject);
        if (!string.IsNullOrEmpty(subject) && string.Equals(subject, evidence.UploaderId, StringComparison.Ordinal))
        {
            return true;
        }

        if (evidence.ComplaintId is not { } caseId || string.IsNullOrEmpty(subject))
        {
            return false;
        }

        var caller = Caller.From(user);
        // A confidential case's evidence may identify the complainant (第九条): officers only.
        return await db.Complaints.AsNoTracking().Where(c => c.Id == caseId).VisibleTo(db, caller)
            .AnyAsync(c => caller.IsOfficer || !c.Confidential, cancellationToken);
    }
}
