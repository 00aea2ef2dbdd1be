using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Persistence;
using Complaints.Api.Statistics;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Cases;
using Complaints.Domain.Jurisdiction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Complaints.Api.Tests.Cases;

/// <summary>
/// #15 item 3: who may see a case (第五条) is written once in SQL (case_agency_ids → agency_queue, department_sees). The EF
/// filter (which calls department_sees), the SQL every hand-written query uses and the division scope of statistics must
/// give, on every case and for every caller, what the regulation says: an agency sees the cases it is complained about,
/// handles, leads or cooperates on; a department its division and the divisions below (the domain's region tree).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class VisibilityParityTests(AppFixture app)
{
    [Fact]
    public async Task The_sql_rule_the_queue_the_ef_filter_and_the_csharp_predicate_agree_on_generated_cases_第五条()
    {
        var remit = await TestRemit.CreateAsync(app.Host);
        var agencies = new List<Guid> { remit.AgencyId, await remit.AddAgencyAsync(), await remit.AddAgencyAsync(), await remit.AddAgencyAsync() };
        var flow = new CaseFlow(app.Host, remit);
        var random = new Random(15);
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var id = await flow.SubmitOnlineAsync(agency: agencies[random.Next(agencies.Count)]);
            ids.Add(id);
            var step = random.Next(3);
            if (step >= 1)
            {
                await flow.ActAsync("management_staff", id, "referral", new { agencyId = agencies[random.Next(agencies.Count)] });
            }

            if (step == 2)
            {
                var shuffled = agencies.OrderBy(_ => random.Next()).ToList();
                await flow.ActAsync("management_staff", id, "coordination", new { leadAgencyId = shuffled[0], cooperatingAgencyIds = shuffled.Skip(1).Take(1 + random.Next(2)) });
            }
        }

        // A case elsewhere, that none of this remit's callers may see.
        var elsewhere = await TestRemit.CreateAsync(app.Host);
        ids.Add(await new CaseFlow(app.Host, elsewhere).SubmitOnlineAsync());

        var county = remit.RegionCode;
        var callers = agencies.Select(a => new Caller($"staff-{a:N}", Roles.AgencyStaff, a, null))
            .Append(new Caller("staff-elsewhere", Roles.AgencyStaff, elsewhere.AgencyId, null))
            .Append(new Caller("staff-nowhere", Roles.AgencyStaff, Guid.NewGuid(), null))
            .Concat(new[] { county, RegionCode.ParentOf(county)!, "530000", elsewhere.RegionCode, "540000", "5301" }
                .Select(r => new Caller($"department-{r}", Roles.ManagementStaff, null, r)))
            .Append(new Caller("citizen", Roles.Citizen, null, null))
            .ToList();

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var cases = await db.Complaints.AsNoTracking().AsSplitQuery().Where(c => ids.Contains(c.Id)).ToListAsync();
        Assert.Equal(ids.Count, cases.Count);
        var regions = await db.Complaints.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, Region = EF.Property<string>(c, ComplaintConfiguration.RegionCode) }).ToDictionaryAsync(c => c.Id, c => c.Region);

        // The agency rule: case_agency_ids, the queue rows derived from it, and the C# list.
        foreach (var c in cases)
        {
            var inSql = await db.Database.SqlQueryRaw<Guid[]>("SELECT case_agency_ids(c) AS \"Value\" FROM complaints c WHERE c.id = @id", new NpgsqlParameter("id", c.Id)).SingleAsync();
            var queued = await db.AgencyQueue.AsNoTracking().Where(q => q.ComplaintId == c.Id).Select(q => q.AgencyId).OrderBy(a => a).ToListAsync();
            Assert.Equal(AgenciesThatSee(c), inSql);
            Assert.Equal(inSql.Order(), queued);
        }

        Assert.Contains(cases, c => c.CooperatingAgencyIds.Count > 0);
        Assert.Contains(cases, c => c.AssignedAgencyId is { } assigned && assigned != c.Respondent.AgencyId);

        var seenBySomeone = 0;
        foreach (var caller in callers)
        {
            var byCSharp = cases.Where(c => Sees(caller, c, regions[c.Id])).Select(c => c.Id).Order().ToList();
            var byEf = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).VisibleTo(db, caller).Select(c => c.Id).OrderBy(id => id).ToListAsync();
            var parameters = new List<NpgsqlParameter> { new("ids", ids.ToArray()) };
            var remitSql = CaseVisibility.RemitSql(caller, "c", parameters);
            var query = "SELECT c.id AS \"Value\" FROM complaints c WHERE c.id = ANY(@ids) AND " + remitSql; // the service's own SQL fragment, its values parameters
            var bySql = remitSql is null ? [] : await db.Database.SqlQueryRaw<Guid>(query, parameters.ToArray()).OrderBy(id => id).ToListAsync();
            Assert.True(byCSharp.SequenceEqual(byEf), $"{caller.Subject}: C# {byCSharp.Count} vs EF {byEf.Count}");
            Assert.True(byCSharp.SequenceEqual(bySql), $"{caller.Subject}: C# {byCSharp.Count} vs SQL {bySql.Count}");
            seenBySomeone += byCSharp.Count;

            // Derived uses: the division scope of statistics, content analysis and spot checks is what the division's
            // department sees (StatisticsScope.Sql; for a county, its equality form).
            if (caller.IsManagement && RegionCode.IsWellFormed(caller.RegionCode))
            {
                var scopeParameters = new List<NpgsqlParameter> { new("ids", ids.ToArray()) };
                var inScope = new StatisticsScope(null, caller.RegionCode, caller.RegionCode!).Sql("c", scopeParameters);
                var scopeQuery = "SELECT c.id AS \"Value\" FROM complaints c WHERE c.id = ANY(@ids) AND " + inScope;
                var byScope = await db.Database.SqlQueryRaw<Guid>(scopeQuery, scopeParameters.ToArray()).OrderBy(id => id).ToListAsync();
                Assert.True(byCSharp.SequenceEqual(byScope), $"{caller.Subject}: C# {byCSharp.Count} vs statistics scope {byScope.Count}");
            }
        }

        Assert.True(seenBySomeone > ids.Count, "the generated cases exercise the rule");
    }

    [Fact]
    public async Task One_case_is_visible_by_the_query_that_loads_it_第五条()
    {
        var remit = await TestRemit.CreateAsync(app.Host);
        var id = await new CaseFlow(app.Host, remit).SubmitOnlineAsync();
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        foreach (var (department, sees) in new[] { (remit.RegionCode, true), (RegionCode.ParentOf(remit.RegionCode)!, true), ("530000", true), ("540000", false), ("532301", false) })
        {
            var caller = new Caller($"department-{department}", Roles.ManagementStaff, null, department);
            var query = db.Complaints.AsNoTracking().Where(c => c.Id == id).VisibleTo(db, caller);
            Assert.Contains("department_sees(", query.ToQueryString(), StringComparison.Ordinal);
            Assert.Equal(sees, await CaseAccess.FindVisibleAsync(db, id, caller, tracking: false, CancellationToken.None) is not null);
        }
    }

    [Theory]
    [InlineData("530000")]
    [InlineData("530100")]
    [InlineData("530102")]
    [InlineData("532300")]
    [InlineData("532301")]
    [InlineData("540000")]
    public async Task A_department_sees_its_division_and_below_in_sql_as_in_csharp_第五条(string department)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        foreach (var caseRegion in new[] { "530000", "530100", "530102", "530111", "532300", "532301", "532331", "540000", "540102", "530400" })
        {
            var sql = await db.Database.SqlQueryRaw<bool>("SELECT department_sees(@d, @r::character(6)) AS \"Value\"", new NpgsqlParameter("d", department), new NpgsqlParameter("r", caseRegion)).SingleAsync();
            Assert.True(RegionCode.IsWithin(caseRegion, department) == sql, $"{department} sees {caseRegion}: C# {!sql}, SQL {sql}");
        }
    }

    /// <summary>The regulation's words, independent of the service's SQL: the four agencies of a case, a department's subtree.</summary>
    private static bool Sees(Caller caller, Complaint c, string caseRegion) =>
        caller.IsAgency ? caller.AgencyId is { } agency && AgenciesThatSee(c).Contains(agency)
        : caller.IsManagement && caller.RegionCode is { } department && RegionCode.IsWithin(caseRegion, department);

    private static List<Guid> AgenciesThatSee(Complaint c) =>
        new[] { c.Respondent.AgencyId, c.AssignedAgencyId, c.LeadAgencyId }.OfType<Guid>().Concat(c.CooperatingAgencyIds).Distinct().Order().ToList();
}
