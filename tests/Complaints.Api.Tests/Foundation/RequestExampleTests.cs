using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.Api.Tests.Evidence;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

/// <summary>
/// Issue #10 item 4: every JSON request body of the contract has an example, every schema and property a Chinese
/// description, and the API accepts every request example as published: each is read from the served document and
/// sent to a case in the state its operation needs. Only the placeholders of ids a client must fill in (the case, the
/// upload, the tracking number and query code) are replaced; every other value is sent as published.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RequestExampleTests(AppFixture app)
{
    // The placeholders RequestExamples publishes.
    private const string SomeCase = "0193a5b2-7c4e-7d21-9f3a-2b6c8d0e4f51";
    private const string SomeOtherCase = "0193a5b2-7c4e-7d21-9f3a-2b6c8d0e4f52";
    private const string SomeUpload = "0193a5b2-7c4e-7d21-9f3a-2b6c8d0e4f60";
    private const string DeliveredOn = "2026-11-21";

    [Fact]
    public async Task Every_schema_and_property_has_a_Chinese_description()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            if (!IsChinese(schema!["description"]))
            {
                missing.Add(name);
            }

            Walk(name, schema!, missing);
        }

        Assert.True(missing.Count == 0, "without a Chinese description:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Every_JSON_request_body_has_an_example()
    {
        var document = await DocumentAsync();
        var missing = Operations(document)
            .Where(o => o.Operation["requestBody"]?["content"]?["application/json"] is { } media && media["example"] is null)
            .Select(o => o.Id)
            .ToList();
        Assert.True(missing.Count == 0, "request bodies without an example: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_response_example_matches_its_schema()
    {
        var document = await DocumentAsync();
        var examples = 0;
        foreach (var (method, path, operation, id) in Operations(document))
        {
            foreach (var (status, response) in operation["responses"]?.AsObject() ?? [])
            {
                if (response?["content"]?["application/json"]?["example"] is not { } example)
                {
                    continue;
                }

                examples++;
                var problem = ContractCheck.Default.Check(method, path, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                    "application/json", Encoding.UTF8.GetBytes(example.ToJsonString()));
                Assert.True(problem is null, $"the example of {id} {status}: {problem}");
            }
        }

        Assert.True(examples >= 5, $"only {examples} response examples"); // submission, lookup, my complaints, the queue, an agency
    }

    [Fact]
    public async Task The_API_accepts_every_request_example_as_published()
    {
        var document = await DocumentAsync();
        var sent = new HashSet<string>(StringComparer.Ordinal);
        var flow = new CaseFlow(app.Host);

        async Task<JsonElement> Send(string persona, string operationId, Guid? pathId = null, IDictionary<string, string>? fill = null)
        {
            var (method, path, operation, _) = Operations(document).Single(o => o.Id == operationId);
            var body = operation["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();
            foreach (var (placeholder, value) in fill ?? new Dictionary<string, string>())
            {
                body = body.Replace(placeholder, value, StringComparison.Ordinal);
            }

            var url = pathId is { } id ? path.Replace("{id}", id.ToString(), StringComparison.Ordinal) : path;
            if (JsonNode.Parse(body)?["year"] is { } year && operationId == "LoadCalendarYear")
            {
                url = path.Replace("{year}", year.ToJsonString(), StringComparison.Ordinal); // a year no other test uses
            }

            var client = persona == "anonymous" ? app.Host.Server.CreateClient() : await flow.As(persona);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{operationId} as {persona} with {body}: {(int)response.StatusCode} {text}");
            sent.Add(operationId);
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }

        // A complaint from the example, looked up, then taken through every casework step with the examples.
        var submitted = await Send("citizen", "SubmitComplaint");
        var id = submitted.GetProperty("id").GetGuid();
        await Send("anonymous", "LookupComplaint", fill: new Dictionary<string, string>
        {
            ["TS530102-20261120-00001"] = submitted.GetProperty("trackingNumber").GetString()!,
            ["7K3M9QX2"] = submitted.GetProperty("queryCode").GetString()!,
        });
        await Send("management_staff", "ReferCase", id);
        var decided = await Send("agency_staff", "DecideAcceptance", id);
        await Send("agency_staff", "RecordNoticeDelivery", id, new Dictionary<string, string>
        {
            [DeliveredOn] = decided.GetProperty("decision").GetProperty("decidedAt").GetString()![..10], // the decision's day (CST)
        });
        await Send("management_staff", "CoordinateCase", id);
        await Send("agency_staff", "RecordInvestigation", id);
        await Send("agency_staff", "ExtendCase", id);
        await Send("management_staff", "ReportMajorComplaint", id);
        await Send("agency_staff", "ConcludeCase", id);
        await Send("citizen", "RateSatisfaction", id);
        await Send("management_staff", "RevisitCase", id);
        await Send("management_staff", "OrderRectification", id);
        await Send("agency_staff", "CompleteRectification", id);
        await Send("management_staff", "VerifyRectification", id);

        // 补充材料 to an open complaint, then its withdrawal.
        var open = await flow.SubmitOnlineAsync();
        var upload = await app.Host.UploadOkAsync(await app.Host.ForAsync("citizen"), EvidenceSamples.Jpeg(64, 48), "窗口.jpg");
        await Send("citizen", "AddMaterials", open, new Dictionary<string, string> { [SomeUpload] = upload.GetProperty("id").GetString()! });
        await Send("citizen", "WithdrawComplaint", open);

        // Two complaints about the same matter, merged.
        var (first, second) = (await flow.SubmitOnlineAsync(), await flow.SubmitOnlineAsync());
        await flow.ActAsync("management_staff", first, "referral", new { agencyId = flow.Agency });
        await flow.ActAsync("management_staff", second, "referral", new { agencyId = flow.Agency });
        await Send("management_staff", "MergeCase", first, new Dictionary<string, string> { [SomeOtherCase] = second.ToString() });

        // Supervision and reporting.
        var check = await Send("management_staff", "DrawSpotCheck");
        var sampled = check.GetProperty("cases")[0].GetString()!;
        await Send("management_staff", "RecordSpotCheckFinding", check.GetProperty("id").GetGuid(), new Dictionary<string, string> { [SomeCase] = sampled });
        await Send("agency_staff", "SubmitReport");

        // A year's holidays (2098: no other test counts days there).
        await Send("admin", "LoadCalendarYear");

        // A webhook subscription, its secret rotated, then removed so that nothing is sent to the example's address.
        var subscription = (await Send("admin", "RegisterWebhook")).GetProperty("subscription").GetProperty("id").GetGuid();
        await Send("admin", "RotateWebhookSecret", subscription);
        Assert.True((await (await flow.As("admin")).DeleteAsync($"/api/v1/admin/webhooks/{subscription}")).IsSuccessStatusCode);

        var withExample = Operations(document).Where(o => o.Operation["requestBody"]?["content"]?["application/json"]?["example"] is not null).Select(o => o.Id);
        Assert.Empty(withExample.Except(sent));
    }

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await app.Host.Server.CreateClient().GetStringAsync("/openapi/v1.json"))!;

    private static IEnumerable<(string Method, string Path, JsonNode Operation, string Id)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (o.Key.ToUpperInvariant(), p.Key, o.Value!, o.Value!["operationId"]!.GetValue<string>())));

    private static void Walk(string owner, JsonNode schema, List<string> missing)
    {
        if (schema["items"] is JsonObject items)
        {
            Walk(owner + "[]", items, missing);
        }

        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            // A property that is only a $ref is described by the referenced schema, which is checked itself.
            if (property is JsonObject p && !(p.Count == 1 && p.ContainsKey("$ref")) && !IsChinese(p["description"]))
            {
                missing.Add($"{owner}.{name}");
            }

            if (property is JsonObject nested)
            {
                Walk($"{owner}.{name}", nested, missing);
            }
        }
    }

    private static bool IsChinese(JsonNode? text) =>
        text?.GetValueKind() == JsonValueKind.String && text.GetValue<string>().Any(c => c is >= '\u4e00' and <= '\u9fff');
}
