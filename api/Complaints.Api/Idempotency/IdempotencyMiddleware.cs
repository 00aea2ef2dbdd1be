using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentAttribute>() is not { } idempotent
            || !http.Request.Headers.TryGetValue(Header, out var values)
            || http.User.FindFirst(ClaimNames.Subject)?.Value is not { } scope)
        {
            return next(http);
        }

        return InvokeWithKeyAsync(http, idempotent, values, scope);
    }

    private async Task InvokeWithKeyAsync(HttpContext http, IdempotentAttribute idempotent, StringValues values, string scope)
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

        var writer = http.RequestServices.GetRequiredService<IntakeWriter>();
        if (idempotent.GroupCommitWhen is { } when && writer.Enabled && await BodyMatchesAsync(http.Request.Body, when, http.RequestAborted))
        {
            var claim = new IntakeClaim(scope, key, http.Request.Method, http.Request.Path.ToString(), hash, now);
            await InvokeGroupCommittedAsync(http, db, protector, writer, claim, now - options.Value.Retention);
            return;
        }

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

        await AnswerExistingAsync(http, protector, existing, hash);
    }

    /// <summary>Answers a request whose key is held: the first response replayed, 422 for another body, 409 while it runs.</summary>
    private static async Task AnswerExistingAsync(HttpContext http, PersonalDataProtector protector, IdempotencyRecord existing, string hash)
    {
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

            var existing = await Find(db, scope, key, ct);
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

        if (Remembered(http, buffer, protector) is not { } answer)
        {
            await work.RollbackAsync();
        }
        else
        {
            await ContextSql.ExecuteAsync(db, Remember, CancellationToken.None, ContextSql.Value(answer.Status), ContextSql.Value(answer.ContentType),
                ContextSql.Value(answer.Location), ContextSql.Value(answer.Body), ContextSql.Value(scope), ContextSql.Value(key));
            await work.CommitAsync(CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, CancellationToken.None);
    }

    /// <summary>
    /// The group-committed path (<see cref="IntakeWriter"/>): the key is looked up first, so a retry of a stored request
    /// replays without running it again; then the handler runs without a transaction and stages its rows on the
    /// <see cref="IntakeClaim"/>; then its answer, the claim and the rows are committed in the writer's next batch, and
    /// only then is the answer sent. A refusal (4xx) is remembered the same way, alone. When another request took the key
    /// meanwhile, that request's answer is replayed and this one's is dropped with its rows.
    /// </summary>
    private async Task InvokeGroupCommittedAsync(
        HttpContext http, ComplaintsDbContext db, PersonalDataProtector protector, IntakeWriter writer, IntakeClaim claim, DateTimeOffset expired)
    {
        if (await FindAsync(db, claim) is { } held && held.CreatedAt >= expired)
        {
            await AnswerExistingAsync(http, protector, held, claim.Hash);
            return;
        }

        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        http.Items[IntakeClaim.Item] = claim;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
            http.Items.Remove(IntakeClaim.Item);
        }

        if (Remembered(http, buffer, protector) is not { } answer)
        {
            // A handler never stages rows it then fails to report.
            if (claim.Rows is not null)
            {
                throw new InvalidOperationException($"A staged submission was answered {http.Response.StatusCode}; nothing of it is stored.");
            }
        }
        else
        {
            var job = new IntakeJob(claim.Scope, claim.Key, claim.Method, claim.Path, claim.Hash, claim.Now, answer.Status, answer.ContentType, answer.Location,
                answer.Body, claim.Rows ?? [], claim.OrderKey ?? "");
            if (await writer.CommitAsync(job) == IntakeOutcome.KeyHeld)
            {
                http.Response.Clear();
                var first = await FindAsync(db, claim) ?? throw new InvalidOperationException("A held idempotency key has no record.");
                await AnswerExistingAsync(http, protector, first, claim.Hash);
                return;
            }

            claim.OnStored?.Invoke();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, CancellationToken.None);
    }

    /// <summary>
    /// The buffered response as it is remembered (its body encrypted: a submission's carries its query code), or null
    /// when it is not: server failures and rate-limit refusals, whose retry should run the request again, and bodies too
    /// large to replay.
    /// </summary>
    private static (int Status, string? ContentType, string? Location, string? Body)? Remembered(HttpContext http, MemoryStream buffer, PersonalDataProtector protector)
    {
        var status = http.Response.StatusCode;
        if (status >= 500 || status == StatusCodes.Status429TooManyRequests || buffer.Length > MaxReplayBytes)
        {
            return null;
        }

        var body = buffer.Length == 0 ? null : protector.Encrypt(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        var location = http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
        return (status, http.Response.ContentType, location, body);
    }

    private static Task<IdempotencyRecord?> FindAsync(ComplaintsDbContext db, IntakeClaim claim) => Find(db, claim.Scope, claim.Key, CancellationToken.None);

    // The record holding a key, for both paths. Compiled once: every group-committed submission looks its key up first, and a
    // LINQ query is otherwise built, funcletized and looked up in the query cache on each call.
    private static readonly Func<ComplaintsDbContext, string, string, CancellationToken, Task<IdempotencyRecord?>> Find = EF.CompileAsyncQuery(
        (ComplaintsDbContext db, string scope, string key, CancellationToken ct) => db.IdempotencyRecords.AsNoTracking().FirstOrDefault(r => r.Scope == scope && r.Key == key));

    /// <summary>Whether the buffered JSON body meets the endpoint's condition for group commit (a body that is not JSON does not).</summary>
    private static async Task<bool> BodyMatchesAsync(Stream body, Func<JsonElement, bool> when, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            return when(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            body.Position = 0;
        }
    }

    private static Task WriteProblemAsync(HttpContext http, int status, string code, string detail) =>
        ProblemHandling.Problem(status, code, detail).ExecuteAsync(http);
}

/// <summary>
/// A group-committed request's key (<see cref="IdempotencyMiddleware"/>), in <c>HttpContext.Items</c> while its handler runs:
/// the handler stages the rows its answer reports with <see cref="Stage"/>, and they commit with the key and the answer.
/// </summary>
public sealed class IntakeClaim(string scope, string key, string method, string path, string hash, DateTimeOffset now)
{
    public const string Item = "idempotency.intake-claim";

    public string Scope { get; } = scope;
    public string Key { get; } = key;
    public string Method { get; } = method;
    public string Path { get; } = path;
    public string Hash { get; } = hash;
    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<IntakeRow>? Rows { get; private set; }
    public string? OrderKey { get; private set; }
    public Action? OnStored { get; private set; }

    /// <summary>The rows to commit with the answer; <paramref name="orderKey"/> orders the batch's cases; <paramref name="onStored"/> runs after the commit.</summary>
    public void Stage(IReadOnlyList<IntakeRow> rows, string orderKey, Action? onStored)
    {
        if (Rows is not null)
        {
            throw new InvalidOperationException("A request stages its rows once.");
        }

        (Rows, OrderKey, OnStored) = (rows, orderKey, onStored);
    }
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
        services.AddValidatedOptions<IntakeOptions>(IntakeOptions.Section);
        services.AddSingleton<IntakeWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IntakeWriter>());
        return services;
    }

    /// <param name="groupCommitWhen">For a keyed request whose JSON body meets it, the handler stages its rows on the
    /// <see cref="IntakeClaim"/> and <see cref="IntakeWriter"/> commits them in a group (when enabled).</param>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder, Func<JsonElement, bool>? groupCommitWhen = null) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new IdempotentAttribute { GroupCommitWhen = groupCommitWhen });
        return builder;
    }
}
