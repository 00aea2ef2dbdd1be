using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Complaints.Api.Insight;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Complaints.Api.Tests.Insight;

/// <summary>Duplicate suggestions (第十三条), search for staff, and the content analysis of complaints (第十六、十八条), on generated complaints.</summary>
public sealed class InsightTests(InsightFixture data) : IClassFixture<InsightFixture>
{
    [Fact]
    public async Task Every_planted_duplicate_is_suggested_first_or_second_both_ways_with_its_reasons_第十三条()
    {
        var county = await data.Host.ClientAsync("management_officer"); // 五华区: sees every pair but the one in 盘龙区
        var province = await data.Host.ClientAsync("province_management");
        foreach (var pair in data.Pairs.Where(p => p.Name != "to merge")) // that one is merged by its own test, which checks it first
        {
            var viewer = pair.Name == "the duplicate in another county" ? province : county;
            foreach (var (from, to) in new[] { (pair.Original, pair.Duplicate), (pair.Duplicate, pair.Original) })
            {
                var suggestions = (await InsightFixture.GetJsonAsync(viewer, $"/api/v1/cases/{from}/duplicates")).GetProperty("suggestions").EnumerateArray().ToList();
                var rank = suggestions.FindIndex(s => s.GetProperty("caseId").GetGuid() == to);
                Assert.True(rank is 0 or 1, $"{pair.Name}: {to} is at {rank} among {string.Join(", ", suggestions.Select(s => s.GetProperty("caseId")))}");
                Assert.True(suggestions.Count <= 10);
                var reasons = suggestions[rank].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();
                Assert.Contains("similar_text", reasons);
                Assert.InRange(suggestions[rank].GetProperty("daysApart").GetInt32(), 0, 30);
            }
        }

        // The reasons name what matched: the ID number, the phone (the caller gave no ID), or the agency and item.
        var sameId = await SuggestionAsync(county, data.Pairs[0]);
        Assert.Contains("same_complainant", Reasons(sameId));
        Assert.Contains("same_agency_and_service_item", Reasons(sameId));
        var samePhone = await SuggestionAsync(county, data.Pairs[1]);
        Assert.Equal(["same_phone", "same_agency_and_service_item", "similar_text"], Reasons(samePhone));
        var noIdentity = await SuggestionAsync(county, data.Pairs[3]);
        Assert.Equal(["same_agency_and_service_item", "similar_text"], Reasons(noIdentity));
    }

    [Fact]
    public async Task The_case_view_lists_the_suggestions_ranked_and_the_same_complainants_other_matter_comes_after_the_duplicate_第十三条()
    {
        var county = await data.Host.ClientAsync("management_officer");
        var pair = data.Pairs[0];
        var view = await InsightFixture.GetJsonAsync(county, $"/api/v1/cases/{pair.Original}");
        var suggestions = view.GetProperty("duplicateSuggestions").EnumerateArray().ToList();
        Assert.Equal(pair.Duplicate, suggestions[0].GetProperty("caseId").GetGuid());
        var scores = suggestions.Select(s => s.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        // The same person's complaint about another agency and matter is suggested (same complainant), lower.
        var other = suggestions.Skip(1).Where(s => Reasons(s).Contains("same_complainant")).ToList();
        var unrelated = Assert.Single(other);
        Assert.Equal(InsightFixture.Hr, unrelated.GetProperty("respondentAgencyId").GetGuid());
        Assert.DoesNotContain("similar_text", Reasons(unrelated));
    }

    [Fact]
    public async Task No_case_outside_the_callers_remit_is_ever_suggested_第五条()
    {
        var staff = await data.Host.ClientAsync("agency_staff"); // 五华区市场监督管理局
        var queue = await AllAsync(staff, "/api/v1/cases?limit=200");
        Assert.Equal(data.Cases.Count(c => c.Value.Agency == InsightFixture.Market), queue.Count);
        foreach (var id in queue)
        {
            foreach (var s in (await InsightFixture.GetJsonAsync(staff, $"/api/v1/cases/{id}/duplicates")).GetProperty("suggestions").EnumerateArray())
            {
                Assert.Contains(s.GetProperty("caseId").GetGuid(), queue);
            }
        }

        // The pair split across counties: 五华区 never sees the 盘龙区 case, the province does.
        var split = data.Pairs.Single(p => p.Name == "the duplicate in another county");
        var county = await data.Host.ClientAsync("management_staff");
        foreach (var client in new[] { staff, county })
        {
            var ids = (await InsightFixture.GetJsonAsync(client, $"/api/v1/cases/{split.Original}/duplicates")).GetProperty("suggestions")
                .EnumerateArray().Select(s => s.GetProperty("caseId").GetGuid());
            Assert.DoesNotContain(split.Duplicate, ids);
        }

        var other = await data.Host.ClientAsync("other_agency_staff"); // 盘龙区人社局: not the market regulator's case
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{split.Original}/duplicates")).StatusCode);
    }

    [Fact]
    public async Task A_confidential_complainant_is_matched_without_revealing_who_they_are_第九条()
    {
        var pair = data.Pairs.Single(p => p.Name == "confidential complainant");
        var staff = await data.Host.ClientAsync("agency_staff");
        var response = await staff.GetStringAsync($"/api/v1/cases/{pair.Original}/duplicates");
        var suggestion = JsonDocument.Parse(response).RootElement.GetProperty("suggestions").EnumerateArray().First();
        Assert.Equal(pair.Duplicate, suggestion.GetProperty("caseId").GetGuid());
        Assert.Contains("confidential_complainant_match", Reasons(suggestion));
        Assert.DoesNotContain("same_complainant", Reasons(suggestion));
        Assert.DoesNotContain(data.PersonalData, d => response.Contains(d, StringComparison.Ordinal));

        // A named officer may know: the reason is said.
        var officer = await data.Host.ClientAsync("agency_officer");
        var officers = JsonDocument.Parse(await officer.GetStringAsync($"/api/v1/cases/{pair.Original}/duplicates")).RootElement.GetProperty("suggestions").EnumerateArray().First();
        Assert.Contains("same_complainant", Reasons(officers));
    }

    [Fact]
    public async Task A_merge_from_a_suggestion_is_one_action_第十三条()
    {
        var pair = data.Pairs.Single(p => p.Name == "to merge");
        var department = await data.Host.ClientAsync("management_staff");
        foreach (var id in new[] { pair.Original, pair.Duplicate })
        {
            Assert.True((await department.PostAsJsonAsync($"/api/v1/cases/{id}/referral", new { agencyId = InsightFixture.Market })).IsSuccessStatusCode);
        }

        var officer = await data.Host.ClientAsync("agency_officer");
        var suggestion = (await InsightFixture.GetJsonAsync(officer, $"/api/v1/cases/{pair.Original}/duplicates")).GetProperty("suggestions").EnumerateArray().First();
        var merge = suggestion.GetProperty("merge");
        Assert.Equal(pair.Duplicate, merge.GetProperty("caseId").GetGuid()); // the later one goes into the earlier one
        Assert.Equal(pair.Original, merge.GetProperty("intoCaseId").GetGuid());

        var response = await officer.PostAsJsonAsync(merge.GetProperty("href").GetString(), new { intoCaseId = merge.GetProperty("intoCaseId").GetGuid() });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("merged", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        var after = await InsightFixture.GetJsonAsync(officer, $"/api/v1/cases/{pair.Original}");
        Assert.Contains(after.GetProperty("mergedCases").EnumerateArray(), m => m.GetProperty("caseId").GetGuid() == pair.Duplicate);
        Assert.DoesNotContain(after.GetProperty("duplicateSuggestions").EnumerateArray(), s => s.GetProperty("caseId").GetGuid() == pair.Duplicate);
    }

    [Fact]
    public async Task Staff_search_in_Chinese_finds_cases_in_their_remit_only_ranked_and_paginated()
    {
        var staff = await data.Host.ClientAsync("agency_staff");
        var food = await SearchAsync(staff, "冷链仓库 健康证明");
        var pair = data.Pairs[0];
        Assert.Equal(new[] { pair.Original, pair.Duplicate }.Order(), food.Take(2).Order());

        // A word inside a longer word is found ("执照" in "营业执照", jieba's search mode at write time).
        Assert.NotEmpty(await SearchAsync(await data.Host.ClientAsync("management_staff"), "执照"));

        // The split pair: the market regulator finds its own case; 盘龙区's case only the province finds.
        var split = data.Pairs.Single(p => p.Name == "the duplicate in another county");
        Assert.Equal([split.Original], await SearchAsync(staff, "广告发布登记"));
        Assert.Equal([split.Original], await SearchAsync(await data.Host.ClientAsync("management_staff"), "广告发布登记"));
        Assert.Equal(new[] { split.Original, split.Duplicate }.Order(), (await SearchAsync(await data.Host.ClientAsync("province_management"), "广告发布登记")).Order());
        Assert.Empty(await SearchAsync(await data.Host.ClientAsync("other_agency_staff"), "冷链仓库"));

        // Every result of a common topic is the caller's, in rank order, and pages neither repeat nor lose a case.
        var all = await SearchAsync(staff, "叫号系统故障", limit: 200);
        Assert.NotEmpty(all);
        Assert.All(all, id => Assert.Equal(InsightFixture.Market, data.Cases[id].Agency));
        var paged = await AllAsync(staff, $"/api/v1/cases?q={Uri.EscapeDataString("叫号系统故障")}&limit=3");
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Search_never_reaches_personal_data_and_refuses_a_query_without_words_第九条()
    {
        var officer = await data.Host.ClientAsync("management_officer");
        foreach (var personal in data.PersonalData.Take(30))
        {
            var response = await officer.GetAsync($"/api/v1/cases?q={Uri.EscapeDataString(personal)}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Assert.Empty(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray());
            }
            else
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            }
        }

        foreach (var q in new[] { "", "的了", new string('窗', 101) })
        {
            var response = await officer.GetAsync($"/api/v1/cases?q={Uri.EscapeDataString(q)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("\"q\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_planted_topic_leads_the_analysis_and_the_change_against_the_previous_quarter_is_shown_第十六条()
    {
        var county = await data.Host.ClientAsync("management_staff");
        var analysis = await InsightFixture.GetJsonAsync(county, "/api/v1/insight/content-analysis?scope=region:530102&period=2026Q3");
        Assert.Equal("2026-04-01", analysis.GetProperty("previousFrom").GetString());
        Assert.Equal("2026-06-30", analysis.GetProperty("previousTo").GetString());
        var a = analysis.GetProperty("analysis");
        var top = a.GetProperty("keywords")[0];
        Assert.Equal(InsightFixture.PlantedTopic, top.GetProperty("term").GetString());
        Assert.True(top.GetProperty("cases").GetInt32() > top.GetProperty("previousCases").GetInt32());
        Assert.Equal(InsightFixture.PlantedTopic, a.GetProperty("rising")[0].GetProperty("term").GetString());
        Assert.InRange(top.GetProperty("examples").GetArrayLength(), 1, 3);
        Assert.Contains(a.GetProperty("phrases").EnumerateArray(), p => p.GetProperty("term").GetString()!.Contains(InsightFixture.PlantedTopic, StringComparison.Ordinal));

        // Service items: the most 不满意 ratings.
        var dissatisfied = a.GetProperty("mostDissatisfied")[0];
        Assert.Equal(InsightFixture.DissatisfyingItem, dissatisfied.GetProperty("serviceItem").GetString());
        Assert.Equal(4, dissatisfied.GetProperty("dissatisfied").GetInt32());
        Assert.Equal(5, dissatisfied.GetProperty("rated").GetInt32());
        Assert.NotEmpty(a.GetProperty("topServiceItems").EnumerateArray());

        // Chart-ready: labels and series of equal length.
        foreach (var chart in analysis.GetProperty("charts").EnumerateArray())
        {
            var labels = chart.GetProperty("labels").GetArrayLength();
            Assert.All(chart.GetProperty("series").EnumerateArray(), s => Assert.Equal(labels, s.GetProperty("data").GetArrayLength()));
        }

        // Per agency: the market regulator's own complaints; another agency may not read it.
        var agency = await InsightFixture.GetJsonAsync(await data.Host.ClientAsync("agency_staff"),
            $"/api/v1/insight/content-analysis?scope=agency:{InsightFixture.Market}&from=2026-07-01&to=2026-09-30");
        Assert.Equal(data.Cases.Count(c => c.Value.Agency == InsightFixture.Market), agency.GetProperty("analysis").GetProperty("cases").GetInt32()
            + agency.GetProperty("analysis").GetProperty("previousCases").GetInt32());
        var other = await data.Host.ClientAsync("other_agency_staff");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/v1/insight/content-analysis?scope=agency:{InsightFixture.Market}&period=2026Q3")).StatusCode);
    }

    [Fact]
    public async Task The_quarterly_report_and_its_exports_say_what_people_complained_about_第十八条()
    {
        var staff = await data.Host.ClientAsync("agency_staff");
        var response = await staff.PostAsJsonAsync("/api/v1/reports", new { period = "2026Q3", scope = $"agency:{InsightFixture.Market}" });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var report = JsonDocument.Parse(text).RootElement;
        Assert.Equal(InsightFixture.PlantedTopic, report.GetProperty("contentAnalysis").GetProperty("analysis").GetProperty("keywords")[0].GetProperty("term").GetString());
        var id = report.GetProperty("id").GetGuid();

        var json = await InsightFixture.GetJsonAsync(staff, $"/api/v1/reports/{id}");
        Assert.Equal(InsightFixture.PlantedTopic, json.GetProperty("contentAnalysis").GetProperty("analysis").GetProperty("keywords")[0].GetProperty("term").GetString());

        var csv = Encoding.UTF8.GetString(await staff.GetByteArrayAsync($"/api/v1/reports/{id}?format=csv"));
        Assert.Contains($"投诉热点词 1 · {InsightFixture.PlantedTopic}", csv, StringComparison.Ordinal);
        Assert.Contains("投诉最多的服务事项 1", csv, StringComparison.Ordinal);

        using var xlsx = new MemoryStream(await staff.GetByteArrayAsync($"/api/v1/reports/{id}?format=xlsx"));
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(rows, r => r["key"]?.ToString() == "analysis.keyword.1" && r["指标"]!.ToString()!.EndsWith(InsightFixture.PlantedTopic, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cases_stored_before_the_insight_columns_are_segmented_after_start()
    {
        var pair = data.Pairs[1]; // the same-phone pair: the duplicate's caller gave a phone only
        await using var scope = data.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        async Task<(string? Words, string? Terms, string? Phone)> ColumnsAsync() =>
            (await db.Database.SqlQuery<Stored>($"""
                SELECT c.insight_words, c.search_terms, ci.phone_blind_index FROM complaints c JOIN complainant_identities ci ON ci.complaint_id = c.id
                WHERE c.id = {pair.Duplicate}
                """).SingleAsync()) is var s ? (s.InsightWords, s.SearchTerms, s.PhoneBlindIndex) : default;
        var before = await ColumnsAsync();
        Assert.False(string.IsNullOrEmpty(before.Words));
        Assert.NotNull(before.Phone);

        await db.Database.ExecuteSqlAsync($"UPDATE complaints SET insight_words = NULL, search_terms = NULL WHERE id = {pair.Duplicate}");
        await db.Database.ExecuteSqlAsync($"UPDATE complainant_identities SET phone_blind_index = NULL WHERE complaint_id = {pair.Duplicate}");
        Assert.Equal(1, await InsightBackfill.RunBatchAsync(db, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>(), CancellationToken.None));
        Assert.Equal(before, await ColumnsAsync());
        Assert.Equal(0, await InsightBackfill.RunBatchAsync(db, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>(), CancellationToken.None));
    }

    private sealed class Stored
    {
        public string? InsightWords { get; init; }
        public string? SearchTerms { get; init; }
        public string? PhoneBlindIndex { get; init; }
    }

    private static async Task<JsonElement> SuggestionAsync(HttpClient client, InsightFixture.PlantedPair pair) =>
        (await InsightFixture.GetJsonAsync(client, $"/api/v1/cases/{pair.Original}/duplicates")).GetProperty("suggestions").EnumerateArray()
            .Single(s => s.GetProperty("caseId").GetGuid() == pair.Duplicate);

    private static List<string?> Reasons(JsonElement suggestion) =>
        suggestion.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ToList();

    private static async Task<List<Guid>> SearchAsync(HttpClient client, string q, int limit = 50) =>
        (await InsightFixture.GetJsonAsync(client, $"/api/v1/cases?q={Uri.EscapeDataString(q)}&limit={limit}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static async Task<List<Guid>> AllAsync(HttpClient client, string url)
    {
        var ids = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await InsightFixture.GetJsonAsync(client, cursor is null ? url : $"{url}&cursor={Uri.EscapeDataString(cursor)}");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }
}
