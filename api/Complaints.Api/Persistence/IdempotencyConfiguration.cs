using Complaints.Api.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Complaints.Api.Persistence;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_records");
        b.HasKey(r => new { r.Scope, r.Key });
        b.Property(r => r.Scope).HasMaxLength(128);
        b.Property(r => r.Key).HasMaxLength(128);
        b.Property(r => r.Method).HasMaxLength(8);
        b.Property(r => r.Path).HasMaxLength(256);
        b.Property(r => r.RequestHash).HasMaxLength(64).IsFixedLength();
        b.Property(r => r.ContentType).HasMaxLength(128);
        b.Property(r => r.Location).HasMaxLength(256);
        b.HasIndex(r => r.CreatedAt);
    }
}
