using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Complaints.Api.Directory;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>Request bodies of api.md, and a client that sends them with a persona's token.</summary>
public static class ComplaintBodies
{
    public static readonly Guid WuhuaMarket = DemoDirectory.WuhuaMarketRegulation;

    public static Dictionary<string, object?> Online(Guid? agencyId = null, string channel = "online_app") => new()
    {
        ["channel"] = channel,
        ["respondent"] = new { agencyId = agencyId ?? WuhuaMarket, windowNumber = "A12" },
        ["serviceItem"] = new { code = "530102-SCJG-001", name = "个体工商户设立登记" },
        ["request"] = "请求责令窗口工作人员改正服务态度并给出书面答复。",
        ["facts"] = "2026年11月20日上午在A12窗口办理登记时,工作人员拒绝解释材料要求,并态度恶劣。",
        ["evidenceIds"] = Array.Empty<Guid>(),
        ["confidential"] = false,
    };

    public static Dictionary<string, object?> Registered(string channel, object complainant, Guid? agencyId = null)
    {
        var body = Online(agencyId, channel);
        body["complainant"] = complainant;
        return body;
    }

    public static object Person(string? idNumber = "530103199205164324", string? phone = "13987654321") =>
        new { type = "person", name = "王芳", idNumber, phone, address = "昆明市五华区人民中路1号" };

    public static async Task<HttpClient> ClientAsync(this IAlbaHost host, string persona)
    {
        var client = host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.ForAsync(persona));
        return client;
    }

    public static async Task<JsonElement> SubmitAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/complaints", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
