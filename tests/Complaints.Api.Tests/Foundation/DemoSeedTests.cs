using Complaints.Api.Directory;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Jurisdiction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Foundation;

[Collection(ApiCollection.Name)]
public sealed class DemoSeedTests(AppFixture app)
{
    [Fact]
    public async Task All_146_Yunnan_divisions_are_seeded_each_with_one_management_department()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Equal(146, await db.Divisions.CountAsync());
        Assert.Equal(1, await db.Divisions.CountAsync(d => d.Level == RegionLevel.Province));
        Assert.Equal(16, await db.Divisions.CountAsync(d => d.Level == RegionLevel.Prefecture));
        Assert.Equal(129, await db.Divisions.CountAsync(d => d.Level == RegionLevel.County));
        Assert.Equal(146, await db.ManagementDepartments.Select(m => m.RegionCode).Distinct().CountAsync());
    }

    [Fact]
    public async Task At_least_20_agencies_span_Kunming_and_two_other_prefectures_each_with_a_named_officer()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var agencies = await db.Agencies.ToListAsync();
        Assert.True(agencies.Count >= 20);
        var prefectures = agencies.Where(a => a.RegionCode != "530000").Select(a => a.RegionCode[..4]).Distinct().ToList();
        Assert.Contains("5301", prefectures);
        Assert.True(prefectures.Count >= 3);
        Assert.Contains(agencies, a => a.Kind == AgencyKind.WindowServiceUnit);
        Assert.Contains(agencies, a => a.Kind == AgencyKind.ImplementingAgency);
        var officerAgencies = await db.Officers.Where(o => o.AgencyId != null).Select(o => o.AgencyId!.Value).ToListAsync();
        Assert.All(agencies, a => Assert.Contains(a.Id, officerAgencies));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var before = (await db.Divisions.CountAsync(), await db.ManagementDepartments.CountAsync(), await db.Agencies.CountAsync(), await db.Officers.CountAsync());
        await DemoSeeder.SeedDemoAsync(db, CancellationToken.None);
        var after = (await db.Divisions.CountAsync(), await db.ManagementDepartments.CountAsync(), await db.Agencies.CountAsync(), await db.Officers.CountAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Persona_agencies_and_officers_exist_in_the_seed()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        foreach (var persona in Personas.All.Where(p => p.AgencyId is not null))
        {
            Assert.True(await db.Agencies.AnyAsync(a => a.Id == persona.AgencyId), persona.Key);
        }

        foreach (var persona in Personas.All.Where(p => p.IsOfficer))
        {
            Assert.True(await db.Officers.AnyAsync(o => o.UserId == persona.Subject), persona.Key);
        }
    }
}
