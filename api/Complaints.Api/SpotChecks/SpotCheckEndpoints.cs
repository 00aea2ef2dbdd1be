using System.Security.Claims;
using System.Security.Cryptography;
using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Complaints;
using Complaints.Api.Docs;
using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Api.Validation;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Jurisdiction;
using Complaints.Domain.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Validation;
using Npgsql;

namespace Complaints.Api.SpotChecks;

[ValidatableType]
public sealed record SpotCheckRequest(
    [property: ZhRequired, ZhPattern(Patterns.RegionCode, Patterns.RegionCodeMessage)] string? RegionCode,
    [property: ZhRequired] DateOnly? From,
    [property: ZhRequired] DateOnly? To,
    [property: ZhRequired, ZhRange(1, SpotCheckEndpoints.MaxSample)] int? SampleSize);

public sealed record SpotCheckRectification(string? Requirement, DateOnly? DueDate);

[ValidatableType]
public sealed record SpotCheckFindingRequest(
    [property: ZhRequired] Guid? CaseId,
    [property: ZhRequired] SpotCheckVerdict? Verdict,
    [property: ZhRequired, ZhPattern(Patterns.NotBlank, Patterns.NotBlankMessage), ZhMaxLength(ComplaintLimits.ShortTextMaxLength)] string? Note,
    SpotCheckRectification? Rectification);

public sealed record SpotCheckView(Guid Id, string RegionCode, DateOnly From, DateOnly To, int SampleSize, int Seed, DateTimeOffset CreatedAt,
    IReadOnlyList<Guid> Cases, int Reviewed, IReadOnlyList<SpotCheckFinding> Findings);

/// <summary>api.md spot checks (第十六条): draw, review, follow progress.</summary>
public static class SpotCheckEndpoints
{
    public const int MaxSample = 200;

    public static IEndpointRouteBuilder MapSpotChecks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/spot-checks").WithTags("Supervision").RequireAuthorization(Policies.Management).WithAuthProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", Draw).WithName("DrawSpotCheck")
            .WithSummary("Draw a reproducible random sample of cases concluded in [from, to] in a division and below (第十六条 抽查).");
        group.MapPost("/{id:guid}/findings", Review).WithName("RecordSpotCheckFinding").ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record the review of one sampled case; an improper handling may order rectification in the same step.");
        group.MapGet("/{id:guid}", Get).WithName("GetSpotCheck").WithSummary("A spot check with its sample and the reviews recorded so far.");
        return app;
    }

    private static async Task<Results<Created<SpotCheckView>, ProblemHttpResult>> Draw(
        SpotCheckRequest request, ClaimsPrincipal user, ComplaintsDbContext db, AuditTrail audit, UnitOfWork work, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(user);
        // Present and well formed, and the sample size in range: the declared rules are enforced before the handler runs.
        var region = request.RegionCode!;
        var size = request.SampleSize!.Value;

        var (from, to) = (request.From!.Value, request.To!.Value);
        if (SpotCheckRules.CheckDraw(caller.RegionCode!, region, from, to) is { } refused)
        {
            return refused.ToProblem();
        }

        var now = clock.GetUtcNow();
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var check = new SpotCheck
        {
            Id = Guid.CreateVersion7(now), RegionCode = region, From = from, To = to, SampleSize = size, Seed = seed,
            CreatedBy = caller.Subject, CreatedAt = now,
            CaseIds = await SampleAsync(db, region, from, to, size, seed, ct),
        };
        db.SpotChecks.Add(check);
        audit.Record(caller, "spot_check.drawn", null, $"region={region};sample={check.CaseIds.Count}");
        await Webhooks.AgencyEvents.SpotCheckDrawnAsync(db, check.Id, check.CaseIds, now, ct);
        await work.SaveAsync(ct);
        return TypedResults.Created($"/api/v1/spot-checks/{check.Id}", ViewOf(check));
    }

    /// <summary>
    /// The same (region, period, size, seed) always draws the same cases: ordered by a hash of id and seed. The cases of
    /// the division and below are those its management department supervises (CaseVisibility.DepartmentSeesSql).
    /// </summary>
    public static async Task<List<Guid>> SampleAsync(ComplaintsDbContext db, string region, DateOnly from, DateOnly to, int size, int seed, CancellationToken ct)
    {
        var parameters = new List<NpgsqlParameter>
        {
            new("start", ChinaTime.EndOf(from.AddDays(-1)).ToUniversalTime()),
            new("end", ChinaTime.EndOf(to).ToUniversalTime()),
            new("seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("size", size),
        };
        // Every value is a parameter; the region's condition is the service's own SQL.
        var sql = $"""
            SELECT c.id AS "Value" FROM complaints c
            WHERE c.status = 'Concluded' AND {CaseVisibility.DepartmentSeesSql(region, "c", parameters, "region")}
              AND c.concluded_at >= @start AND c.concluded_at < @end
            ORDER BY md5(c.id::text || @seed), c.id
            LIMIT @size
            """;
        return await db.Database.SqlQueryRaw<Guid>(sql, parameters.ToArray()).ToListAsync(ct);
    }

    private static async Task<Results<Ok<SpotCheckView>, ProblemHttpResult>> Review(
        Guid id, SpotCheckFindingRequest request, [AsParameters] CaseRequest r, CancellationToken ct)
    {
        var caller = r.Caller;
        var check = await r.Db.SpotChecks.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (check is null || !CaseVisibility.Supervises(caller, check.RegionCode))
        {
            return NotFound();
        }

        var (caseId, verdict, now) = (request.CaseId!.Value, request.Verdict!.Value, r.Clock.GetUtcNow()); // [ZhRequired]
        var complaint = request.Rectification is null ? null : await CaseAccess.FindVisibleAsync(r.Db, caseId, caller, tracking: true, ct);
        var change = complaint is null ? null : ComplaintChange.Begin(complaint);
        // 第十六条: a case of the sample, reviewed once; rectification only for an improper handling, with a due date, on the case.
        var ordered = SpotCheckRules.RecordFinding(check.CaseIds, check.Findings.Select(f => f.CaseId), caseId, verdict == SpotCheckVerdict.Improper,
            request.Rectification is { } order ? new RectificationOrder(order.Requirement, order.DueDate) : null, complaint, caller.ToActor(), now);
        if (!ordered.IsSuccess)
        {
            return ordered.Error!.ToProblem();
        }

        if (change is not null)
        {
            // The same path as a rectification ordered on the case: audit line, notice and agency event from the domain's event.
            await change.StageAsync(r.Db, r.Audit, r.Calendar, caller, now, ct, context: $"spotCheck={id}");
        }

        check.Findings.Add(new SpotCheckFinding
        {
            CaseId = caseId, Verdict = verdict, Note = request.Note!.Trim(), ReviewedBy = caller.Subject, ReviewedAt = now, RectificationOrdered = ordered.Value,
        });
        r.Audit.Record(caller, "spot_check.reviewed", caseId, $"spotCheck={id};verdict={verdict}");
        try
        {
            await r.Work.SaveAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return ComplainantActions.ConcurrentChange();
        }

        return TypedResults.Ok(ViewOf(check));
    }

    private static async Task<Results<Ok<SpotCheckView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, ComplaintsDbContext db, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var check = await db.SpotChecks.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return check is null || !CaseVisibility.Supervises(caller, check.RegionCode) ? NotFound() : TypedResults.Ok(ViewOf(check));
    }

    private static ProblemHttpResult NotFound() => DomainError.NotFound(SpotCheckRules.NotFoundCode, "抽查不存在。").ToProblem();

    private static SpotCheckView ViewOf(SpotCheck s) => new(s.Id, s.RegionCode, s.From, s.To, s.SampleSize, s.Seed, s.CreatedAt.Cst(), s.CaseIds, s.Findings.Count,
        s.Findings.Select(f => new SpotCheckFinding
        {
            CaseId = f.CaseId, Verdict = f.Verdict, Note = f.Note, ReviewedBy = f.ReviewedBy, ReviewedAt = f.ReviewedAt.Cst(), RectificationOrdered = f.RectificationOrdered,
        }).ToArray());
}
