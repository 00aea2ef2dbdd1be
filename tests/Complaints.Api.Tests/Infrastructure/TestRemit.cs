using System.Globalization;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>
/// A remit no other test writes to: a county of its own, agencies of its own in it, their staff, the county's
/// management department, and complainants of their own. A test that lists, counts, samples or aggregates
/// (queues, my complaints, spot checks, statistics, sweeps) works inside one, so another test's cases can never
/// change what it sees, whatever order the tests run in (docs/testing.md).
/// </summary>
public sealed class TestRemit
{
    private static int _next = -1;
    private readonly IAlbaHost _host;
    private int _agencies;

    private TestRemit(IAlbaHost host, string regionCode)
    {
        _host = host;
        RegionCode = regionCode;
        Department = host.ClientWithClaims(new() { ["sub"] = $"management-{regionCode}", ["role"] = "management_staff", ["name"] = "测试管理部门", ["region_code"] = regionCode });
    }

    /// <summary>The county of this remit: one that the demo directory and every other remit leave alone.</summary>
    public string RegionCode { get; }

    /// <summary>The agency complaints of this remit are about (the first one created).</summary>
    public Guid AgencyId { get; private set; }

    /// <summary>Staff of <see cref="AgencyId"/>.</summary>
    public HttpClient Agency { get; private set; } = null!;

    /// <summary>The county's government-service management department (management_staff).</summary>
    public HttpClient Department { get; }

    /// <summary>A citizen nobody else is: their "my complaints" holds only what the test submitted.</summary>
    public HttpClient Citizen { get; private set; } = null!;

    public static async Task<TestRemit> CreateAsync(IAlbaHost host)
    {
        var remit = new TestRemit(host, Counties[Interlocked.Increment(ref _next) % Counties.Count]);
        remit.AgencyId = await remit.AddAgencyAsync();
        remit.Agency = remit.StaffOf(remit.AgencyId);
        remit.Citizen = remit.NewCitizen();
        return remit;
    }

    /// <summary>Another agency of this county, stored in the directory with its complaint officer (第四条), as the seed does.</summary>
    public async Task<Guid> AddAgencyAsync()
    {
        var id = Guid.NewGuid();
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        db.Agencies.Add(new Agency
        {
            Id = id,
            Name = $"测试县{RegionCode}第{Interlocked.Increment(ref _agencies)}政务服务机构",
            Kind = AgencyKind.ImplementingAgency,
            RegionCode = RegionCode,
        });
        db.Officers.Add(new Officer { Id = Guid.NewGuid(), UserId = $"officer-{id:N}", Name = "测试专员", AgencyId = id });
        await db.SaveChangesAsync();
        return id;
    }

    public HttpClient StaffOf(Guid agency) =>
        _host.ClientWithClaims(new() { ["sub"] = $"agency-staff-{agency:N}", ["role"] = "agency_staff", ["name"] = "测试", ["agency_id"] = agency.ToString() });

    /// <summary>A complainant of their own, with a valid resident ID number or credit code (fictitious) and a phone.</summary>
    public HttpClient NewCitizen(string role = "citizen") => NewComplainant(role).Client;

    /// <summary>As <see cref="NewCitizen"/>, with the token's subject, which their complaints are stored under.</summary>
    public (HttpClient Client, string Subject) NewComplainant(string role = "citizen")
    {
        var subject = $"{role}-{Guid.NewGuid():N}";
        return (_host.ClientWithClaims(role == "enterprise"
            ? new() { ["sub"] = subject, ["role"] = role, ["name"] = "测试企业有限公司", ["id_type"] = "uscc", ["id_number"] = "91530100MA6K3L2P7G", ["phone"] = "13700001111" }
            : new() { ["sub"] = subject, ["role"] = role, ["name"] = "测试", ["id_type"] = "resident_id", ["id_number"] = "53010219880119123X", ["phone"] = "13812345678" }), subject);
    }

    /// <summary>
    /// Counties of prefectures the demo directory seeds nothing in (玉溪 to 迪庆, less 曲靖 and 大理), read from the
    /// service's own division list, in code order so that every run hands out the same ones.
    /// </summary>
    private static readonly IReadOnlyList<string> Counties = File.ReadLines(Path.Combine(RepoPaths.Root, "api/Complaints.Api/Directory/Seed/yunnan-divisions.csv"))
        .Skip(1)
        .Select(line => line.Split(','))
        .Where(f => f[2] == "county" && f[0][..4] is not ("5301" or "5303" or "5329"))
        .Select(f => f[0])
        .OrderBy(code => int.Parse(code, CultureInfo.InvariantCulture))
        .ToList();
}
