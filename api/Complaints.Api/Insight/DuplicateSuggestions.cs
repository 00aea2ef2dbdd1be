using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Complaints;
using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Complaints.Domain.Insight;
using Complaints.Domain.Jurisdiction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Complaints.Api.Insight;

/// <summary>The one call that merges the later of the two cases into the earlier (第十三条): <c>POST {Href}</c> with <c>{"intoCaseId": IntoCaseId}</c>.</summary>
public sealed record MergeSuggestion(Guid CaseId, Guid IntoCaseId, string Href);

/// <summary>An open case that is probably the same matter, why, and how to merge it. Never any complainant data.</summary>
public sealed record DuplicateSuggestionView(
    Guid CaseId, string TrackingNumber, ComplaintStatus Status, Channel Channel, DateTimeOffset ReceivedAt, Guid RespondentAgencyId, string ServiceItem,
    bool Confidential, double Score, double TextSimilarity, IReadOnlyList<DuplicateReason> Reasons, int DaysApart, MergeSuggestion Merge);

public sealed record DuplicateSuggestionsView(Guid CaseId, int WindowDays, IReadOnlyList<DuplicateSuggestionView> Suggestions);

/// <summary>
/// Duplicate suggestions (第十三条) for the case a member of staff is viewing: the open cases of the caller's remit,
/// received within 30 days of it, that share its complainant (blind indexes of the ID number and the phone,
/// compared without decrypting), its agency and service item, or its region, ranked by <see cref="DuplicateRules"/>.
/// <para>
/// One statement gathers the candidates through indexes: the blind indexes, the respondent agency's
/// <c>agency_queue</c> range, and the case's division's open cases of the window; the caller's remit is the
/// queue's rule (an agency's <c>agency_queue</c> rows, or a department's division and below). The domain then scores
/// at most <see cref="MaxCandidates"/> of them, nearest in time first.
/// </para>
/// </summary>
public static class DuplicateSuggestions
{
    public const int MaxCandidates = 2000;

    private static readonly string OpenStatuses = string.Join(", ", new[] { ComplaintStatus.PendingReferral, ComplaintStatus.PendingAcceptance, ComplaintStatus.InHandling }.Select(s => $"'{s}'"));

    private sealed class Row
    {
        public Guid Id { get; init; }
        public required string TrackingNumber { get; init; }
        public required string Status { get; init; }
        public required string Channel { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public Guid RespondentAgencyId { get; init; }
        public required string ServiceItem { get; init; }
        public bool Confidential { get; init; }
        public bool SameId { get; init; }
        public bool SamePhone { get; init; }
        public string? Words { get; init; }
    }

    /// <summary>What the suggestions need of the case being viewed.</summary>
    public sealed record Subject(
        Guid Id, DateTimeOffset ReceivedAt, Guid RespondentAgencyId, string ServiceItem, bool Confidential, string RegionCode,
        string? Words, string? IdNumberBlindIndex, string? PhoneBlindIndex);

    public static async Task<Results<Ok<DuplicateSuggestionsView>, ProblemHttpResult>> Get(Guid id, [AsParameters] CaseRequest r, CancellationToken ct)
    {
        // One query for the few columns needed, under the same visibility rule as every case read (not the whole aggregate).
        var subject = await r.Db.Complaints.AsNoTracking().Where(c => c.Id == id).VisibleTo(r.Db, r.Caller)
            .Select(c => new Subject(c.Id, c.ReceivedAt, c.Respondent.AgencyId, c.ServiceItem.Name, c.Confidential,
                EF.Property<string>(c, ComplaintConfiguration.RegionCode), EF.Property<string?>(c, CaseText.InsightWords),
                EF.Property<string?>(c.Complainant, ComplaintConfiguration.IdNumberBlindIndex), EF.Property<string?>(c.Complainant, InsightConfiguration.PhoneBlindIndex)))
            .FirstOrDefaultAsync(ct);
        if (subject is null)
        {
            return CaseAccess.NotFound();
        }

        return TypedResults.Ok(new DuplicateSuggestionsView(id, DuplicateRules.WindowDays, await ForAsync(r.Db, r.Caller, subject, ct)));
    }

    /// <summary>The suggestions for a case the caller may see, loaded and tracked (the case view).</summary>
    public static Task<IReadOnlyList<DuplicateSuggestionView>> ForAsync(ComplaintsDbContext db, Caller caller, Complaint c, CancellationToken ct)
    {
        var entry = db.Entry(c);
        var owned = entry.Reference(x => x.Complainant).TargetEntry!;
        return ForAsync(db, caller, new Subject(c.Id, c.ReceivedAt, c.Respondent.AgencyId, c.ServiceItem.Name, c.Confidential,
            entry.Property<string>(ComplaintConfiguration.RegionCode).CurrentValue, entry.Property<string?>(CaseText.InsightWords).CurrentValue,
            owned.Property<string?>(ComplaintConfiguration.IdNumberBlindIndex).CurrentValue, owned.Property<string?>(InsightConfiguration.PhoneBlindIndex).CurrentValue), ct);
    }

    public static async Task<IReadOnlyList<DuplicateSuggestionView>> ForAsync(ComplaintsDbContext db, Caller caller, Subject c, CancellationToken ct)
    {
        var idIndex = c.IdNumberBlindIndex;
        var phoneIndex = c.PhoneBlindIndex;
        var region = c.RegionCode;
        var words = CaseText.WordsOf(c.Words);

        var parameters = new List<NpgsqlParameter>
        {
            new("id", c.Id),
            new("at", c.ReceivedAt.ToUniversalTime()),
            new("lo", c.ReceivedAt.ToUniversalTime().AddDays(-DuplicateRules.WindowDays)),
            new("hi", c.ReceivedAt.ToUniversalTime().AddDays(DuplicateRules.WindowDays)),
            new("idx", NpgsqlDbType.Char) { Value = (object?)idIndex ?? DBNull.Value },
            new("pidx", NpgsqlDbType.Char) { Value = (object?)phoneIndex ?? DBNull.Value },
            new("respondent", c.RespondentAgencyId),
            new("caseRegion", NpgsqlDbType.Char) { Value = region },
            new("limit", MaxCandidates),
        };
        if (CaseVisibility.RemitSql(caller, "c", parameters) is not { } remit)
        {
            return [];
        }

        var sql = $"""
            WITH cand AS (
              SELECT ci.complaint_id AS id FROM complainant_identities ci WHERE ci.id_number_blind_index = @idx
              UNION SELECT ci.complaint_id FROM complainant_identities ci WHERE ci.phone_blind_index = @pidx
              UNION SELECT q.complaint_id FROM agency_queue q
                WHERE q.agency_id = @respondent AND q.received_at BETWEEN @lo AND @hi AND q.status IN ({OpenStatuses})
              UNION SELECT x.id FROM complaints x
                WHERE x.region_code = @caseRegion AND x.received_at BETWEEN @lo AND @hi AND x.status IN ({OpenStatuses})
            )
            SELECT c.id, c.tracking_number, c.status, c.channel, c.received_at, c.respondent_agency_id, c.service_item_name AS service_item,
                   c.confidential, coalesce(ci.id_number_blind_index = @idx, false) AS same_id, coalesce(ci.phone_blind_index = @pidx, false) AS same_phone,
                   c.insight_words AS words
            FROM cand JOIN complaints c ON c.id = cand.id LEFT JOIN complainant_identities ci ON ci.complaint_id = c.id
            WHERE c.id <> @id AND c.status IN ({OpenStatuses}) AND c.received_at BETWEEN @lo AND @hi AND {remit}
            ORDER BY abs(extract(epoch FROM c.received_at - @at)), c.id
            LIMIT @limit
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql, parameters.ToArray<object>()).ToListAsync(ct);
        var subject = new DuplicateSubject(c.Id, c.ReceivedAt, c.RespondentAgencyId, c.ServiceItem, words, c.Confidential);
        var candidates = rows.Select(x => new DuplicateCandidate(x.Id, x.ReceivedAt, x.RespondentAgencyId, x.ServiceItem,
            new HashSet<string>(CaseText.WordsOf(x.Words), StringComparer.Ordinal), x.Confidential, x.SameId, x.SamePhone));
        var byId = rows.ToDictionary(x => x.Id);
        return DuplicateRules.Rank(subject, candidates, callerMaySeeConfidentialIdentity: caller.IsOfficer).Select(m =>
        {
            var x = byId[m.Id];
            // The later complaint is merged into the earlier one, which keeps its deadlines (第十三条).
            var (source, into) = x.ReceivedAt > c.ReceivedAt || (x.ReceivedAt == c.ReceivedAt && x.Id.CompareTo(c.Id) > 0) ? (x.Id, c.Id) : (c.Id, x.Id);
            return new DuplicateSuggestionView(x.Id, x.TrackingNumber, Enum.Parse<ComplaintStatus>(x.Status), Enum.Parse<Channel>(x.Channel), x.ReceivedAt.Cst(),
                x.RespondentAgencyId, x.ServiceItem, x.Confidential, m.Score, m.TextSimilarity, m.Reasons, m.DaysApart,
                new MergeSuggestion(source, into, $"/api/v1/cases/{source}/merge"));
        }).ToArray();
    }
}
