using Complaints.Api.Evidence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Complaints.Api.Persistence;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("evidence_files");
        b.Property(e => e.UploaderId).HasMaxLength(128);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.ContentType).HasMaxLength(64);
        b.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.StorageKey).HasMaxLength(64);
        b.Property(e => e.ThumbnailKey).HasMaxLength(64);

        // By id for a given uploader: reads, and the complaint submission checking that every
        // evidenceIds entry is the caller's own (WHERE uploader_id = @sub AND id = ANY(@ids)).
        b.HasIndex(e => new { e.UploaderId, e.Id });

        // The cleanup: unattached uploads older than the cutoff. Partial, so attached evidence costs nothing here.
        b.HasIndex(e => e.UploadedAt).HasFilter("complaint_id IS NULL").HasDatabaseName("ix_evidence_files_unattached_uploaded_at");

        // A case's evidence. The foreign key to complaints comes with the complaints table.
        b.HasIndex(e => e.ComplaintId);
    }
}
