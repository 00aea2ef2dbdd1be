using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;
using Npgsql;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Complaints;

/// <summary>第七条 身份证件号码 beyond the resident identity card: checked, encrypted at rest with a blind index, masked, audited when read.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdentityDocumentTests(AppFixture app)
{
    [Fact]
    public async Task A_Hong_Kong_permit_is_checked_encrypted_masked_and_read_in_full_only_by_officers_第七条()
    {
        var flow = new CaseFlow(app.Host);
        var hotline = await app.Host.ClientAsync("hotline_operator");
        var complainant = new { type = "person", name = "陈大文", idType = "hk_macao_permit", idNumber = "h12345678", phone = "13987654321" };
        var id = (await hotline.SubmitAsync(Registered("phone_12345", complainant))).GetProperty("id").GetGuid();

        var staffView = (await flow.GetAsync("agency_staff", id)).GetProperty("complainant");
        Assert.Equal("hk_macao_permit", staffView.GetProperty("idType").GetString());
        Assert.Equal("H*****678", staffView.GetProperty("idNumber").GetString());

        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT id_type, id_number_encrypted, id_number_masked, id_number_blind_index FROM complainant_identities WHERE complaint_id = @id", connection);
            command.Parameters.AddWithValue("id", id);
            await using var row = await command.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync());
            Assert.Equal("HkMacaoPermit", row.GetString(0));
            Assert.StartsWith("v1:", row.GetString(1), StringComparison.Ordinal);
            Assert.DoesNotContain("H12345678", row.GetString(1), StringComparison.Ordinal);
            Assert.Equal("H*****678", row.GetString(2));
            Assert.Equal(64, row.GetString(3).Length);
        }

        var full = JsonDocument.Parse(await (await flow.As("management_officer")).GetStringAsync($"/api/v1/cases/{id}/complainant")).RootElement;
        Assert.Equal("H12345678", full.GetProperty("idNumber").GetString());
        var audit = JsonDocument.Parse(await (await flow.As("management_officer")).GetStringAsync($"/api/v1/cases/{id}/audit")).RootElement;
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("action").GetString() == "personal_data.read");

        var form = await (await flow.As("agency_staff")).SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}/documents/registration-form") { Headers = { { "Accept", "text/html" } } });
        var html = await form.Content.ReadAsStringAsync();
        Assert.Contains("港澳居民来往内地通行证 H*****678", html, StringComparison.Ordinal);
        Assert.DoesNotContain("H12345678", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("taiwan_permit", "0123456", "complainant.idNumber", "identity.invalid_taiwan_permit")]
    [InlineData("passport", "E12", "complainant.idNumber", "identity.invalid_passport")]
    [InlineData("foreign_resident", "953840198503150016", "complainant.idNumber", "identity.invalid_foreign_resident")]
    [InlineData("residence_permit", "53010219880119123X", "complainant.idNumber", "identity.invalid_residence_permit")]
    [InlineData("uscc", "91530100MA6K3L2P7G", "complainant.idType", "complaint.id_type_mismatch")]
    public async Task Each_document_has_its_own_format_check_naming_the_field_第七条(string idType, string idNumber, string field, string code)
    {
        var hotline = await app.Host.ClientAsync("hotline_operator");
        var response = await hotline.PostAsJsonAsync("/api/v1/complaints", Registered("phone_12345", new { type = "person", name = "测试", idType, idNumber, phone = "13987654321" }));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_online_complainant_with_a_passport_token_and_a_contact_address_is_registered_第七条()
    {
        var citizen = app.Host.ClientWithClaims(new() { ["sub"] = $"citizen-{Guid.NewGuid():N}", ["role"] = "citizen", ["name"] = "John Smith", ["id_type"] = "passport", ["id_number"] = "X1234567", ["phone"] = "13812345678" });
        var body = Online();
        body["contactAddress"] = "昆明市盘龙区北京路100号";
        body["noticeByPost"] = true;
        var id = (await citizen.SubmitAsync(body)).GetProperty("id").GetGuid();

        var flow = new CaseFlow(app.Host);
        var view = (await flow.GetAsync("agency_staff", id)).GetProperty("complainant");
        Assert.Equal("passport", view.GetProperty("idType").GetString());
        Assert.Equal("X****567", view.GetProperty("idNumber").GetString());
        var full = JsonDocument.Parse(await (await flow.As("management_officer")).GetStringAsync($"/api/v1/cases/{id}/complainant")).RootElement;
        Assert.Equal("昆明市盘龙区北京路100号", full.GetProperty("address").GetString());

        var unknownType = app.Host.ClientWithClaims(new() { ["sub"] = $"citizen-{Guid.NewGuid():N}", ["role"] = "citizen", ["name"] = "测试", ["id_type"] = "driving_licence", ["id_number"] = "X1234567" });
        var refused = await unknownType.PostAsJsonAsync("/api/v1/complaints", Online());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("complaint.real_name_required", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Staff_give_the_address_in_the_complainant_and_need_it_for_a_notice_by_post_第七条()
    {
        var hotline = await app.Host.ClientAsync("hotline_operator");
        var withContactAddress = Registered("phone_12345", Person());
        withContactAddress["contactAddress"] = "昆明市五华区人民中路1号";
        var refused = await hotline.PostAsJsonAsync("/api/v1/complaints", withContactAddress);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("contactAddress", out _));

        var byPostWithoutAddress = Registered("phone_12345", new { type = "person", name = "测试", phone = "13987654321" });
        byPostWithoutAddress["noticeByPost"] = true;
        var missing = await hotline.PostAsJsonAsync("/api/v1/complaints", byPostWithoutAddress);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True(JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("complainant.address", out _));
    }
}
