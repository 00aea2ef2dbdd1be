using System.Security.Cryptography;
using System.Text;
using Complaints.Api.Auth;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Npgsql;

namespace Complaints.Api.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key is remembered; api.md asks for at least 24 hours.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(48);
}

/// <summary>
/// api.md: a retry with the same key and body returns the first response; with another body, 422.
/// The key is claimed, the handler's changes are saved and its response is remembered in one transaction: the
/// request's <see cref="UnitOfWork"/>, which this middleware opens and commits or rolls back (the handler's save joins
/// it): a response is remembered exactly when the change it reports is stored, with one commit instead of three, and a
/// request that fails leaves neither (nor the files it stored). A concurrent retry's claim waits on the first one's
/// unique key until that transaction ends, then replays its response (or, when it rolled back, runs the request itself).
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    private const int MaxKeyLength = 128;
    private const int MaxReplayBytes = 1 << 20;

    // Not async itself: most requests are not idempotent operations and pass straight through, without a state machine.
    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is null
            || !http.Request.Headers.TryGetValue(Header, out var values)
            || http.User.FindFirst(ClaimNames.Subject)?.Value is not { } scope)
        {
            return next(http);
        }

        return InvokeWithKeyAsync(http, values, scope);
    }

    private async Task InvokeWithKeyAsync(HttpContext http, StringValues values, string scope)
    {
        var db = http.RequestServices.GetRequiredService<ComplaintsDbContext>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        var options = http.RequestServices.GetRequiredService<IOptions<IdempotencyOptions>>();
        var protector = http.RequestServices.GetRequiredService<PersonalDataProtector>();
        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await WriteProblemAsync(http, StatusCodes.Status400BadRequest, "idempotency.invalid_key", $"Idempotency-Key 应为 1 至 {MaxKeyLength} 个字符。");
            return;
        }

        http.Request.EnableBuffering();
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(http.Request.Body, http.RequestAborted));
        http.Request.Body.Position = 0;
        var now = clock.GetUtcNow();

        var work = http.RequestServices.GetRequiredService<UnitOfWork>();
        await work.BeginAsync(http.RequestAborted);
        IdempotencyRecord? existing;
        try
        {
            existing = await ClaimAsync(db, scope, key, http.Request.Method, http.Request.Path.ToString(), hash, now, now - options.Value.Retention, http.RequestAborted);
            if (existing is null)
            {
                await ExecuteAndRememberAsync(http, db, work, protector, scope, key);
                return;
            }
        }
        finally
        {
            // Whatever did not commit (an exception, a key held by another request) ends here, with the files it stored.
            await work.RollbackAsync();
        }

        if (existing.RequestHash != hash || existing.Method != http.Request.Method || existing.Path != http.Request.Path)
        {
            await WriteProblemAsync(http, StatusCodes.Status422UnprocessableEntity, "idempotency.key_reused", "该 Idempotency-Key 已用于另一个请求内容。");
        }
        else if (existing.StatusCode is not { } status)
        {
            // Only a record claimed before claims and responses were committed together can lack its response.
            await WriteProblemAsync(http, StatusCodes.Status409Conflict, "idempotency.in_progress", "使用该 Idempotency-Key 的请求仍在处理中,请稍后重试。");
        }
        else
        {
            http.Response.StatusCode = status;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            if (existing.ContentType is not null)
            {
                http.Response.ContentType = existing.ContentType;
            }

            if (existing.Location is not null)
            {
                http.Response.Headers.Location = existing.Location;
            }

            if (existing.ProtectedBody is { } body)
            {
                await http.Response.WriteAsync(protector.Decrypt(body), http.RequestAborted);
            }
        }
    }

    /// <summary>
    /// Claims the key with one conditional insert (one round trip for a new key, the usual case). Returns
    /// null when this request holds the claim, otherwise the record that holds it. A record past its
    /// retention is removed and the key claimed afresh.
    /// </summary>
    private static async Task<IdempotencyRecord?> ClaimAsync(
        ComplaintsDbContext db, string scope, string key, string method, string path, string hash, DateTimeOffset now, DateTimeOffset expired, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var claimed = await ContextSql.ExecuteAsync(db, Claim, ct,
                ContextSql.Value(scope), ContextSql.Value(key), ContextSql.Value(method), ContextSql.Value(path), ContextSql.Value(hash), ContextSql.Value(now));
            if (claimed == 1)
            {
                return null;
            }

            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, ct);
            if (existing is not null && (existing.CreatedAt >= expired || attempt > 0))
            {
                return existing;
            }

            if (existing is not null)
            {
                await db.IdempotencyRecords.Where(r => r.Scope == scope && r.Key == key && r.CreatedAt == existing.CreatedAt).ExecuteDeleteAsync(ct);
            }
        }

        throw new InvalidOperationException("The idempotency key could neither be claimed nor read.");
    }

    private const string Claim = """
        INSERT INTO idempotency_records (scope, key, method, path, request_hash, created_at)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (scope, key) DO NOTHING
        """;

    private const string Remember = """
        UPDATE idempotency_records SET status_code = $1, content_type = $2, location = $3, protected_body = $4
        WHERE scope = $5 AND key = $6
        """;

    private async Task ExecuteAndRememberAsync(
        HttpContext http, ComplaintsDbContext db, UnitOfWork work, PersonalDataProtector protector, string scope, string key)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            // An exception leaves the work uncommitted: the caller rolls back the claim with it.
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var status = http.Response.StatusCode;
        // Server failures and rate-limit refusals are not remembered: the client's retry should run the request again.
        if (status >= 500 || status == StatusCodes.Status429TooManyRequests || buffer.Length > MaxReplayBytes)
        {
            await work.RollbackAsync();
        }
        else
        {
            var body = buffer.Length == 0 ? null : protector.Encrypt(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));

            var contentType = http.Response.ContentType;
            var location = http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;

            await ContextSql.ExecuteAsync(db, Remember, CancellationToken.None, ContextSql.Value(status), ContextSql.Value(contentType),
                ContextSql.Value(location), ContextSql.Value(body), ContextSql.Value(scope), ContextSql.Value(key));
            await work.CommitAsync(CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, CancellationToken.None);
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string code, string detail) =>
        ProblemHandling.Problem(status, code, detail).ExecuteAsync(http);
}

/// <summary>Forgets keys past their retention, so the table does not grow without bound.</summary>
public sealed class IdempotencyCleanup(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdempotencyOptions> options, ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        var cutoff = clock.GetUtcNow() - options.Value.Retention;
        return await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicSweep.RunAsync(TimeSpan.FromHours(1), clock, runAtStart: false, SweepAsync,
            e => logger.LogWarning(e, "Idempotency cleanup failed; it will run again"), stoppingToken);
}

public static class IdempotencySetup
{
    public static IServiceCollection AddIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<IdempotencyOptions>(IdempotencyOptions.Section);
        services.AddSingleton<IdempotencyCleanup>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyCleanup>());
        return services;
    }

    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new IdempotentAttribute());
        return builder;
    }
}
