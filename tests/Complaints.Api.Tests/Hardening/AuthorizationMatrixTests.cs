using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Complaints.Api.Directory;
using Complaints.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Complaints.Api.Tests.Hardening;

/// <summary>
/// Issue #14, finding 11: every operation of the published contract, with the personas that may call it; everyone
/// else gets 401 (no token) or 403 <c>auth.forbidden</c> (a token whose role may not). A persona that may call an
/// operation may still be refused by the handler for its remit (404, or 403 with the handler's own code), never by
/// role. An operation added to the contract without a line here fails the test.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(AppFixture app, ITestOutputHelper output)
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Everyone = [Anonymous, .. Personas.All.Select(p => p.Key)];
    private static readonly string[] Authenticated = [.. Personas.All.Select(p => p.Key)];
    private static readonly string[] Complainants = ["citizen", "citizen2", "enterprise"];
    private static readonly string[] Casework = ["agency_staff", "agency_officer", "other_agency_staff", "management_staff", "management_officer", "province_management", "agency_system", "department_system"];
    private static readonly string[] Management = ["management_staff", "management_officer", "province_management", "department_system"];
    private static readonly string[] Officers = ["agency_officer", "management_officer"];
    private static readonly string[] Admin = ["admin"];

    /// <summary>operationId → who may call it.</summary>
    private static readonly Dictionary<string, string[]> MayCall = new()
    {
        ["ListRegions"] = Everyone, ["ListAgencies"] = Everyone, ["GetAgency"] = Everyone, ["GetLabels"] = Everyone,
        ["ComputeDeadline"] = Everyone, ["GetCalendarYear"] = Everyone, ["LookupComplaint"] = Everyone,
        ["GetCaller"] = Authenticated, ["SubmitComplaint"] = Authenticated,
        ["UploadEvidence"] = Authenticated, ["GetEvidence"] = Authenticated, ["GetEvidenceThumbnail"] = Authenticated,
        ["RateSatisfaction"] = Complainants, ["WithdrawComplaint"] = Complainants, ["ListMyComplaints"] = Complainants,
        ["GetMyComplaint"] = Complainants, ["AddMyComplaintEvidence"] = Complainants,
        ["ListCases"] = Casework, ["GetCase"] = Casework, ["GetCaseAudit"] = Casework, ["GetStatistics"] = Casework,
        ["ReferCase"] = Casework, ["DecideAcceptance"] = Casework, ["ExtendCase"] = Casework, ["RecordInvestigation"] = Casework,
        ["ConcludeCase"] = Casework, ["MergeCase"] = Casework, ["CoordinateCase"] = Casework, ["RevisitCase"] = Casework,
        ["OrderRectification"] = Casework, ["CompleteRectification"] = Casework, ["VerifyRectification"] = Casework,
        ["ReportMajorComplaint"] = Casework, ["RecordNoticeDelivery"] = Casework, ["ListNoticesToDeliver"] = Casework,
        ["SubmitReport"] = Casework, ["GetReportingStatus"] = Casework, ["GetReport"] = Casework,
        ["GetReferralForm"] = Casework, ["GetAcceptanceNotice"] = Casework, ["GetRegistrationForm"] = Casework,
        ["GetCaseComplainant"] = Officers,
        ["DrawSpotCheck"] = Management, ["RecordSpotCheckFinding"] = Management, ["GetSpotCheck"] = Management,
        ["LoadCalendarYear"] = Admin, ["VerifyAuditTrail"] = Admin,
        ["ListCaseChanges"] = Casework, ["AddMaterials"] = Complainants,
        ["GetDuplicateSuggestions"] = Casework, ["GetContentAnalysis"] = Casework,
        ["RegisterWebhook"] = Admin, ["ListWebhooks"] = Admin, ["RemoveWebhook"] = Admin, ["RotateWebhookSecret"] = Admin,
        ["ListWebhookDeadLetters"] = Admin, ["ReplayWebhookDelivery"] = Admin,
    };

    [Fact]
    public async Task Every_operation_answers_each_persona_as_classified()
    {
        var document = JsonNode.Parse(await app.Host.Server.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Method: op.Key.ToUpperInvariant(), Path: path.Key, Id: op.Value!["operationId"]?.GetValue<string>() ?? $"{op.Key} {path.Key}",
                Multipart: op.Value!["requestBody"]?["content"]?["multipart/form-data"] is not null)))
            .ToList();

        var unclassified = operations.Where(o => !MayCall.ContainsKey(o.Id)).Select(o => $"{o.Method} {o.Path} ({o.Id})").ToList();
        Assert.True(unclassified.Count == 0, "operations without a line in the authorization matrix:\n" + string.Join("\n", unclassified));

        var clients = new Dictionary<string, HttpClient> { [Anonymous] = app.Host.Server.CreateClient() };
        foreach (var persona in Personas.All)
        {
            clients[persona.Key] = await app.Host.ClientAsync(persona.Key);
        }

        var wrong = new List<string>();
        foreach (var (method, path, id, multipart) in operations)
        {
            var url = path.Replace("{year}", "2031", StringComparison.Ordinal);
            while (url.IndexOf('{') is var start and >= 0)
            {
                url = url[..start] + Guid.NewGuid() + url[(url.IndexOf('}', start) + 1)..];
            }

            var row = new StringBuilder($"{method} {path}:");
            foreach (var (persona, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (multipart)
                {
                    // The content type the operation declares: routing answers 415 to any other before authorization runs.
                    request.Content = new MultipartFormDataContent { { new ByteArrayContent("not an image"u8.ToArray()), "file", "x.bin" } };
                }
                else if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var code = await CodeAsync(response);
                var refusedByRole = status == 401 || (status == 403 && code == "auth.forbidden");
                var may = MayCall[id].Contains(persona);
                row.Append($" {persona}={status}");
                if (may && refusedByRole)
                {
                    wrong.Add($"{method} {path} as {persona}: may call it, got {status} {code}");
                }
                else if (!may && status != (persona == Anonymous ? 401 : 403))
                {
                    wrong.Add($"{method} {path} as {persona}: may not call it, got {status} {code}");
                }
                else if (!may && persona != Anonymous && code != "auth.forbidden")
                {
                    wrong.Add($"{method} {path} as {persona}: refused with {code}, not auth.forbidden");
                }
            }

            output.WriteLine(row.ToString());
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
