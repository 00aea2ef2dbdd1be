using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>Drives a case through the casework endpoints as the personas would.</summary>
public sealed class CaseFlow(IAlbaHost host)
{
    private readonly Dictionary<string, HttpClient> _clients = [];

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
        (await (await As(persona)).SubmitAsync(ComplaintBodies.Online(agency))).GetProperty("id").GetGuid();

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

    /// <summary>Online complaint referred by the 五华区 department to 五华区市场监督管理局 and accepted.</summary>
    public async Task<Guid> AcceptedAsync(string classification, string persona = "citizen")
    {
        var id = await SubmitOnlineAsync(persona);
        await ActAsync("management_staff", id, "referral", new { agencyId = ComplaintBodies.WuhuaMarket, note = "请依法处理" });
        await ActAsync("agency_staff", id, "acceptance", new { decision = "accept", classification });
        return id;
    }
}
