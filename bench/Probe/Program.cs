// The raw-database ceiling for bench/run.sh (#16): the public lookup's request, answered by one prepared statement
// through the unique tracking-number index with raw Npgsql, and nothing else — no authentication, rate limit,
// lock, audit, query-code hashing, timeline or deadline computation. What the service does beyond this is what its
// ratio to the probe measures.
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ProbeJson.Default));

var connection = new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("Complaints")
    ?? throw new InvalidOperationException("ConnectionStrings:Complaints is required"))
{
    // The same pool and auto-preparation as the service (PersistenceSetup.WithPoolSettings).
    MaxAutoPrepare = 256,
    AutoPrepareMinUsages = 2,
};
await using var db = NpgsqlDataSource.Create(connection.ConnectionString);

var app = builder.Build();
app.MapGet("/healthz/live", () => "ok");
app.MapPost("/api/v1/complaints/lookup", async (ProbeRequest request, CancellationToken ct) =>
{
    if (string.IsNullOrWhiteSpace(request.TrackingNumber))
    {
        return Results.BadRequest();
    }

    await using var command = db.CreateCommand("SELECT tracking_number, status FROM complaints WHERE tracking_number = $1");
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.TrackingNumber });
    await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, ct);
    return await reader.ReadAsync(ct)
        ? Results.Ok(new ProbeStatus(reader.GetString(0), reader.GetString(1)))
        : Results.NotFound();
});
app.Run();

internal sealed record ProbeRequest(string? TrackingNumber, string? QueryCode);

internal sealed record ProbeStatus(string TrackingNumber, string Status);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProbeRequest))]
[JsonSerializable(typeof(ProbeStatus))]
internal sealed partial class ProbeJson : JsonSerializerContext;
