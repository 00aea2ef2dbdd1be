using System.Globalization;
using Complaints.Api.Cases;
using Complaints.Api.Complaints;
using Complaints.Api.Infrastructure;
using Complaints.Domain.Cases;
using Complaints.Domain.Jurisdiction;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Complaints.Api.Insight;

/// <summary>
/// <c>GET /api/v1/cases?q=</c>: full-text search for staff over the service item, request, facts and result of
/// the cases in the caller's remit, most relevant first, paginated like the queue.
/// <para>
/// The query is segmented like the stored text (jieba, precise mode; stop words dropped) and every word must
/// occur (<c>plainto_tsquery('simple', …)</c>: AND). Ranked by <c>ts_rank</c> normalised by document length, then
/// newest first. The remit is the queue's (<see cref="CaseVisibility"/>): an agency searches its own
/// <c>agency_queue</c> rows, a management department its division and those below. Personal data is not in the
/// index (<see cref="CaseText"/>), so a name, ID or phone number finds nothing.
/// </para>
/// </summary>
public static class CaseSearch
{
    public const int MaxQueryLength = 100;

    /// <summary>
    /// [decision] How many of the newest matching cases are ranked. A word every tenth complaint uses matches
    /// 100,000 cases of a province's million; ranking them all costs seconds and helps nobody, so the newest
    /// matches are ranked and paged, and staff narrow the query (more words, status) to reach older ones.
    /// </summary>
    public const int RankedMatches = 500;

    private const string Columns = """
        SELECT c.id, c.tracking_number, c.status, c.channel, c.received_at,
               c.respondent_agency_id, coalesce(c.lead_agency_id, c.assigned_agency_id) AS handling_agency_id,
               c.service_item_name AS service_item, c.classification, c.confidential,
               c.running_due_date AS due_date, c.running_due_at AS due_at, c.search_vector
        """;

    public sealed class Row
    {
        public Guid Id { get; init; }
        public required string TrackingNumber { get; init; }
        public required string Status { get; init; }
        public required string Channel { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public Guid RespondentAgencyId { get; init; }
        public Guid? HandlingAgencyId { get; init; }
        public required string ServiceItem { get; init; }
        public string? Classification { get; init; }
        public bool Confidential { get; init; }
        public DateOnly? DueDate { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public decimal Rank { get; init; }
    }

    public static async Task<Results<Ok<Page<CaseQueueItem>>, ProblemHttpResult>> List(CaseQueue.Filters f, CaseRequest r, CancellationToken ct)
    {
        var q = f.Q ?? "";
        var take = Paging.Clamp(f.Limit);
        var cursor = f.Cursor;
        if (f is not { Agency: null, Overdue: null, DueSoon: not true, DueBefore: null })
        {
            return ProblemHandling.Validation("q", "检索(q)可与 status、classification、limit、cursor 同用,不与其他筛选条件同用。");
        }

        ComplaintStatus? status = null;
        if (f.Status is not null)
        {
            if (!WireNames.TryParse<ComplaintStatus>(f.Status, out var parsed))
            {
                return ProblemHandling.Validation("status", $"未知的案件状态“{f.Status}”。");
            }

            status = parsed;
        }

        Classification? classification = null;
        if (f.Classification is not null)
        {
            if (!WireNames.TryParse<Classification>(f.Classification, out var parsed))
            {
                return ProblemHandling.Validation("classification", $"未知的受理分类“{f.Classification}”(onsite 或 offsite)。");
            }

            classification = parsed;
        }

        if (q.Length > MaxQueryLength)
        {
            return ProblemHandling.Validation("q", $"检索词不超过 {MaxQueryLength} 个字符。");
        }

        var words = ChineseSegmenter.Words(q).Select(Domain.Insight.ComplaintWords.Normalize).Where(Domain.Insight.ComplaintWords.IsSearchWord).ToArray();
        if (words.Length == 0)
        {
            return ProblemHandling.Validation("q", "检索词中没有可检索的词语(如“营业执照 材料”)。");
        }

        // Lone characters next to real words ("叫号系统故障" → 叫, 号, 系统故障) add little but noise, and make
        // PostgreSQL underestimate how many cases match; they count only when the query has nothing else ("慢").
        if (words.Any(w => w.Length > 1))
        {
            words = words.Where(w => w.Length > 1).ToArray();
        }

        decimal afterRank = 0;
        DateTimeOffset afterAt = default;
        var afterId = Guid.Empty;
        if (cursor is not null && !TryParseCursor(cursor, out afterRank, out afterAt, out afterId))
        {
            return ProblemHandling.Validation("cursor", "分页游标无效。");
        }

        var caller = r.Caller;
        var parameters = new List<NpgsqlParameter>
        {
            new("q", string.Join(' ', words)),
            new("take", take + 1),
        };
        var where = new List<string> { "c.search_vector @@ query" };
        var remit = "";
        var newest = "c.received_at";
        if (caller.IsAgency && caller.AgencyId is { } agency)
        {
            remit = "JOIN agency_queue v ON v.complaint_id = c.id AND v.agency_id = @agency";
            newest = "v.received_at"; // the agency's queue index, read backwards
            parameters.Add(new NpgsqlParameter("agency", agency));
        }
        else if (caller.IsManagement && CaseVisibility.RemitSql(caller, "c", parameters) is { } departmentRemit)
        {
            where.Add(departmentRemit);
        }
        else
        {
            return TypedResults.Ok(new Page<CaseQueueItem>([], null));
        }

        if (status is { } s)
        {
            where.Add("c.status = @status");
            parameters.Add(new NpgsqlParameter("status", s.ToString()));
        }

        if (classification is { } k)
        {
            where.Add("c.classification = @classification");
            parameters.Add(new NpgsqlParameter("classification", k.ToString()));
        }

        var after = "";
        if (cursor is not null)
        {
            after = "WHERE (round(ts_rank(m.search_vector, query, 1)::numeric, 6), m.received_at, m.id) < (@rank, @at, @id)";
            parameters.Add(new NpgsqlParameter("rank", afterRank));
            parameters.Add(new NpgsqlParameter("at", afterAt));
            parameters.Add(new NpgsqlParameter("id", afterId));
        }

        parameters.Add(new NpgsqlParameter("ranked", RankedMatches));
        var sql = $"""
            SELECT m.id, m.tracking_number, m.status, m.channel, m.received_at, m.respondent_agency_id, m.handling_agency_id, m.service_item,
                   m.classification, m.confidential, m.due_date, m.due_at, round(ts_rank(m.search_vector, query, 1)::numeric, 6) AS rank
            FROM (
              {Columns}
              FROM complaints c {remit}, plainto_tsquery('simple', @q) query
              WHERE {string.Join(" AND ", where)}
              ORDER BY {newest} DESC
              LIMIT @ranked
            ) m, plainto_tsquery('simple', @q) query
            {after}
            ORDER BY rank DESC, m.received_at DESC, m.id DESC
            LIMIT @take
            """;
        var rows = await r.Db.Database.SqlQueryRaw<Row>(sql, parameters.ToArray<object>()).ToListAsync(ct);
        var now = r.Clock.GetUtcNow();
        var items = rows.Take(take).Select(x => new CaseQueueItem(
            x.Id, x.TrackingNumber, Enum.Parse<ComplaintStatus>(x.Status), Enum.Parse<Channel>(x.Channel), x.ReceivedAt.Cst(), x.RespondentAgencyId,
            x.HandlingAgencyId, x.ServiceItem, x.Classification is null ? null : Enum.Parse<Classification>(x.Classification), x.Confidential,
            x.DueDate, x.DueAt <= now)).ToArray();
        var next = rows.Count > take ? FormatCursor(rows[take - 1]) : null;
        return TypedResults.Ok(new Page<CaseQueueItem>(items, next));
    }

    private static string FormatCursor(Row row) =>
        $"s{row.Rank.ToString(CultureInfo.InvariantCulture)}_{row.ReceivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{row.Id:N}";

    private static bool TryParseCursor(string cursor, out decimal rank, out DateTimeOffset at, out Guid id)
    {
        rank = 0;
        at = default;
        id = default;
        var parts = cursor.Split('_');
        if (parts.Length != 3 || !parts[0].StartsWith('s')
            || !decimal.TryParse(parts[0].AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out rank)
            || !ReceivedCursor.TryParse($"{parts[1]}_{parts[2]}", out at, out id))
        {
            return false;
        }

        return true;
    }
}
