using System.Globalization;
using Complaints.Api.Persistence;
using Complaints.Domain.Jurisdiction;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Directory;

/// <summary>Idempotent seed: inserts what is missing, never overwrites what an administrator changed.</summary>
public static class DemoSeeder
{
    public static async Task SeedDivisionsAsync(ComplaintsDbContext db, CancellationToken ct)
    {
        var existing = await db.Divisions.Select(d => d.Code).ToHashSetAsync(ct);
        foreach (var division in ReadDivisions().Where(d => !existing.Contains(d.Code)))
        {
            db.Divisions.Add(division);
        }

        await db.SaveChangesAsync(ct);

        var withDepartment = await db.ManagementDepartments.Select(m => m.RegionCode).ToHashSetAsync(ct);
        foreach (var division in await db.Divisions.AsNoTracking().ToListAsync(ct))
        {
            if (!withDepartment.Contains(division.Code))
            {
                db.ManagementDepartments.Add(new ManagementDepartment
                {
                    Id = DemoDirectory.DepartmentId(division.Code),
                    RegionCode = division.Code,
                    Name = DemoDirectory.DepartmentName(division),
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public static async Task SeedDemoAsync(ComplaintsDbContext db, CancellationToken ct)
    {
        await SeedDivisionsAsync(db, ct);

        var agencies = await db.Agencies.Select(a => a.Id).ToHashSetAsync(ct);
        db.Agencies.AddRange(DemoDirectory.Agencies.Where(a => !agencies.Contains(a.Id)).Select(Copy));
        await db.SaveChangesAsync(ct);

        var officers = await db.Officers.Select(o => o.UserId).ToHashSetAsync(ct);
        db.Officers.AddRange(DemoDirectory.Officers().Where(o => !officers.Contains(o.UserId)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The 146 divisions shipped from shared/reference/yunnan-divisions.csv, parents first.</summary>
    public static IReadOnlyList<Division> ReadDivisions()
    {
        using var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Complaints.Api.Directory.Seed.yunnan-divisions.csv")
            ?? throw new InvalidOperationException("Embedded division list is missing.");
        using var reader = new StreamReader(stream);
        var divisions = new List<Division>();
        reader.ReadLine(); // header: code,name,level,parent_code
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            divisions.Add(new Division
            {
                Code = cells[0],
                Name = cells[1],
                Level = Enum.Parse<RegionLevel>(cells[2], ignoreCase: true),
                ParentCode = cells[3].Length == 0 ? null : cells[3].ToString(CultureInfo.InvariantCulture),
            });
        }

        return [.. divisions.OrderBy(d => d.Level)];
    }

    private static Agency Copy(Agency a) =>
        new() { Id = a.Id, Name = a.Name, Kind = a.Kind, RegionCode = a.RegionCode, ComplaintPhone = a.ComplaintPhone, Active = a.Active };
}
