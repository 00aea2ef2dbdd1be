using System.Net;
using System.Text.Json;
using Alba;
using Complaints.Api.Directory;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Complaints.Api.Tests.Foundation;

/// <summary>Issue #10: what front ends need besides the case endpoints — one agency, agency names in lists, labels.</summary>
[Collection(ApiCollection.Name)]
public sealed class FrontEndEndpointsTests(AppFixture app)
{
    [Fact]
    public async Task One_agency_is_readable_by_id_and_an_unknown_one_is_404()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url($"/api/v1/agencies/{ComplaintBodies.WuhuaMarket}"); s.StatusCodeShouldBeOk(); });
        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        Assert.Equal("五华区市场监督管理局", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("530102", body.RootElement.GetProperty("regionCode").GetString());

        var missing = await app.Host.Scenario(s => { s.Get.Url($"/api/v1/agencies/{Guid.NewGuid()}"); s.StatusCodeShouldBe(HttpStatusCode.NotFound); });
        using var problem = JsonDocument.Parse(await missing.ReadAsTextAsync());
        Assert.Equal("agency.not_found", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task My_complaints_and_the_queue_carry_the_agency_name()
    {
        var citizen = await app.Host.ClientAsync("citizen");
        await citizen.SubmitAsync(ComplaintBodies.Online());
        using var mine = JsonDocument.Parse(await citizen.GetStringAsync("/api/v1/me/complaints?limit=5"));
        Assert.All(mine.RootElement.GetProperty("items").EnumerateArray(),
            item => Assert.False(string.IsNullOrEmpty(item.GetProperty("respondentAgencyName").GetString())));
        Assert.Contains(mine.RootElement.GetProperty("items").EnumerateArray(), i => i.GetProperty("respondentAgencyName").GetString() == "五华区市场监督管理局");

        var staff = await app.Host.ClientAsync("management_staff");
        using var queue = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/cases?limit=5"));
        Assert.NotEmpty(queue.RootElement.GetProperty("items").EnumerateArray());
        Assert.All(queue.RootElement.GetProperty("items").EnumerateArray(),
            item => Assert.False(string.IsNullOrEmpty(item.GetProperty("respondentAgencyName").GetString())));
    }

    [Fact]
    public async Task A_list_reads_an_agency_name_from_memory_and_again_from_the_database_after_a_few_minutes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var names = new AgencyNames(clock);
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Equal("五华区市场监督管理局", (await names.OfAsync(db, [ComplaintBodies.WuhuaMarket], default))[ComplaintBodies.WuhuaMarket]);

        // Renamed in the database (inside a transaction nobody else sees, rolled back at the end).
        await using var rename = await db.Database.BeginTransactionAsync();
        await db.Agencies.Where(a => a.Id == ComplaintBodies.WuhuaMarket).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, "五华区市场监管局(新名)"));

        clock.Advance(AgencyNames.Freshness - TimeSpan.FromSeconds(1));
        Assert.Equal("五华区市场监督管理局", (await names.OfAsync(db, [ComplaintBodies.WuhuaMarket], default))[ComplaintBodies.WuhuaMarket]);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("五华区市场监管局(新名)", (await names.OfAsync(db, [ComplaintBodies.WuhuaMarket], default))[ComplaintBodies.WuhuaMarket]);
        Assert.Empty(await names.OfAsync(db, [Guid.NewGuid()], default));
    }

    [Fact]
    public async Task Labels_give_every_enum_value_a_chinese_name_with_an_etag()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/api/v1/labels"); s.StatusCodeShouldBeOk(); });
        using var body = JsonDocument.Parse(await result.ReadAsTextAsync());
        Assert.Equal("待交办", body.RootElement.GetProperty("ComplaintStatus").GetProperty("pending_referral").GetString());
        Assert.Equal("12345政务服务便民热线", body.RootElement.GetProperty("Channel").GetProperty("phone_12345").GetString());
        // Every value of every enum has a label that is not just its wire name.
        foreach (var enumeration in body.RootElement.EnumerateObject())
        {
            foreach (var value in enumeration.Value.EnumerateObject())
            {
                Assert.NotEqual(value.Name, value.Value.GetString());
            }
        }

        var etag = result.Context.Response.Headers.ETag.ToString();
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Contains("max-age", result.Context.Response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        await app.Host.Scenario(s =>
        {
            s.Get.Url("/api/v1/labels");
            s.WithRequestHeader("If-None-Match", etag);
            s.StatusCodeShouldBe(HttpStatusCode.NotModified);
        });
    }

    [Fact]
    public async Task Every_enum_in_the_contract_has_a_label_per_value()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/openapi/v1.json"); s.StatusCodeShouldBeOk(); });
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());
        foreach (var schema in document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (schema.Value.TryGetProperty("enum", out var values))
            {
                Assert.True(schema.Value.TryGetProperty("x-enum-descriptions", out var labels), $"{schema.Name} has no x-enum-descriptions");
                Assert.Equal(values.GetArrayLength(), labels.GetArrayLength());
            }
        }
    }
}
