using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Complaints;

/// <summary>Evidence named in a submission must be the caller's own uploads, not yet attached elsewhere.</summary>
public static class EvidenceAttachment
{
    public static async Task<ProblemHttpResult?> CheckAsync(ComplaintsDbContext db, string uploader, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        await IsUsableAsync(db, uploader, ids, ct) ? null : ProblemHandling.Validation("evidenceIds", "证明材料不存在、不是您上传的,或已附加到其他投诉。");

    /// <summary>Every id names an upload of <paramref name="uploader"/> not yet attached to a complaint (none named: true).</summary>
    public static async Task<bool> IsUsableAsync(ComplaintsDbContext db, string uploader, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return true;
        }

        var distinct = ids.Distinct().ToList();
        return await db.EvidenceFiles.CountAsync(e => distinct.Contains(e.Id) && e.UploaderId == uploader && e.ComplaintId == null, ct) == distinct.Count;
    }

    /// <summary>
    /// Attaches inside the submission's transaction with a conditional update, so that a concurrent
    /// submission or the 24-hour sweep cannot take the same file: fewer rows than asked means it lost.
    /// </summary>
    public static async Task<bool> TryAttachAsync(ComplaintsDbContext db, Guid complaintId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return true;
        }

        var attached = await db.EvidenceFiles.Where(e => ids.Contains(e.Id) && e.ComplaintId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ComplaintId, complaintId), ct);
        return attached == ids.Distinct().Count();
    }
}
