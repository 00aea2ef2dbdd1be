using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Complaints.Domain.Cases;
using Npgsql;
using NpgsqlTypes;

namespace Complaints.Bench.Seeder;

/// <summary>
/// Streams the generated cases into six binary COPYs on six connections at once (one per table),
/// so PostgreSQL parses rows while the generator makes the next ones.
/// </summary>
internal static class CopyWriter
{
    private const string Complaints = """
        COPY complaints (id, tracking_number, query_code_hash, channel, status, received_at, receiving_region_code, complainant_user_id,
          respondent_agency_id, respondent_staff_name, respondent_window_number, service_item_name, service_item_code, request, facts, confidential,
          assigned_agency_id, referred_at, referred_on_time, referral_note, decided_at, decided_on_time, accepted_at, classification,
          not_accepted_reason, related_case_id, not_accepted_explanation, extended, extended_at, extension_reason, lead_agency_id, finding, result,
          measures, concluded_at, concluded_on_time, is_invalid_complaint, merged_into_case_id, merged_into_tracking_number, merged_at, withdrawn_at,
          withdrawal_reason, complainant_rating, complainant_comment, rated_at, is_major, major_reported_at, major_summary, region_code, version,
          cooperating_agency_ids, evidence_ids, overdue_flagged_due_at, running_due_at, running_due_date, insight_words, search_terms,
          search_vector)
          FROM STDIN (FORMAT BINARY)
        """;

    private const string Identities = """
        COPY complainant_identities (complaint_id, type, name, id_type, id_number_encrypted, phone_encrypted, address, real_name_verified,
          id_number_blind_index, id_number_masked, phone_masked, phone_blind_index) FROM STDIN (FORMAT BINARY)
        """;

    private const string Timeline = """
        COPY complaint_timeline (complaint_id, sequence, at, kind, article, actor_user_id, actor_role, actor_agency_id, actor_region_code, details)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string Investigations = """
        COPY complaint_investigation_records (complaint_id, number, method, summary, recorded_by_user_id, agency_id, recorded_at) FROM STDIN (FORMAT BINARY)
        """;

    private const string Merged = """
        COPY complaint_merged_cases (complaint_id, case_id, tracking_number, channel, complainant_user_id, complainant_type, complainant_name,
          complainant_id_type, complainant_id_number_encrypted, complainant_phone_encrypted, complainant_address, complainant_real_name_verified, merged_at)
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task<string> WriteAsync(NpgsqlDataSource db, CaseGenerator generator, SeedOptions options)
    {
        var connections = new List<NpgsqlConnection>();
        async Task<NpgsqlBinaryImporter> Open(string copy)
        {
            var connection = await db.OpenConnectionAsync();
            connections.Add(connection);

            // The rows are consistent by construction: skip the per-row foreign-key triggers, and do not wait for each commit's flush.
            await Schema.Execute(connection, "SET session_replication_role = replica; SET synchronous_commit = off");
            return await connection.BeginBinaryImportAsync(copy);
        }

        var hasChainColumn = options.AuditChains > 1 && await HasColumnAsync(db, "audit_entries", "chain");
        var complaints = await Open(Complaints);
        var identities = await Open(Identities);
        var timeline = await Open(Timeline);
        var investigations = await Open(Investigations);
        var merged = await Open(Merged);
        var audit = options.AuditChains > 0
            ? await Open($"COPY audit_entries (sequence, at, actor_user_id, actor_role, action, case_id, client_address, details, previous_hash, hash{(hasChainColumn ? ", chain" : "")}) FROM STDIN (FORMAT BINARY)")
            : null;
        var chains = new AuditChains(Math.Max(1, options.AuditChains));

        long cases = 0, timelineRows = 0, investigationRows = 0, mergedRows = 0;
        foreach (var c in generator.Generate())
        {
            await WriteComplaintAsync(complaints, c);
            WriteIdentity(identities, c.Id, c.Identity);
            foreach (var t in c.Timeline)
            {
                WriteTimeline(timeline, c.Id, t);
                timelineRows++;
            }

            foreach (var i in c.Investigations)
            {
                investigations.StartRow();
                investigations.Write(c.Id, NpgsqlDbType.Uuid);
                investigations.Write(i.Number, NpgsqlDbType.Integer);
                investigations.Write(i.Method.ToString(), NpgsqlDbType.Varchar);
                investigations.Write(i.Summary, NpgsqlDbType.Varchar);
                investigations.Write(i.RecordedBy, NpgsqlDbType.Varchar);
                Nullable(investigations, i.AgencyId);
                investigations.Write(i.RecordedAt, NpgsqlDbType.TimestampTz);
                investigationRows++;
            }

            if (c.MergedInto is { } m)
            {
                WriteMerged(merged, m);
                mergedRows++;
            }

            if (audit is not null)
            {
                var received = c.Timeline[0];
                var role = received.ActorRole switch
                {
                    ActorRole.Complainant => c.Identity.Type == ComplainantType.Organization ? "enterprise" : "citizen",
                    ActorRole.AgencyStaff => "agency_staff",
                    ActorRole.ManagementStaff => "management_staff",
                    _ => "hotline_operator",
                };
                var details = $"channel={c.Channel};status={(c.ReceivingRegionCode is null ? "PendingAcceptance" : "PendingReferral")}";
                chains.Append(audit, hasChainColumn, c.ReceivedAt, received.ActorUserId, role, "case.received", c.Id, "10.20.0.1", details);
            }

            if (++cases % 100_000 == 0)
            {
                Console.WriteLine($"    {cases:N0} cases");
            }
        }

        foreach (var importer in new[] { complaints, identities, timeline, investigations, merged, audit })
        {
            if (importer is not null)
            {
                await importer.CompleteAsync();
                await importer.DisposeAsync();
            }
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{cases:N0} complaints and identities, {timelineRows:N0} timeline rows, {investigationRows:N0} investigation records, {mergedRows:N0} merged-case rows, {chains.Lines:N0} audit lines in {chains.Count} chain(s)");
    }

    private static async Task WriteComplaintAsync(NpgsqlBinaryImporter w, GeneratedCase c)
    {
        w.StartRow();
        w.Write(c.Id, NpgsqlDbType.Uuid);
        w.Write(c.TrackingNumber, NpgsqlDbType.Varchar);
        w.Write(c.QueryCodeHash, NpgsqlDbType.Char);
        w.Write(c.Channel.ToString(), NpgsqlDbType.Varchar);
        w.Write(c.Status.ToString(), NpgsqlDbType.Varchar);
        w.Write(c.ReceivedAt, NpgsqlDbType.TimestampTz);
        Nullable(w, c.ReceivingRegionCode, NpgsqlDbType.Char);
        Nullable(w, c.ComplainantUserId);
        w.Write(c.RespondentAgencyId, NpgsqlDbType.Uuid);
        Nullable(w, c.RespondentStaffName);
        Nullable(w, c.RespondentWindowNumber);
        w.Write(c.ServiceItemName, NpgsqlDbType.Varchar);
        Nullable(w, c.ServiceItemCode);
        w.Write(c.Request, NpgsqlDbType.Varchar);
        w.Write(c.Facts, NpgsqlDbType.Varchar);
        w.Write(c.Confidential, NpgsqlDbType.Boolean);
        Nullable(w, c.AssignedAgencyId);
        Nullable(w, c.ReferredAt);
        Nullable(w, c.ReferredOnTime);
        Nullable(w, c.ReferralNote, NpgsqlDbType.Text);
        Nullable(w, c.DecidedAt);
        Nullable(w, c.DecidedOnTime);
        Nullable(w, c.AcceptedAt);
        Nullable(w, c.Classification?.ToString());
        Nullable(w, c.NotAcceptedReason?.ToString());
        w.WriteNull(); // related_case_id
        Nullable(w, c.NotAcceptedExplanation, NpgsqlDbType.Text);
        w.Write(c.Extended, NpgsqlDbType.Boolean);
        Nullable(w, c.ExtendedAt);
        Nullable(w, c.ExtensionReason, NpgsqlDbType.Text);
        Nullable(w, c.LeadAgencyId);
        Nullable(w, c.Finding?.ToString());
        Nullable(w, c.Result, NpgsqlDbType.Text);
        Nullable(w, c.Measures, NpgsqlDbType.Text);
        Nullable(w, c.ConcludedAt);
        Nullable(w, c.ConcludedOnTime);
        w.Write(c.IsInvalidComplaint, NpgsqlDbType.Boolean);
        Nullable(w, c.MergedIntoCaseId);
        Nullable(w, c.MergedIntoTrackingNumber);
        Nullable(w, c.MergedAt);
        Nullable(w, c.WithdrawnAt);
        Nullable(w, c.WithdrawalReason, NpgsqlDbType.Text);
        Nullable(w, c.ComplainantRating?.ToString());
        Nullable(w, c.ComplainantComment, NpgsqlDbType.Text);
        Nullable(w, c.RatedAt);
        w.Write(c.IsMajor, NpgsqlDbType.Boolean);
        Nullable(w, c.MajorReportedAt);
        Nullable(w, c.MajorSummary, NpgsqlDbType.Text);
        w.Write(c.RegionCode, NpgsqlDbType.Char);
        w.Write(c.Version, NpgsqlDbType.Integer);
        w.Write(c.CooperatingAgencyIds, NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        w.Write(Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);
        Nullable(w, c.OverdueFlaggedDueAt);
        Nullable(w, c.RunningDueAt);
        if (c.RunningDueDate is { } due)
        {
            w.Write(due, NpgsqlDbType.Date);
        }
        else
        {
            w.WriteNull();
        }

        // Under session_replication_role = replica the trigger that keeps search_vector does not fire: written here.
        var (insight, search) = TextColumns.Of(c);
        w.Write(insight, NpgsqlDbType.Text);
        w.Write(search, NpgsqlDbType.Text);
        // Npgsql's tsvector converter may flush mid-value, which only its asynchronous write allows.
        await w.WriteAsync(TextColumns.Vector(search), NpgsqlDbType.TsVector);
    }

    private static void WriteIdentity(NpgsqlBinaryImporter w, Guid id, IdentityRow i)
    {
        w.StartRow();
        w.Write(id, NpgsqlDbType.Uuid);
        w.Write(i.Type.ToString(), NpgsqlDbType.Varchar);
        w.Write(i.Name, NpgsqlDbType.Varchar);
        Nullable(w, i.IdType?.ToString());
        Nullable(w, i.IdNumberEncrypted);
        Nullable(w, i.PhoneEncrypted);
        Nullable(w, i.Address);
        w.Write(i.RealNameVerified, NpgsqlDbType.Boolean);
        Nullable(w, i.IdNumberBlindIndex, NpgsqlDbType.Char);
        Nullable(w, i.IdNumberMasked);
        Nullable(w, i.PhoneMasked);
        Nullable(w, i.PhoneBlindIndex, NpgsqlDbType.Char);
    }

    private static void WriteTimeline(NpgsqlBinaryImporter w, Guid id, TimelineRow t)
    {
        w.StartRow();
        w.Write(id, NpgsqlDbType.Uuid);
        w.Write(t.Sequence, NpgsqlDbType.Integer);
        w.Write(t.At, NpgsqlDbType.TimestampTz);
        w.Write(t.Kind.ToString(), NpgsqlDbType.Varchar);
        Nullable(w, t.Article);
        w.Write(t.ActorUserId, NpgsqlDbType.Varchar);
        w.Write(t.ActorRole.ToString(), NpgsqlDbType.Varchar);
        Nullable(w, t.ActorAgencyId);
        Nullable(w, t.ActorRegionCode, NpgsqlDbType.Char);
        w.Write(t.DetailsJson, NpgsqlDbType.Jsonb);
    }

    private static void WriteMerged(NpgsqlBinaryImporter w, MergedRow m)
    {
        w.StartRow();
        w.Write(m.TargetId, NpgsqlDbType.Uuid);
        w.Write(m.CaseId, NpgsqlDbType.Uuid);
        w.Write(m.TrackingNumber, NpgsqlDbType.Varchar);
        w.Write(m.Channel.ToString(), NpgsqlDbType.Varchar);
        Nullable(w, m.ComplainantUserId);
        w.Write(m.Complainant.Type.ToString(), NpgsqlDbType.Varchar);
        w.Write(m.Complainant.Name, NpgsqlDbType.Varchar);
        Nullable(w, m.Complainant.IdType?.ToString());
        Nullable(w, m.Complainant.IdNumberEncrypted);
        Nullable(w, m.Complainant.PhoneEncrypted);
        Nullable(w, m.Complainant.Address);
        w.Write(m.Complainant.RealNameVerified, NpgsqlDbType.Boolean);
        w.Write(m.MergedAt, NpgsqlDbType.TimestampTz);
    }

    private static void Nullable(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type = NpgsqlDbType.Varchar)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, type);
        }
    }

    private static void Nullable(NpgsqlBinaryImporter w, Guid? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Uuid);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Nullable(NpgsqlBinaryImporter w, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.TimestampTz);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Nullable(NpgsqlBinaryImporter w, bool? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Boolean);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static async Task<bool> HasColumnAsync(NpgsqlDataSource db, string table, string column)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = table });
        cmd.Parameters.Add(new NpgsqlParameter { Value = column });
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }
}

/// <summary>
/// The audit lines of the seeded receipts, hash-chained exactly as Audit/AuditTrail chains them, so that
/// the service's verification (GET /api/v1/admin/audit/verification) finds the seeded log intact.
/// </summary>
internal sealed class AuditChains(int count)
{
    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    private readonly string[] _heads = Enumerable.Repeat(Genesis, count).ToArray();

    public int Count => count;

    public long Lines { get; private set; }

    /// <summary>The chain a case's lines belong to: as AuditTrail.ChainOf.</summary>
    public int ChainOf(Guid caseId)
    {
        Span<byte> bytes = stackalloc byte[16];
        caseId.TryWriteBytes(bytes);
        return (int)(BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]) % (uint)count);
    }

    public void Append(NpgsqlBinaryImporter w, bool withChain, DateTimeOffset at, string actor, string role, string action, Guid caseId, string address, string details)
    {
        var sequence = ++Lines;
        var chain = count == 1 ? 0 : ChainOf(caseId);
        var previous = _heads[chain];
        var canonical = string.Join('\u001f', previous, sequence.ToString(CultureInfo.InvariantCulture), (at.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
            actor, role, action, caseId.ToString("N"), address, details);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        _heads[chain] = hash;

        w.StartRow();
        w.Write(sequence, NpgsqlDbType.Bigint);
        w.Write(at, NpgsqlDbType.TimestampTz);
        w.Write(actor, NpgsqlDbType.Varchar);
        w.Write(role, NpgsqlDbType.Varchar);
        w.Write(action, NpgsqlDbType.Varchar);
        w.Write(caseId, NpgsqlDbType.Uuid);
        w.Write(address, NpgsqlDbType.Varchar);
        w.Write(details, NpgsqlDbType.Varchar);
        w.Write(previous, NpgsqlDbType.Char);
        w.Write(hash, NpgsqlDbType.Char);
        if (withChain)
        {
            w.Write((short)chain, NpgsqlDbType.Smallint);
        }
    }
}
