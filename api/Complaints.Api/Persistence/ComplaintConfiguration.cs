using System.Text.Json;
using Complaints.Api.Directory;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Complaints.Api.Persistence;

/// <summary>
/// Maps the domain's <see cref="Complaint"/> aggregate. The complainant's identity lives in its own
/// table; its ID and phone numbers arrive already encrypted (see Complaints/PersonalData), with
/// masked forms and a blind index beside them as shadow columns, so lists never decrypt.
/// </summary>
internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public const string Version = "Version";
    public const string RegionCode = "RegionCode";
    public const string IdNumberMasked = "IdNumberMasked";
    public const string PhoneMasked = "PhoneMasked";
    public const string IdNumberBlindIndex = "IdNumberBlindIndex";

    /// <summary>End (24:00 CST) of the deadline running now, null when none runs: the queue filters on it.</summary>
    public const string RunningDueAt = "RunningDueAt";

    /// <summary>The CST date of <see cref="RunningDueAt"/>.</summary>
    public const string RunningDueDate = "RunningDueDate";

    /// <summary>The running deadline the monitor last flagged as overdue, so a sweep never looks at it twice.</summary>
    public const string OverdueFlaggedDueAt = "OverdueFlaggedDueAt";

    private static readonly ValueConverter<Dictionary<string, string>, string> DetailsToJson = new(
        d => JsonSerializer.Serialize(d, (JsonSerializerOptions?)null),
        s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>());

    private static readonly ValueComparer<Dictionary<string, string>> DetailsComparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        d => d.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key.GetHashCode(StringComparison.Ordinal), p.Value.GetHashCode(StringComparison.Ordinal))),
        d => new Dictionary<string, string>(d, StringComparer.Ordinal));

    /// <summary>
    /// The two <c>List&lt;Guid&gt;</c> columns' comparer. EF's own for a primitive collection is an expression with a nested
    /// lambda, which the expression compiler turns into a fresh delegate (DynamicMethod.CreateDelegate) each time a case is
    /// snapshotted or compared: per-request JIT work on every save. These bodies call plain methods instead.
    /// </summary>
    private static readonly ValueComparer<List<Guid>> GuidListComparer = new(
        (a, b) => GuidLists.Equal(a, b),
        l => GuidLists.HashOf(l),
        l => GuidLists.Copy(l));

    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("complaints");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.TrackingNumber).HasMaxLength(32);
        b.HasIndex(c => c.TrackingNumber).IsUnique();
        b.Property(c => c.QueryCodeHash).HasMaxLength(64).IsFixedLength();
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(c => c.ReceivingRegionCode).HasMaxLength(6).IsFixedLength();
        b.Property(c => c.ComplainantUserId).HasMaxLength(128);
        b.Property(c => c.Classification).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.NotAcceptedReason).HasConversion<string>().HasMaxLength(48);
        b.Property(c => c.Finding).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.ComplainantRating).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.MergedIntoTrackingNumber).HasMaxLength(32);
        b.Property(c => c.Request).HasMaxLength(ComplaintLimits.RequestMaxLength);
        b.Property(c => c.Facts).HasMaxLength(ComplaintLimits.FactsMaxLength);
        b.PrimitiveCollection<List<Guid>>("_evidenceIds").HasColumnName("evidence_ids").Metadata.SetValueComparer(GuidListComparer);
        b.PrimitiveCollection<List<Guid>>("_cooperatingAgencyIds").HasColumnName("cooperating_agency_ids").Metadata.SetValueComparer(GuidListComparer);

        // The region whose management department supervises the case (第五条): the respondent agency's.
        b.Property<string>(RegionCode).HasMaxLength(6).IsFixedLength();
        b.Property<int>(Version).IsConcurrencyToken();
        b.Property<DateTimeOffset?>(RunningDueAt);
        b.Property<DateOnly?>(RunningDueDate);
        b.Property<DateTimeOffset?>(OverdueFlaggedDueAt);

        b.OwnsOne(c => c.Complainant, o =>
        {
            o.ToTable("complainant_identities");
            o.WithOwner().HasForeignKey("ComplaintId");
            o.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
            o.Property(x => x.IdType).HasConversion<string>().HasMaxLength(16);
            o.Property(x => x.Name).HasMaxLength(200);
            o.Property(x => x.IdNumber).HasColumnName("id_number_encrypted").HasMaxLength(256);
            o.Property(x => x.Phone).HasColumnName("phone_encrypted").HasMaxLength(256);
            o.Property(x => x.Address).HasMaxLength(ComplaintLimits.OpaqueMaxLength);
            o.Property<string>(IdNumberMasked).HasMaxLength(32);
            o.Property<string>(PhoneMasked).HasMaxLength(32);
            o.Property<string>(IdNumberBlindIndex).HasMaxLength(64).IsFixedLength();
            o.HasIndex(IdNumberBlindIndex);
        });
        b.OwnsOne(c => c.Respondent, o =>
        {
            o.Property(x => x.AgencyId).HasColumnName("respondent_agency_id");
            o.Property(x => x.StaffName).HasColumnName("respondent_staff_name").HasMaxLength(ComplaintLimits.StaffNameMaxLength);
            o.Property(x => x.WindowNumber).HasColumnName("respondent_window_number").HasMaxLength(ComplaintLimits.WindowNumberMaxLength);
            o.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);

            // Agency queues read AgencyQueueRow, not this column.
        });
        b.OwnsOne(c => c.ServiceItem, o =>
        {
            o.Property(x => x.Name).HasColumnName("service_item_name").HasMaxLength(ComplaintLimits.ServiceItemNameMaxLength);
            o.Property(x => x.Code).HasColumnName("service_item_code").HasMaxLength(ComplaintLimits.ServiceItemCodeMaxLength);
        });

        b.OwnsMany(c => c.Timeline, t =>
        {
            t.ToTable("complaint_timeline");
            t.WithOwner().HasForeignKey("ComplaintId");
            t.HasKey("ComplaintId", nameof(TimelineEntry.Sequence));
            t.Property(x => x.Sequence).ValueGeneratedNever();
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            t.Property(x => x.Article).HasMaxLength(32);
            t.Property(x => x.ActorUserId).HasMaxLength(128);
            t.Property(x => x.ActorRole).HasConversion<string>().HasMaxLength(24);
            t.Property(x => x.ActorRegionCode).HasMaxLength(6).IsFixedLength();
            t.Property<Dictionary<string, string>>("_details").HasColumnName("details").HasColumnType("jsonb")
                .HasConversion(DetailsToJson, DetailsComparer);
        });
        b.OwnsMany(c => c.InvestigationRecords, r =>
        {
            r.ToTable("complaint_investigation_records");
            r.WithOwner().HasForeignKey("ComplaintId");
            r.HasKey("ComplaintId", nameof(InvestigationRecord.Number));
            r.Property(x => x.Number).ValueGeneratedNever();
            r.Property(x => x.Method).HasConversion<string>().HasMaxLength(32);
            r.Property(x => x.Summary).HasMaxLength(ComplaintLimits.LongTextMaxLength);
            r.Property(x => x.RecordedByUserId).HasMaxLength(128);
        });
        b.OwnsMany(c => c.MergedCases, m =>
        {
            m.ToTable("complaint_merged_cases");
            m.WithOwner().HasForeignKey("ComplaintId");
            m.HasKey("ComplaintId", nameof(MergedCase.CaseId));
            // The merged case's own id, never generated: as OnAdd (the Guid key convention), EF took a newly merged case for an existing row and updated nothing.
            m.Property(x => x.CaseId).ValueGeneratedNever();
            m.Property(x => x.TrackingNumber).HasMaxLength(32);
            m.Property(x => x.Channel).HasConversion<string>().HasMaxLength(24);
            m.Property(x => x.ComplainantUserId).HasMaxLength(128);
            m.OwnsOne(x => x.Complainant, o =>
            {
                o.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
                o.Property(x => x.IdType).HasConversion<string>().HasMaxLength(16);
                o.Property(x => x.Name).HasMaxLength(200);
                o.Property(x => x.IdNumber).HasColumnName("complainant_id_number_encrypted").HasMaxLength(256);
                o.Property(x => x.Phone).HasColumnName("complainant_phone_encrypted").HasMaxLength(256);
                o.Property(x => x.Address).HasMaxLength(ComplaintLimits.OpaqueMaxLength);
            });
        });
        b.OwnsMany(c => c.Revisits, r =>
        {
            r.ToTable("complaint_revisits");
            r.WithOwner().HasForeignKey("ComplaintId");
            r.HasKey("ComplaintId", nameof(Revisit.Number));
            r.Property(x => x.Number).ValueGeneratedNever();
            r.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.Rating).HasConversion<string>().HasMaxLength(32);
            r.Property(x => x.RecordedByRole).HasConversion<string>().HasMaxLength(24);
            r.Property(x => x.RecordedByUserId).HasMaxLength(128);
            r.Property(x => x.Note).HasMaxLength(ComplaintLimits.ShortTextMaxLength);
        });
        b.OwnsMany(c => c.NoticeDeliveries, d =>
        {
            d.ToTable("complaint_notice_deliveries");
            d.WithOwner().HasForeignKey("ComplaintId");
            d.HasKey("ComplaintId", nameof(NoticeDelivery.Number));
            d.Property(x => x.Number).ValueGeneratedNever();
            d.Property(x => x.Notice).HasConversion<string>().HasMaxLength(16);
            d.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
            d.Property(x => x.Note).HasMaxLength(ComplaintLimits.ShortTextMaxLength);
            d.Property(x => x.RecordedByRole).HasConversion<string>().HasMaxLength(24);
            d.Property(x => x.RecordedByUserId).HasMaxLength(128);
            d.Property(x => x.RecordedByRegionCode).HasMaxLength(6).IsFixedLength();
        });
        b.OwnsMany(c => c.Rectifications, r =>
        {
            r.ToTable("complaint_rectifications");
            r.WithOwner().HasForeignKey("ComplaintId");
            r.HasKey("ComplaintId", nameof(Rectification.Number));
            r.Property(x => x.Number).ValueGeneratedNever();
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.Requirement).HasMaxLength(ComplaintLimits.LongTextMaxLength);
            r.Property(x => x.Report).HasMaxLength(ComplaintLimits.LongTextMaxLength);
            r.Property(x => x.VerificationNote).HasMaxLength(ComplaintLimits.ShortTextMaxLength);
        });

        // Computed views of the aggregate, not state.
        b.Ignore(c => c.ComplainantsToNotify);
        b.Ignore(c => c.OpenRectification);
        b.Ignore(c => c.HandlingAgencyId);
        b.Ignore(c => c.AgencyReceivedAt);
        b.Ignore(c => c.DeadlineFacts);
        b.Ignore(c => c.Satisfaction);
        b.Ignore(c => c.IssuedNotice);
        b.Ignore(c => c.NoticeDelivered);

        // Lists are newest first with a (received_at, id) keyset: each list's index ends in those two columns, so a
        // page is a short range scan read backwards, whatever the size of the caller's share of a million cases.
        b.HasIndex(c => new { c.ComplainantUserId, c.ReceivedAt, c.Id });
        b.HasIndex(RegionCode, nameof(Complaint.ReceivedAt), nameof(Complaint.Id));
        b.HasIndex(RegionCode, nameof(Complaint.Status));
        b.HasIndex(c => new { c.AssignedAgencyId, c.Status });
        b.HasIndex(RunningDueAt);

        // The few cases whose complainant asked for notices by post, for the to-be-delivered queue (第十一条第二款).
        b.HasIndex(c => c.NoticeByPost).HasFilter("notice_by_post").HasDatabaseName("ix_complaints_notice_by_post");

        // By date of receipt: ix_complaints_received_at, created in SQL (Migrations/Issue16RollupInsert/received-at-index.sql) like
        // the covering ix_complaints_statistics it replaced, whose counts the statistics rollups now keep (#16, session 7).
    }
}

/// <summary>Per (region, day) counters behind tracking numbers: unique and human-readable.</summary>
public sealed class TrackingSequence
{
    public required string RegionCode { get; init; }
    public DateOnly Day { get; init; }
    public int Last { get; set; }
}

internal sealed class TrackingSequenceConfiguration : IEntityTypeConfiguration<TrackingSequence>
{
    public void Configure(EntityTypeBuilder<TrackingSequence> b)
    {
        b.ToTable("tracking_sequences");
        b.HasKey(t => new { t.RegionCode, t.Day });
        b.Property(t => t.RegionCode).HasMaxLength(6).IsFixedLength();
    }
}

/// <summary>What <see cref="ComplaintConfiguration"/>'s comparer of the <c>List&lt;Guid&gt;</c> columns does: equal in order, hashed, copied.</summary>
internal static class GuidLists
{
    public static bool Equal(List<Guid>? a, List<Guid>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);

    public static int HashOf(List<Guid> list)
    {
        var hash = new HashCode();
        foreach (var id in list)
        {
            hash.Add(id);
        }

        return hash.ToHashCode();
    }

    public static List<Guid> Copy(List<Guid> list) => [.. list];
}
