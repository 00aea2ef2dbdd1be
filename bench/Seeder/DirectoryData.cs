using Npgsql;
using NpgsqlTypes;

namespace Complaints.Bench.Seeder;

internal sealed record DivisionRow(string Code, string Name, string Level, string? ParentCode);

internal sealed record AgencyRow(Guid Id, string Name, string Kind, string RegionCode);

/// <summary>The divisions and agencies cases are spread over, with the weights of that spread.</summary>
internal sealed class DirectoryData
{
    // Agencies every county-level division has (政务服务中心 plus the usual implementing agencies).
    private static readonly (string Suffix, string Kind)[] CountyAgencies =
    [
        ("政务服务中心", "WindowServiceUnit"),
        ("市场监督管理局", "ImplementingAgency"),
        ("人力资源和社会保障局", "ImplementingAgency"),
        ("不动产登记中心", "ImplementingAgency"),
        ("公安局", "ImplementingAgency"),
        ("医疗保障局", "ImplementingAgency"),
        ("住房和城乡建设局", "ImplementingAgency"),
        ("税务局", "ImplementingAgency"),
        ("民政局", "ImplementingAgency"),
        ("自然资源局", "ImplementingAgency"),
    ];

    public required IReadOnlyList<DivisionRow> Divisions { get; init; }

    public required List<AgencyRow> Agencies { get; init; }

    public static async Task<DirectoryData> LoadAsync(NpgsqlDataSource db)
    {
        var divisions = new List<DivisionRow>();
        await using (var cmd = db.CreateCommand("SELECT code, name, level, parent_code FROM divisions ORDER BY code"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                divisions.Add(new DivisionRow(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
            }
        }

        var agencies = new List<AgencyRow>();
        await using (var cmd = db.CreateCommand("SELECT id, name, kind, region_code FROM agencies WHERE active ORDER BY id"))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                agencies.Add(new AgencyRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            }
        }

        if (divisions.Count == 0 || agencies.Count == 0)
        {
            throw new InvalidOperationException("The database has no divisions or agencies: start the service once in Development to migrate and seed the directory.");
        }

        return new DirectoryData { Divisions = divisions, Agencies = agencies };
    }

    /// <summary>Inserts the usual agencies into every division that lacks them (deterministic ids, idempotent).</summary>
    public async Task<int> AddCountyAgenciesAsync(NpgsqlDataSource db)
    {
        var existing = Agencies.Select(a => (a.RegionCode, a.Name)).ToHashSet();
        var known = Agencies.Select(a => a.Id).ToHashSet();
        var added = new List<AgencyRow>();
        foreach (var division in Divisions)
        {
            for (var i = 0; i < CountyAgencies.Length; i++)
            {
                var (suffix, kind) = CountyAgencies[i];
                var name = division.Name + suffix;
                var id = Guid.Parse($"b0000000-0000-4000-8000-{division.Code}{i + 1:D6}");
                if (existing.Contains((division.Code, name)) || known.Contains(id))
                {
                    continue;
                }

                added.Add(new AgencyRow(id, name, kind, division.Code));
            }
        }

        if (added.Count > 0)
        {
            await using var connection = await db.OpenConnectionAsync();
            await using var copy = await connection.BeginBinaryImportAsync("COPY agencies (id, name, kind, region_code, complaint_phone, active) FROM STDIN (FORMAT BINARY)");
            foreach (var a in added)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(a.Id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(a.Name, NpgsqlDbType.Varchar);
                await copy.WriteAsync(a.Kind, NpgsqlDbType.Varchar);
                await copy.WriteAsync(a.RegionCode, NpgsqlDbType.Char);
                await copy.WriteAsync($"0871-6{a.RegionCode[2..]}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync();
            Agencies.AddRange(added);
        }

        return added.Count;
    }

    /// <summary>
    /// How many complaints a division's agencies attract, relative to one ordinary county: Kunming's
    /// districts and counties most (half the province's service volume is in the capital), each
    /// prefecture's seat district more than its rural counties, prefecture- and province-level agencies less.
    /// </summary>
    public static double WeightOf(DivisionRow d) => d switch
    {
        { Level: "province" } => 1.5,
        { Level: "prefecture", Code: "530100" } => 8,
        { Level: "prefecture" } => 2,
        { ParentCode: "530100", Code: "530102" or "530103" or "530111" or "530112" } => 14,
        { ParentCode: "530100" } => 5,
        _ when d.Code.EndsWith("02", StringComparison.Ordinal) || d.Code.EndsWith("01", StringComparison.Ordinal) => 3,
        _ => 1,
    };
}
