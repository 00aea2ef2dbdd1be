using Complaints.Api.Changes;
using Complaints.Api.Directory;
using Complaints.Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Complaints.Api.Persistence;

/// <summary>The change feed's rows; written by a trigger (Migrations/Baseline/change-feed.sql), never by EF.</summary>
internal sealed class CaseChangeConfiguration : IEntityTypeConfiguration<CaseChange>
{
    public void Configure(EntityTypeBuilder<CaseChange> b)
    {
        b.ToTable("case_changes");
        b.HasKey(c => c.Position);
        b.Property(c => c.Position).UseIdentityAlwaysColumn();
        b.Property(c => c.TransactionId).HasColumnName("tx_id").HasDefaultValueSql("(pg_current_xact_id()::text)::bigint");
        b.Property(c => c.Status).HasMaxLength(24);
        b.Property(c => c.RecordedAt).HasDefaultValueSql("now()");

        // The feed reads in (transaction, position) order.
        b.HasIndex(c => new { c.TransactionId, c.Position });
        // The trigger's "previous change of this case" (max tx_id), and a case's history.
        b.HasIndex(c => new { c.CaseId, c.TransactionId });
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.ToTable("webhook_subscriptions", t =>
            t.HasCheckConstraint("ck_webhook_subscriptions_one_body", "(agency_id IS NULL) <> (region_code IS NULL)"));
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.RegionCode).HasMaxLength(6).IsFixedLength();
        b.Property(s => s.Url).HasMaxLength(2048);
        b.Property(s => s.SecretEncrypted).HasMaxLength(512);
        b.Property(s => s.PreviousSecretEncrypted).HasMaxLength(512);
        b.Property(s => s.CreatedBy).HasMaxLength(128);
        b.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Division>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.AgencyId);
        b.HasIndex(s => s.RegionCode);
    }
}

internal sealed class SentReminderConfiguration : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> b)
    {
        b.ToTable("sent_reminders");
        b.HasKey(r => new { r.Kind, r.Subject, r.DueDate });
        b.Property(r => r.Kind).HasMaxLength(48);
        b.Property(r => r.Subject).HasMaxLength(64);
    }
}
