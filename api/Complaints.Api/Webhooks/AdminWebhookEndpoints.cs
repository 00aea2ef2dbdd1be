using System.Net;
using System.Security.Claims;
using Complaints.Api.Auth;
using Complaints.Api.Complaints;
using Complaints.Api.Docs;
using Complaints.Api.Infrastructure;
using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Complaints.Api.Validation;
using Complaints.Domain.Common;
using Complaints.Domain.Jurisdiction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Validation;

namespace Complaints.Api.Webhooks;

/// <summary>One of <c>agencyId</c> and <c>regionCode</c>: that either-or rule, the URL's scheme and the directory are checked by the handler.</summary>
[ValidatableType]
public sealed record WebhookRegistration(
    Guid? AgencyId,
    [property: ZhPattern(Patterns.RegionCode, Patterns.RegionCodeMessage)] string? RegionCode,
    [property: ZhRequired, ZhMaxLength(2048)] string? Url,
    [property: ZhMinLength(WebhookRegistration.SecretMinLength), ZhMaxLength(256)] string? Secret)
{
    public const int SecretMinLength = 32;
}

[ValidatableType]
public sealed record SecretRotation([property: ZhMinLength(WebhookRegistration.SecretMinLength), ZhMaxLength(256)] string? Secret, TimeSpan? GracePeriod);

public sealed record WebhookSubscriptionView(Guid Id, Guid? AgencyId, string? RegionCode, string Url, bool Active, DateTimeOffset CreatedAt,
    DateTimeOffset? PreviousSecretValidUntil);

/// <summary>The secret is shown once, in the answer to registration or rotation; it is stored encrypted.</summary>
public sealed record WebhookSecretView(WebhookSubscriptionView Subscription, string Secret);

public sealed record DeadLetterView(Guid Id, Guid SubscriptionId, string Type, Guid? CaseId, string? TrackingNumber, int Attempts, string? LastError,
    DateTimeOffset CreatedAt);

/// <summary>api.md "subscriptions managed under /api/v1/admin/webhooks": registration, rotation, dead letters, replay (administrators).</summary>
public static class AdminWebhookEndpoints
{
    public static IEndpointRouteBuilder MapAgencyWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/webhooks").WithTags("Administration").RequireAuthorization(Policies.Admin).WithAuthProblems();
        group.MapPost("/", Register).WithName("RegisterWebhook")
            .WithSummary("Register an agency's or a department's https endpoint for events (CloudEvents 1.0, signed; see the `webhooks` section). The secret is answered once.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/", List).WithName("ListWebhooks").WithSummary("The subscriptions, without their secrets.");
        group.MapDelete("/{id:guid}", Remove).WithName("RemoveWebhook").WithSummary("Stop delivering to a subscription; its undelivered events are dead-lettered when their turn comes.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/secret-rotation", Rotate).WithName("RotateWebhookSecret")
            .WithSummary("A new secret; the previous one keeps signing (a second v1 signature) for the grace period (default AgencyWebhooks:SecretGracePeriod, 1 day).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/dead-letters", DeadLetters).WithName("ListWebhookDeadLetters")
            .WithSummary("Events given up on (a permanent refusal, or every retry failed), oldest first.");
        group.MapPost("/deliveries/{id:guid}/replay", Replay).WithName("ReplayWebhookDelivery")
            .WithSummary("Deliver a dead-lettered event again, with the same event id.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Created<WebhookSecretView>, ProblemHttpResult>> Register(
        WebhookRegistration body, ClaimsPrincipal user, ComplaintsDbContext db, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        if ((body.AgencyId is null) == (body.RegionCode is null))
        {
            return ProblemHandling.Validation("agencyId", "须指定一个政务服务机构(agencyId)或一个政务服务管理部门(regionCode),二者取一。");
        }

        if (body.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency && a.Active, ct))
        {
            return ProblemHandling.Validation("agencyId", "政务服务机构不存在。");
        }

        if (body.RegionCode is { } region && !(RegionCode.IsWellFormed(region) && await db.ManagementDepartments.AnyAsync(d => d.RegionCode == region, ct)))
        {
            return ProblemHandling.Validation("regionCode", "该行政区划没有政务服务管理部门。");
        }

        if (UrlProblem(body.Url) is { } urlProblem)
        {
            return ProblemHandling.Validation("url", urlProblem);
        }

        var secret = body.Secret ?? WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            AgencyId = body.AgencyId,
            RegionCode = body.RegionCode,
            Url = body.Url!,
            SecretEncrypted = protector.Encrypt(secret),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = Caller.From(user).Subject,
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/admin/webhooks/{subscription.Id}", new WebhookSecretView(ViewOf(subscription), secret));
    }

    private static async Task<Ok<WebhookSubscriptionView[]>> List(ComplaintsDbContext db, Guid? agencyId, string? regionCode, CancellationToken ct)
    {
        var query = db.WebhookSubscriptions.AsNoTracking();
        query = agencyId is { } a ? query.Where(s => s.AgencyId == a) : query;
        query = regionCode is { } r ? query.Where(s => s.RegionCode == r) : query;
        var all = await query.OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(all.Select(ViewOf).ToArray());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid id, ComplaintsDbContext db, CancellationToken ct)
    {
        var removed = await db.WebhookSubscriptions.Where(s => s.Id == id && s.Active).ExecuteUpdateAsync(s => s.SetProperty(x => x.Active, false), ct);
        return removed == 0 ? NotFound() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebhookSecretView>, ProblemHttpResult>> Rotate(
        Guid id, SecretRotation? body, ComplaintsDbContext db, PersonalDataProtector protector, IOptions<AgencyWebhookOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var subscription = await db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == id && s.Active, ct);
        if (subscription is null)
        {
            return NotFound();
        }

        var grace = body?.GracePeriod ?? options.Value.SecretGracePeriod;
        if (grace < TimeSpan.Zero || grace > TimeSpan.FromDays(30))
        {
            return ProblemHandling.Validation("gracePeriod", "旧密钥的过渡期应在 0 到 30 天之间。");
        }

        var secret = body?.Secret ?? WebhookSignature.NewSecret();
        subscription.PreviousSecretEncrypted = subscription.SecretEncrypted;
        subscription.PreviousSecretValidUntil = clock.GetUtcNow() + grace;
        subscription.SecretEncrypted = protector.Encrypt(secret);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new WebhookSecretView(ViewOf(subscription), secret));
    }

    private static async Task<Ok<DeadLetterView[]>> DeadLetters(ComplaintsDbContext db, Guid? subscriptionId, CancellationToken ct)
    {
        var query = db.NotificationOutbox.AsNoTracking().Where(m => m.RecipientType == RecipientType.Subscription && m.Status == OutboxStatus.Failed);
        query = subscriptionId is { } s ? query.Where(m => m.SubscriptionId == s) : query;
        var failed = await query.OrderBy(m => m.Sequence).Take(500).ToListAsync(ct);
        return TypedResults.Ok(failed.Select(m => new DeadLetterView(m.Id, m.SubscriptionId!.Value, AgencyEventTypes.Of(m.Kind).Type, m.CaseId, m.TrackingNumber,
            m.Attempts, m.LastError, m.CreatedAt.Cst())).ToArray());
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> Replay(Guid id, ComplaintsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var replayed = await db.NotificationOutbox
            .Where(m => m.Id == id && m.RecipientType == RecipientType.Subscription && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now).SetProperty(m => m.LastError, (string?)null), ct);
        if (replayed == 1)
        {
            return TypedResults.Accepted($"/api/v1/admin/webhooks/dead-letters");
        }

        return await db.NotificationOutbox.AnyAsync(m => m.Id == id && m.RecipientType == RecipientType.Subscription, ct)
            ? DomainError.Conflict("webhook.not_dead_lettered", "该事件未处于死信状态,无需重放。").ToProblem(DomainProblems.GenericConflictTitle)
            : DomainError.NotFound("webhook.delivery_not_found", "该事件投递不存在。").ToProblem();
    }

    /// <summary>https only; http only to a loopback address (a receiver on the same host, tests).</summary>
    internal static string? UrlProblem(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || url.Length > 2048)
        {
            return "须为 https 地址。";
        }

        return uri.Scheme == Uri.UriSchemeHttp && !(uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)))
            ? "须为 https 地址(http 仅限本机回环地址)。"
            : null;
    }

    private static ProblemHttpResult NotFound() =>
        DomainError.NotFound("webhook.not_found", "该订阅不存在。").ToProblem();

    private static WebhookSubscriptionView ViewOf(WebhookSubscription s) =>
        new(s.Id, s.AgencyId, s.RegionCode, s.Url, s.Active, s.CreatedAt.Cst(), s.PreviousSecretValidUntil?.Cst());
}

public static class AgencyWebhooksSetup
{
    public static IServiceCollection AddAgencyWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AgencyWebhookOptions>(AgencyWebhookOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Timeout <= TimeSpan.FromMinutes(1), "AgencyWebhooks:Timeout must be between 1 ms and 1 minute.")
            .ValidateOnStart();

        // Never follow a redirect: the receiver registered is the one that gets the events.
        services.AddHttpClient(AgencyWebhookSender.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddScoped<AgencyWebhookSender>();
        return services;
    }
}
