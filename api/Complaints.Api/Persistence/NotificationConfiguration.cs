using Complaints.Api.Notifications;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Complaints.Api.Persistence;

/// <summary>
/// The transactional outbox. Enums are stored as their wire names (<c>pending</c>,
/// <c>conclusion_feedback</c>) because the dispatcher's claim is hand-written SQL that names them.
/// </summary>
internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    private static readonly ValueConverter<Dictionary<string, string>, string> PayloadToJson = new(
        d => System.Text.Json.JsonSerializer.Serialize(d, (System.Text.Json.JsonSerializerOptions?)null),
        s => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(s, (System.Text.Json.JsonSerializerOptions?)null) ?? new Dictionary<string, string>());

    private static readonly ValueComparer<Dictionary<string, string>> PayloadComparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        d => d.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key.GetHashCode(StringComparison.Ordinal), p.Value.GetHashCode(StringComparison.Ordinal))),
        d => new Dictionary<string, string>(d, StringComparer.Ordinal));

    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("notification_outbox", t =>
        {
            t.HasCheckConstraint(
                "ck_notification_outbox_recipient",
                "(recipient_type = 'complainant' AND complainant_case_id IS NOT NULL AND case_id IS NOT NULL) OR (recipient_type = 'department' AND department_region_code IS NOT NULL AND case_id IS NOT NULL) OR (recipient_type = 'subscription' AND subscription_id IS NOT NULL)");

            // The last line of defence for "no plaintext phone in the outbox": only an encryption envelope fits.
            t.HasCheckConstraint("ck_notification_outbox_phone_encrypted", "phone_encrypted IS NULL OR phone_encrypted ~ '^v[0-9]+:'");
        });
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.TrackingNumber).HasMaxLength(32);
        b.Property(m => m.Kind).HasConversion(WireName<NotificationKind>()).HasMaxLength(48);
        b.Property(m => m.RecipientType).HasConversion(WireName<RecipientType>()).HasMaxLength(16);
        b.Property(m => m.ComplainantTrackingNumber).HasMaxLength(32);
        b.Property(m => m.ComplainantChannel).HasConversion(WireName<Channel>()).HasMaxLength(24);
        b.Property(m => m.ComplainantUserId).HasMaxLength(128);
        b.Property(m => m.PhoneEncrypted).HasMaxLength(256);
        b.Property(m => m.DepartmentRegionCode).HasMaxLength(6).IsFixedLength();
        b.Property(m => m.Payload).HasColumnType("jsonb").HasConversion(PayloadToJson, PayloadComparer);
        b.Property(m => m.Status).HasConversion(WireName<OutboxStatus>()).HasMaxLength(16);
        b.Property(m => m.LastError).HasMaxLength(500);

        b.Property(m => m.Sequence).UseIdentityByDefaultColumn();
        b.HasOne<Webhooks.WebhookSubscription>().WithMany().HasForeignKey(m => m.SubscriptionId).OnDelete(DeleteBehavior.Restrict);

        // Per-case order of a subscription's deliveries: the claim looks for an earlier undelivered event of the same case.
        b.HasIndex(m => new { m.SubscriptionId, m.CaseId, m.Sequence }).HasFilter("subscription_id IS NOT NULL AND status IN ('pending', 'sending')")
            .HasDatabaseName("ix_notification_outbox_subscription_order");

        // The dispatcher's claim: due messages in order. Partial, so the sent history costs nothing here.
        b.HasIndex(m => m.NextAttemptAt).HasFilter("status IN ('pending', 'sending')").HasDatabaseName("ix_notification_outbox_due");

        // The notices of a case (第十一条 "recorded"), and failures for staff to follow up.
        b.HasOne<Complaint>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.CaseId);
        b.HasIndex(m => m.CreatedAt).HasFilter("status = 'failed'").HasDatabaseName("ix_notification_outbox_failed");
    }

    private static ValueConverter<TEnum, string> WireName<TEnum>()
        where TEnum : struct, Enum
    {
        var byName = Enum.GetValues<TEnum>().ToDictionary(v => WireNames.Of(v), StringComparer.Ordinal);
        return new ValueConverter<TEnum, string>(v => WireNames.Of(v), s => byName[s]);
    }
}
