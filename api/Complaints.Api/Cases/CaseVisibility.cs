using Complaints.Api.Auth;
using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Complaints.Domain.Jurisdiction;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Cases;

/// <summary>
/// Who may see a case (第五条 属地管理、分级负责), as one query filter so that every read applies the
/// same rule: an agency sees the cases it is complained about, handles, leads or cooperates on; a
/// management department sees its division and every division below it. Everyone else sees nothing.
/// Confidentiality (第九条) hides the complainant's identity within a visible case: see CaseViews.
/// </summary>
public static class CaseVisibility
{
    public static IQueryable<Complaint> VisibleTo(this IQueryable<Complaint> cases, Caller caller)
    {
        IQueryable<Complaint> visible;
        if (caller.IsAgency && caller.AgencyId is { } agency)
        {
            visible = cases.Where(c => c.Respondent.AgencyId == agency || c.AssignedAgencyId == agency || c.LeadAgencyId == agency
                || EF.Property<List<Guid>>(c, "_cooperatingAgencyIds").Contains(agency));
        }
        else if (caller.IsManagement && caller.RegionCode is { } region && RegionCode.IsWellFormed(region))
        {
            var prefix = RegionCode.SubtreePrefix(region);

            // A county has no divisions below it: equality, which the (region_code, received_at, id) index serves in order.
            visible = prefix.Length == region.Length
                ? cases.Where(c => EF.Property<string>(c, ComplaintConfiguration.RegionCode) == region)
                : cases.Where(c => EF.Property<string>(c, ComplaintConfiguration.RegionCode).StartsWith(prefix));
        }
        else
        {
            return cases.Where(_ => false);
        }

        return visible;
    }

    /// <summary>
    /// The cases an agency sees under <see cref="VisibleTo"/>'s agency rule, through the trigger-kept
    /// <see cref="CaseAgencyLink"/> rows (the same four columns, one row per agency and case), joined to
    /// <paramref name="cases"/> and ordered newest first by the link's key: a queue page is one index range
    /// scan. Null for callers that are not an agency.
    /// </summary>
    public static IQueryable<Complaint>? AgencyQueue(ComplaintsDbContext db, IQueryable<Complaint> cases, Caller caller, DateTimeOffset? before, Guid beforeId)
    {
        if (!(caller.IsAgency && caller.AgencyId is { } agency))
        {
            return null;
        }

        var links = db.CaseAgencyLinks.Where(l => l.AgencyId == agency);
        if (before is { } at)
        {
            // Older than the cursor's row; the first conjunct starts the index range at the cursor.
            links = links.Where(l => l.ReceivedAt <= at && (l.ReceivedAt < at || l.ComplaintId.CompareTo(beforeId) < 0));
        }

        return links.Join(cases, l => l.ComplaintId, c => c.Id, (l, c) => new { l.ReceivedAt, l.ComplaintId, Case = c })
            .OrderByDescending(x => x.ReceivedAt).ThenByDescending(x => x.ComplaintId).Select(x => x.Case);
    }
}
