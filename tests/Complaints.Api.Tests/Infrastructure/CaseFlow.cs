using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>
/// Drives a case through the casework endpoints as the personas would; inside a <see cref="TestRemit"/>,
/// "citizen", "agency_staff" and "management_staff" are that remit's own people and agency.
/// </summary>
public sealed class CaseFlow(IAlbaHost host, TestRemit? remit = null)
{
    private readonly Dictionary<string, HttpClient> _clients = remit is null ? [] : new()
    {
        ["citizen"] = remit.Citizen,
        ["agency_staff"] = remit.Agency,
        ["management_staff"] = remit.Department,
    };

    /// <summary>The agency the complaints of this flow are about and are referred to.</summary>
    public Guid Agency => remit?.AgencyId ?? ComplaintBodies.WuhuaMarket;

    public async Task<HttpClient> As(string persona)
    {
        if (!_clients.TryGetValue(persona, out var client))
        {
            client = await host.ClientAsync(persona);
            _clients[persona] = client;
        }

        return client;
    }

    public async Task<Guid> SubmitOnlineAsync(string persona = "citizen", Guid? agency = null) =>
        (await (await As(persona)).SubmitAsync(ComplaintBodies.Online(agency ?? Agency))).GetProperty("id").GetGuid();

    public async Task<JsonElement> ActAsync(string persona, Guid id, string action, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await (await As(persona)).PostAsJsonAsync($"/api/v1/cases/{id}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{persona} {action}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
    }

    public async Task<JsonElement> GetAsync(string persona, Guid id)
    {
        var response = await (await As(persona)).GetAsync($"/api/v1/cases/{id}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{persona} GET: {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Online complaint referred by the department to <see cref="Agency"/> (五华区市场监督管理局 outside a remit) and accepted.</summary>
    public async Task<Guid> AcceptedAsync(string classification, string persona = "citizen")
    {
        var id = await SubmitOnlineAsync(persona);
        await ActAsync("management_staff", id, "referral", new { agencyId = Agency, note = "请依法处理" });
        await ActAsync("agency_staff", id, "acceptance", new { decision = "accept", classification });
        return id;
    }
}
