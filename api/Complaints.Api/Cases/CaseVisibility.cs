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
    /// The agency rule of <see cref="VisibleTo"/> as the four queries whose union it is, each as
    /// (received at, id) in newest-first order from its own index: a list takes the newest rows of each
    /// and merges them, instead of one OR that PostgreSQL can only answer by collecting all of the
    /// agency's cases and sorting them. The cooperating branch reads the trigger-kept
    /// <see cref="CooperatingAgencyLink"/> rows. <paramref name="filtered"/> applies the list's own
    /// filters; <paramref name="take"/> rows are taken from each branch. Null for callers that are not an agency.
    /// </summary>
    public static IQueryable<CaseKey>? AgencyNewest(ComplaintsDbContext db, Caller caller, Func<IQueryable<Complaint>, IQueryable<Complaint>> filtered, int take)
    {
        if (!(caller.IsAgency && caller.AgencyId is { } agency))
        {
            return null;
        }

        IQueryable<CaseKey> Newest(IQueryable<Complaint> branch) =>
            filtered(branch).OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Take(take).Select(c => new CaseKey { ReceivedAt = c.ReceivedAt, Id = c.Id });

        var cooperating = db.CooperatingAgencyLinks.Where(l => l.AgencyId == agency)
            .Join(filtered(db.Complaints), l => l.ComplaintId, c => c.Id, (l, c) => l)
            .OrderByDescending(l => l.ReceivedAt).ThenByDescending(l => l.ComplaintId).Take(take)
            .Select(l => new CaseKey { ReceivedAt = l.ReceivedAt, Id = l.ComplaintId });
        return Newest(db.Complaints.Where(c => c.Respondent.AgencyId == agency))
            .Union(Newest(db.Complaints.Where(c => c.AssignedAgencyId == agency)))
            .Union(Newest(db.Complaints.Where(c => c.LeadAgencyId == agency)))
            .Union(cooperating);
    }
}

/// <summary>A case's position in newest-first lists (a member-init shape, so that EF Core can union it).</summary>
public sealed class CaseKey
{
    public DateTimeOffset ReceivedAt { get; init; }

    public Guid Id { get; init; }
}
