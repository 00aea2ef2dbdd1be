using System.Diagnostics;
using System.Globalization;
using Complaints.Bench.Seeder;
using Npgsql;

// Seeds a migrated complaints database with a province's worth of cases for the load benchmark.
//   dotnet run -c Release --project bench/Seeder -- --connection "Host=…" --cases 1000000 --out bench/out
// Everything is generated from one seed, so two runs produce the same data; it is written with
// binary COPY (secondary indexes dropped first and rebuilt after, foreign-key triggers off for the
// load because the rows are consistent by construction), then VACUUM ANALYZE.
//   dotnet bench/Seeder/…/Seeder.dll photo PATH WIDTH HEIGHT   writes the JPEG the upload runs send (#16)
if (args is ["photo", var path, var width, var height])
{
    Photo.Write(path, int.Parse(width, CultureInfo.InvariantCulture), int.Parse(height, CultureInfo.InvariantCulture));
    return;
}

var options = SeedOptions.Parse(args);
var clock = Stopwatch.StartNew();
Console.WriteLine($"Seeding {options.Cases:N0} cases (seed {options.Seed}, now {options.Now:O}, audit chains {options.AuditChains})");

await using var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
var directory = await DirectoryData.LoadAsync(dataSource);
var added = await directory.AddCountyAgenciesAsync(dataSource);
Console.WriteLine($"  directory: {directory.Divisions.Count} divisions, {directory.Agencies.Count} agencies ({added} generated) [{clock.Elapsed.TotalSeconds:F0} s]");

var indexes = await Schema.DropSecondaryIndexesAsync(dataSource, Schema.LoadedTables);
Console.WriteLine($"  dropped {indexes.Count} secondary indexes for the load [{clock.Elapsed.TotalSeconds:F0} s]");

var generator = new CaseGenerator(options, directory);
var counts = await CopyWriter.WriteAsync(dataSource, generator, options);
Console.WriteLine($"  copied {counts} [{clock.Elapsed.TotalSeconds:F0} s]");

await Schema.RecreateIndexesAsync(dataSource, indexes);
Console.WriteLine($"  rebuilt {indexes.Count} indexes [{clock.Elapsed.TotalSeconds:F0} s]");

await Schema.FinishAsync(dataSource, generator);
Console.WriteLine($"  tracking sequences, audit sequence, VACUUM ANALYZE done [{clock.Elapsed.TotalSeconds:F0} s]");

Directory.CreateDirectory(options.OutputFolder);
await generator.WriteFixturesAsync(options.OutputFolder);
Console.WriteLine($"Seeded in {clock.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s; fixtures in {options.OutputFolder}");

namespace Complaints.Bench.Seeder
{
    internal sealed record SeedOptions(string ConnectionString, int Cases, int Seed, DateTimeOffset Now, string OutputFolder, int AuditChains, int Lookups)
    {
        public static SeedOptions Parse(string[] args)
        {
            string? Value(string name)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            }

            var connection = Value("--connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Complaints")
                ?? throw new ArgumentException("--connection is required");
            return new SeedOptions(
                connection,
                int.Parse(Value("--cases") ?? "1000000", CultureInfo.InvariantCulture),
                int.Parse(Value("--seed") ?? "20261126", CultureInfo.InvariantCulture),
                Value("--now") is { } now ? DateTimeOffset.Parse(now, CultureInfo.InvariantCulture).ToUniversalTime() : DateTimeOffset.UtcNow,
                Value("--out") ?? "bench/out",
                int.Parse(Value("--audit-chains") ?? "1", CultureInfo.InvariantCulture),
                int.Parse(Value("--lookups") ?? "20000", CultureInfo.InvariantCulture));
        }
    }
}
