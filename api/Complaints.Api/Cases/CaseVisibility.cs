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
    /// The queue rows of the cases an agency sees under <see cref="VisibleTo"/>'s agency rule: the trigger keeps one
    /// <see cref="AgencyQueueRow"/> per case for each of the same four columns. Null for callers that are not an agency.
    /// </summary>
    public static IQueryable<AgencyQueueRow>? AgencyQueue(ComplaintsDbContext db, Caller caller) =>
        caller.IsAgency && caller.AgencyId is { } agency ? db.AgencyQueue.Where(q => q.AgencyId == agency) : null;
}
