using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Cases;

/// <summary>Messages are Chinese: the 办法's words, never wire values mixed into a sentence.</summary>
[Collection(ApiCollection.Name)]
public sealed class WordingTests(AppFixture app)
{
    [Fact]
    public async Task An_unknown_第八条_reason_is_400_listing_the_four_reasons_in_the_办法s_words()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.SubmitOnlineAsync();
        await flow.ActAsync("management_staff", id, "referral", new { agencyId = ComplaintBodies.WuhuaMarket });

        var problem = await flow.ActAsync("agency_staff", id, "acceptance", new { decision = "not_accept", reason = "not_in_article_8" }, HttpStatusCode.BadRequest);

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("第八条", detail, StringComparison.Ordinal);
        Assert.Contains("(一)没有明确被投诉人或者投诉请求", detail, StringComparison.Ordinal);
        Assert.Contains("(二)已经受理或者正在处理", detail, StringComparison.Ordinal);
        Assert.Contains("(三)已经或者正在通过诉讼、仲裁、行政复议、调解等途径解决", detail, StringComparison.Ordinal);
        Assert.Contains("(四)已经办结,无新证明材料对同一事项重复投诉", detail, StringComparison.Ordinal);
        Assert.DoesNotMatch("[a-z_]{3,}", detail);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(
            ["no_clear_respondent_or_request", "already_accepted_or_in_progress", "other_legal_channel", "repeat_without_new_evidence"],
            problem.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task A_refusal_names_the_channel_in_chinese_not_its_wire_value_第六条()
    {
        var citizen = await app.Host.ClientAsync("citizen");
        var response = await citizen.PostAsJsonAsync("/api/v1/complaints", ComplaintBodies.Online(channel: "in_person"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("「现场投诉」", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotMatch("[a-z_]{3,}", problem.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task A_refused_transition_names_the_state_in_chinese_only()
    {
        var flow = new CaseFlow(app.Host);
        var id = await flow.AcceptedAsync("offsite");

        var problem = await flow.ActAsync("agency_staff", id, "acceptance", new { decision = "accept", classification = "onsite" }, HttpStatusCode.Conflict);

        Assert.Equal("当前状态为「处理中」,不能受理(第十一条)。", problem.GetProperty("detail").GetString());
    }
}
