using System.Security.Claims;
using Complaints.Api.Auth;

namespace Complaints.Api.Evidence;

/// <summary>Who may read a piece of evidence. Everyone else gets the same 404 as for an id that does not exist.</summary>
public sealed class EvidenceAccess
{
    public Task<bool> CanReadAsync(ClaimsPrincipal user, EvidenceFile evidence, CancellationToken cancellationToken)
    {
        var subject = user.FindFirstValue(ClaimNames.Subject);
        if (!string.IsNullOrEmpty(subject) && string.Equals(subject, evidence.UploaderId, StringComparison.Ordinal))
        {
            return Task.FromResult(true);
        }

        // Staff access comes with case visibility (api.md: "to staff who may see the case"): once complaints
        // exist, evidence attached to a case (evidence.ComplaintId) is readable by whoever may read that case.
        // That check belongs here, and nowhere else.
        return Task.FromResult(false);
    }
}
