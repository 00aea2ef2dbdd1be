using System.Net.Http.Headers;
using System.Text.Json;
using Complaints.Api.Complaints;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Complaints.Api.Tests.Infrastructure.ComplaintBodies;

namespace Complaints.Api.Tests.Documents;

/// <summary>
/// Cases in the states the forms need, and the document requests. Casework moves through the domain
/// in a test scope: its endpoints belong to the casework feature.
/// </summary>
public sealed class DocumentCases(AppFixture app)
{
    private static readonly Actor Management = Actor.ForManagement("management-staff-zhou-tao", "530102");
    private static readonly Actor ManagementOfficer = Actor.ForManagement("management-officer-wu-jing", "530102", isOfficer: true);
    private static readonly Actor Agency = Actor.ForAgency("agency-staff-zhao-qiang", WuhuaMarket);
    private static readonly Actor AgencyOfficer = Actor.ForAgency("agency-officer-qian-min", WuhuaMarket, isOfficer: true);

    public sealed record Submitted(Guid Id, string TrackingNumber);

    /// <summary>An online complaint by the <c>citizen</c> persona (李明), received by 五华区's management department.</summary>
    public async Task<Submitted> SubmitAsync(Action<Dictionary<string, object?>>? change = null)
    {
        var body = Online();
        change?.Invoke(body);
        var citizen = await app.Host.ClientAsync("citizen");
        var created = await citizen.SubmitAsync(body);
        return new Submitted(created.GetProperty("id").GetGuid(), created.GetProperty("trackingNumber").GetString()!);
    }

    public Task ReferAsync(Guid id) => ActAsync(id, (c, calendar, now, confidential) =>
        c.Refer(calendar, WuhuaMarket, "请依法依规处理并按期反馈。", confidential ? ManagementOfficer : Management, now));

    public Task AcceptAsync(Guid id, Classification classification) => ActAsync(id, (c, calendar, now, confidential) =>
        c.Accept(calendar, classification, confidential ? AgencyOfficer : Agency, now));

    public Task ConcludeAsync(Guid id) => ActAsync(id, (c, calendar, now, confidential) =>
        c.Conclude(calendar, Finding.PartiallySubstantiated, "已责令窗口工作人员改正并向投诉人致歉。", "加强窗口服务规范培训。", confidential ? AgencyOfficer : Agency, now));

    /// <summary>第八条: the agency declines, pointing at <paramref name="relatedId"/> where the reason needs a case.</summary>
    public async Task RejectAsync(Guid id, NotAcceptedReason reason, Guid? relatedId, string? explanation)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
        var complaint = await db.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id);
        var related = relatedId is { } r ? await db.Complaints.AsSplitQuery().SingleAsync(c => c.Id == r) : null;
        var change = ComplaintChange.Begin(complaint);
        Assert.True(complaint.NotAccept(calendar, reason, related, explanation, Agency, app.Clock.GetUtcNow()).IsSuccess);
        Assert.True(await OnePath.SaveAsync(scope.ServiceProvider, change, app.Clock.GetUtcNow()));
    }

    /// <summary>The working-day calendar and the aggregate, to compute what a form should say.</summary>
    public async Task<T> ReadAsync<T>(Guid id, Func<Complaint, IWorkingDayCalendar, T> read)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var complaint = await db.Complaints.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == id);
        return read(complaint, scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>());
    }

    public async Task<HttpResponseMessage> GetAsync(string persona, Guid id, string kind, string? accept = null)
    {
        var client = await app.Host.ClientAsync(persona);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/cases/{id}/documents/{kind}");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await client.SendAsync(request);
    }

    public async Task<JsonElement> JsonAsync(string persona, Guid id, string kind)
    {
        var response = await GetAsync(persona, id, kind, "application/json");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, System.Net.HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;

    private async Task ActAsync(Guid id, Func<Complaint, IWorkingDayCalendar, DateTimeOffset, bool, Domain.Common.Outcome> act)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var calendar = scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();
        var complaint = await db.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id);
        var change = ComplaintChange.Begin(complaint);
        var outcome = act(complaint, calendar, app.Clock.GetUtcNow(), complaint.Confidential);
        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        Assert.True(await OnePath.SaveAsync(scope.ServiceProvider, change, app.Clock.GetUtcNow()));
    }
}
