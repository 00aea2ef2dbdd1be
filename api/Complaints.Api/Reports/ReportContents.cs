using System.Text.Json;
using Complaints.Api.Persistence;
using Complaints.Api.Statistics;
using Complaints.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Reports;

/// <summary>
/// What a report freezes (第十八条), read from the store for the duty the domain found owed: an agency's figures for the
/// period; a department's own level and the reports the level below has submitted, summed by the domain
/// (<see cref="ReportSubmission.SumForDepartment"/>).
/// </summary>
public static class ReportContents
{
    public static async Task<ReportFigures> LoadAsync(
        ComplaintsDbContext db, StatisticsScope scope, ReportingDuty duty, DateTimeOffset now, JsonSerializerOptions json, CancellationToken ct)
    {
        var p = duty.Period;
        if (scope.AgencyId is not null)
        {
            return new ReportFigures(await StatisticsQuery.ComputeAsync(db, scope, duty.CountsFrom, p.To, now, ct), [], []);
        }

        var ownLevel = await StatisticsQuery.ComputeAsync(db, StatisticsScope.OwnLevelOf(scope.RegionCode!), duty.CountsFrom, p.To, now, ct);
        var children = await db.Divisions.AsNoTracking().Where(d => d.ParentCode == scope.RegionCode).Select(d => d.Code).OrderBy(c => c).ToListAsync(ct);
        var childScopes = children.Select(c => $"region:{c}").ToList();
        var submitted = await db.Reports.AsNoTracking().Where(r => r.Period == p.ToString() && childScopes.Contains(r.Scope)).ToListAsync(ct);
        return ReportSubmission.SumForDepartment(ownLevel, children,
            [.. submitted.Select(r => new SubmittedReport(r.Id, r.RegionCode!, JsonSerializer.Deserialize<ComplaintStatistics>(r.Figures, json)!))]);
    }
}
