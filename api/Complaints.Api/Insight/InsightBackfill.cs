using Complaints.Api.Persistence;
using Complaints.Api.Privacy;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Complaints.Api.Insight;

/// <summary>
/// Cases stored before #18 have no segmented words and no phone blind index: after start (and after jieba has
/// loaded) they are filled in batches, once, through the partial index of unsegmented cases. A case saved in the
/// meantime is segmented by its own save (<see cref="CaseText.Refresh"/>), so the two never disagree.
/// </summary>
public static class InsightBackfill
{
    public const int BatchSize = 200;

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string? ServiceItem { get; init; }
        public string? Request { get; init; }
        public string? Facts { get; init; }
        public string? Result { get; init; }
        public string? StaffName { get; init; }
        public string? ComplainantName { get; init; }
        public string? PhoneEncrypted { get; init; }
        public bool HasPhoneIndex { get; init; }
    }

    /// <summary>Fills one batch; returns how many cases it filled (0: nothing left).</summary>
    public static async Task<int> RunBatchAsync(ComplaintsDbContext db, PersonalDataProtector protector, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT c.id, c.service_item_name AS service_item, c.request, c.facts, c.result, c.respondent_staff_name AS staff_name,
                   ci.name AS complainant_name, ci.phone_encrypted, ci.phone_blind_index IS NOT NULL AS has_phone_index
            FROM complaints c LEFT JOIN complainant_identities ci ON ci.complaint_id = c.id
            WHERE c.insight_words IS NULL
            LIMIT {BatchSize}
            """).ToListAsync(ct);
        foreach (var row in rows)
        {
            var (insight, search) = CaseText.Segment(row.ComplainantName, row.StaffName, row.ServiceItem, row.Request, row.Facts, row.Result);
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE complaints SET insight_words = @insight, search_terms = @search WHERE id = @id AND insight_words IS NULL",
                [new NpgsqlParameter("insight", insight), new NpgsqlParameter("search", search), new NpgsqlParameter("id", row.Id)], ct);
            if (row.PhoneEncrypted is { } phone && !row.HasPhoneIndex)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "UPDATE complainant_identities SET phone_blind_index = @index WHERE complaint_id = @id",
                    [new NpgsqlParameter("index", NpgsqlTypes.NpgsqlDbType.Char) { Value = protector.BlindIndex(protector.Decrypt(phone)) }, new NpgsqlParameter("id", row.Id)], ct);
            }
        }

        return rows.Count;
    }
}
