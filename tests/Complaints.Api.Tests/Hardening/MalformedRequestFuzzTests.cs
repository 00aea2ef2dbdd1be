using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Hardening;

/// <summary>
/// Issue #14, finding 2 (api.md: "never a 500 for bad input"): malformed requests generated from the published OpenAPI
/// document, against every write operation it lists, on a host and database of their own. Seeded and reproducible:
/// set COMPLAINTS_FUZZ_SEED to replay another run. Any 5xx, or any error answered without a problem+json body, fails.
/// </summary>
public sealed class MalformedRequestFuzzTests
{
    private const int Requests = 2_100;
    private const string Surrogate = "@@lone-surrogate@@";

    private static readonly string[] ControlTexts = ["a\u0000b", "\u0000", "x\u0001y", "\u001b[2J", "del\u007f", "c1\u0085", Surrogate, "end\u0000"];
    private static readonly JsonNode?[] ExtremeNumbers = [-1, 0, 2147483648L, 9_223_372_036_854_775_807L, 1e308, -1e308, 1.5, JsonValue.Create("12"), null];
    private static readonly string[] ExtremeDates = ["0001-01-01", "9999-12-31", "2026-02-30", "99999-01-01", "", "2026-13-01", "yesterday"];
    private static readonly string[] ExtremeTimes = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-11-20T25:00:00+08:00", "0"];
    // %00 is refused by the URL decoder before any server code runs (TestServer throws client-side; Kestrel answers 400 itself).
    private static readonly string[] BadPathValues = ["%01", "%1B", "abc", "-1", "00000000-0000-0000-0000-000000000000", new string('9', 400), "%E0%A4%A", "..%2F..%2Fetc", "1e9999"];
    private static readonly string[] BadContentTypes =
        ["application/json; charset=bogus", "application/json; charset=utf-16", "text/plain", "application/xml", "application/json; charset=\"\"", "multipart/form-data", "application/x-www-form-urlencoded"];

    [Fact]
    public async Task Malformed_requests_to_every_write_operation_never_get_a_5xx_and_always_a_problem()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("COMPLAINTS_FUZZ_SEED"), out var s) ? s : 14;
        var random = new Random(seed);
        await using var host = await AppFixture.StartAsync("Development", await TestDatabase.CreateAsync("fuzz"), settings: new Dictionary<string, string?>
        {
            ["RateLimits:LookupPerMinute"] = "1000000",
            ["RateLimits:SubmissionPerMinute"] = "1000000",
            ["RateLimits:UploadPerMinute"] = "1000000",
        });

        var document = JsonNode.Parse(await host.Server.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var operations = WriteOperations(document);
        Assert.True(operations.Count >= 20, $"only {operations.Count} write operations found in the contract");

        var caseId = (await (await host.ClientAsync("citizen")).SubmitAsync(Online())).GetProperty("id").GetGuid();
        var clients = await ClientsAsync(host);
        var generator = new Generator(document, random, caseId);

        var plans = Enumerable.Range(0, Requests).Select(i => generator.Plan(operations[i % operations.Count], clients.Keys.ToArray())).ToList();
        var failures = new List<string>();
        using var gate = new SemaphoreSlim(6);
        await Task.WhenAll(plans.Select(async plan =>
        {
            await gate.WaitAsync();
            try
            {
                var failure = await SendAsync(clients[plan.Identity], plan);
                if (failure is not null)
                {
                    lock (failures)
                    {
                        failures.Add(failure);
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.True(failures.Count == 0,
            $"seed {seed}: {failures.Count} of {Requests} malformed requests were answered badly:\n" + string.Join("\n", failures.Take(15)));
    }

    private static async Task<string?> SendAsync(HttpClient client, Plan plan)
    {
        using var request = new HttpRequestMessage(new HttpMethod(plan.Method), plan.Path);
        if (plan.Body is not null)
        {
            request.Content = new ByteArrayContent(plan.Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", plan.ContentType);
        }

        if (plan.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", plan.IdempotencyKey);
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var describe = $"{status} {plan.Method} {plan.Path} as {plan.Identity} [{plan.Mutation}] {Truncate(Encoding.UTF8.GetString(plan.Body ?? []))} => {Truncate(text)}";
        if (status >= 500)
        {
            return describe;
        }

        if (status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return "not problem+json: " + describe;
        }

        try
        {
            var body = JsonDocument.Parse(text).RootElement;
            return body.GetProperty("status").GetInt32() == status && body.TryGetProperty("title", out _) && body.TryGetProperty("code", out _)
                ? null
                : "problem without status/title/code: " + describe;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "unreadable problem: " + describe;
        }
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";

    private static List<(string Method, string Path, JsonNode Operation)> WriteOperations(JsonNode document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Key is "post" or "put" or "patch" or "delete")
                .Select(op => (op.Key.ToUpperInvariant(), path.Key, op.Value!)))
            .ToList();

    private static async Task<Dictionary<string, HttpClient>> ClientsAsync(IAlbaHost host)
    {
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = host.Server.CreateClient() };
        foreach (var persona in Personas.All)
        {
            clients[persona.Key] = await host.ClientAsync(persona.Key);
        }

        // Validly signed tokens that lack what their role needs.
        clients["no-sub"] = host.ClientWithClaims(new() { ["role"] = "citizen", ["name"] = "李明" });
        clients["agency-without-agency_id"] = host.ClientWithClaims(new() { ["sub"] = "fuzz-agency", ["role"] = "agency_officer" });
        clients["management-without-region_code"] = host.ClientWithClaims(new() { ["sub"] = "fuzz-mgmt", ["role"] = "management_officer" });
        clients["unknown-role"] = host.ClientWithClaims(new() { ["sub"] = "fuzz-x", ["role"] = "superuser" });
        var garbage = host.Server.CreateClient();
        garbage.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer not.a.token");
        clients["garbage-token"] = garbage;
        return clients;
    }

    private sealed record Plan(string Identity, string Method, string Path, string ContentType, byte[]? Body, string Mutation, string? IdempotencyKey);

    private sealed class Generator(JsonNode document, Random random, Guid caseId)
    {
        public Plan Plan((string Method, string Path, JsonNode Operation) op, string[] identities)
        {
            var identity = random.NextDouble() switch
            {
                < 0.7 => LikelyPersona(op.Method, op.Path),
                _ => identities[random.Next(identities.Length)],
            };
            var mutation = random.Next(10);
            var path = FillPath(op.Path, mutation == 0);
            var key = random.Next(4) == 0 ? Pick(["k\u0001ey", Guid.NewGuid().ToString(), new string('k', 300), ""]) : null;
            if (op.Operation["requestBody"]?["content"]?["multipart/form-data"] is not null)
            {
                return Multipart(identity, op.Method, path, key);
            }

            var schema = op.Operation["requestBody"]?["content"]?["application/json"]?["schema"];
            var body = schema is null ? new JsonObject() : Generate(schema, 0);
            var contentType = "application/json";
            string described;
            switch (mutation)
            {
                case 0:
                    described = "path";
                    break;
                case 1:
                    contentType = Pick(BadContentTypes);
                    described = "content-type " + contentType;
                    break;
                case 2:
                    var raw = Pick(["{", "[]", "null", "", "\"text\"", "42", new string('[', 200) + new string(']', 200), "{\"a\":" + new string('{', 70) + new string('}', 71), "\u0000", "{\"request\":\"\\ud800\"}"]);
                    return new Plan(identity, op.Method, path, contentType, Encoding.UTF8.GetBytes(raw), "raw body", key);
                default:
                    described = Mutate(body, 1 + random.Next(2));
                    break;
            }

            var json = (body?.ToJsonString() ?? "null").Replace(Surrogate, "\\ud800", StringComparison.Ordinal);
            return new Plan(identity, op.Method, path, contentType, Encoding.UTF8.GetBytes(json), described, key);
        }

        private Plan Multipart(string identity, string method, string path, string? key)
        {
            var boundary = "fuzz" + random.Next();
            var kind = random.Next(5);
            var bytes = new byte[random.Next(0, 2048)];
            random.NextBytes(bytes);
            var field = kind == 0 ? "other" : "file";
            var name = kind == 1 ? "a\u0000b.pdf" : "x.png";
            var head = kind == 2 ? new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A } : kind == 3 ? "%PDF-1.7\n"u8.ToArray() : [];
            var content = new MemoryStream();
            content.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            content.Write(head);
            content.Write(bytes);
            content.Write(Encoding.UTF8.GetBytes(kind == 4 ? "" : $"\r\n--{boundary}--\r\n"));
            var contentType = random.Next(4) == 0 ? Pick(["multipart/form-data", "multipart/form-data; boundary=", $"multipart/form-data; boundary={boundary}; charset=bogus"]) : $"multipart/form-data; boundary={boundary}";
            return new Plan(identity, method, path, contentType, content.ToArray(), $"multipart kind {kind}", key);
        }

        private string FillPath(string template, bool hostile)
        {
            var path = template;
            while (path.IndexOf('{') is var start and >= 0)
            {
                var end = path.IndexOf('}', start);
                var name = path[(start + 1)..end];
                var value = hostile ? Pick(BadPathValues)
                    : name == "year" ? Pick(["2026", "2027", "0", "-5", "99999", "2147483648"])
                    : random.Next(3) == 0 ? Guid.NewGuid().ToString() : caseId.ToString();
                path = path[..start] + value + path[(end + 1)..];
            }

            return path;
        }

        private string LikelyPersona(string method, string path) => path switch
        {
            _ when path.Contains("/admin/", StringComparison.Ordinal) => "admin",
            "/api/v1/complaints" => Pick(["citizen", "enterprise", "hotline_operator", "agency_staff"]),
            "/api/v1/complaints/lookup" => "anonymous",
            _ when path.StartsWith("/api/v1/complaints/", StringComparison.Ordinal) => "citizen",
            _ when path.EndsWith("/referral", StringComparison.Ordinal) || path.EndsWith("/merge", StringComparison.Ordinal) || path.EndsWith("/coordination", StringComparison.Ordinal)
                => Pick(["management_officer", "management_staff"]),
            _ when path.StartsWith("/api/v1/cases/", StringComparison.Ordinal) => Pick(["agency_officer", "agency_staff"]),
            _ when path.StartsWith("/api/v1/reports", StringComparison.Ordinal) || path.StartsWith("/api/v1/spot-checks", StringComparison.Ordinal)
                => Pick(["management_officer", "province_management", "agency_officer"]),
            _ => Pick(["citizen", "admin", "management_officer"]),
        };

        private JsonNode? Generate(JsonNode schema, int depth)
        {
            schema = Resolve(schema);
            if (schema["enum"] is JsonArray values && values.Count > 0)
            {
                return values[random.Next(values.Count)]?.DeepClone();
            }

            var types = schema["type"] switch
            {
                JsonArray a => a.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToArray(),
                JsonValue v => [v.GetValue<string>()],
                _ => schema["properties"] is not null ? ["object"] : (schema["anyOf"] ?? schema["oneOf"]) is not null ? ["choice"] : ["string"],
            };
            var type = types.Length == 0 ? "null" : types[0];
            return type switch
            {
                "object" when depth < 6 => new JsonObject((schema["properties"]?.AsObject() ?? [])
                    .Select(p => KeyValuePair.Create(p.Key, Generate(p.Value!, depth + 1)))),
                "array" when depth < 6 => new JsonArray(Enumerable.Range(0, random.Next(3)).Select(_ => schema["items"] is { } items ? Generate(items, depth + 1) : null).ToArray()),
                "choice" => (schema["anyOf"] ?? schema["oneOf"])!.AsArray().Where(x => x?["type"]?.ToString() != "null").Select(x => Generate(x!, depth + 1)).FirstOrDefault(),
                "integer" => random.Next(1, 6),
                "number" => random.Next(1, 6),
                "boolean" => random.Next(2) == 0,
                "string" => schema["format"]?.GetValue<string>() switch
                {
                    "uuid" => Pick([caseId.ToString(), DemoDirectory.WuhuaMarketRegulation.ToString(), Guid.NewGuid().ToString()]),
                    "date" => "2026-11-20",
                    "date-time" => "2026-11-20T10:00:00+08:00",
                    _ => Pick(["测试文本", "530102", "2026Q3", "agency:" + DemoDirectory.WuhuaMarketRegulation, "region:530102", "TS530102-20261120-00001"]),
                },
                _ => null,
            };
        }

        private JsonNode Resolve(JsonNode schema)
        {
            while (schema["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]]!;
            }

            return schema;
        }

        private string Mutate(JsonNode? body, int times)
        {
            var changes = new List<string>();
            for (var i = 0; i < times; i++)
            {
                var leaves = Leaves(body, "$").ToList();
                if (leaves.Count == 0)
                {
                    changes.Add("empty object");
                    break;
                }

                var (parent, key, path) = leaves[random.Next(leaves.Count)];
                var current = key is string k ? parent[k] : parent[(int)key];
                JsonNode? replacement = random.Next(8) switch
                {
                    0 or 1 => current is JsonValue v && v.TryGetValue<string>(out var text) ? text.Insert(random.Next(text.Length + 1), Pick(ControlTexts)) : Pick(ControlTexts),
                    2 => ExtremeNumbers[random.Next(ExtremeNumbers.Length)]?.DeepClone(),
                    3 => Pick(ExtremeDates),
                    4 => Pick(ExtremeTimes),
                    5 => new string('长', random.Next(2) == 0 ? 5_000 : 70_000),
                    6 => Pick<JsonNode?>([new JsonObject(), new JsonArray(), true, "not-a-guid", "bogus_enum", null]),
                    _ => null,
                };
                if (key is string name && random.Next(8) == 0)
                {
                    ((JsonObject)parent).Remove(name);
                    changes.Add($"removed {path}");
                    continue;
                }

                if (key is string n)
                {
                    parent[n] = replacement;
                }
                else
                {
                    parent[(int)key] = replacement;
                }

                changes.Add($"{path}={Truncate(replacement?.ToJsonString() ?? "null")[..Math.Min(40, (replacement?.ToJsonString() ?? "null").Length)]}");
            }

            return string.Join(", ", changes);
        }

        private static IEnumerable<(JsonNode Parent, object Key, string Path)> Leaves(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o.ToList())
                    {
                        yield return (o, key, $"{path}.{key}");
                        foreach (var leaf in Leaves(value, $"{path}.{key}"))
                        {
                            yield return leaf;
                        }
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        yield return (a, i, $"{path}[{i}]");
                        foreach (var leaf in Leaves(a[i], $"{path}[{i}]"))
                        {
                            yield return leaf;
                        }
                    }

                    break;
            }
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
