using Complaints.Api.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Complaints.Api.Persistence;

internal sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> b)
    {
        b.HasKey(d => d.Code);
        b.Property(d => d.Code).HasMaxLength(6).IsFixedLength();
        b.Property(d => d.Name).HasMaxLength(64);
        b.Property(d => d.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.ParentCode).HasMaxLength(6).IsFixedLength();
        b.HasOne<Division>().WithMany().HasForeignKey(d => d.ParentCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.ParentCode);
    }
}

internal sealed class ManagementDepartmentConfiguration : IEntityTypeConfiguration<ManagementDepartment>
{
    public void Configure(EntityTypeBuilder<ManagementDepartment> b)
    {
        b.Property(m => m.RegionCode).HasMaxLength(6).IsFixedLength();
        b.Property(m => m.Name).HasMaxLength(128);
        b.Property(m => m.ComplaintPhone).HasMaxLength(32);
        b.HasIndex(m => m.RegionCode).IsUnique();
        b.HasOne<Division>().WithMany().HasForeignKey(m => m.RegionCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.Property(a => a.Name).HasMaxLength(128);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.RegionCode).HasMaxLength(6).IsFixedLength();
        b.Property(a => a.ComplaintPhone).HasMaxLength(32);
        b.HasOne<Division>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.RegionCode, a.Name });
    }
}

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> b)
    {
        b.Property(o => o.UserId).HasMaxLength(128);
        b.Property(o => o.Name).HasMaxLength(64);
        b.Property(o => o.RegionCode).HasMaxLength(6).IsFixedLength();
        b.HasIndex(o => o.UserId).IsUnique();
        b.HasOne<Agency>().WithMany().HasForeignKey(o => o.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Division>().WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        b.ToTable(t => t.HasCheckConstraint("ck_officers_one_employer", "(agency_id IS NULL) <> (region_code IS NULL)"));
    }
}

internal sealed class HolidayScheduleConfiguration : IEntityTypeConfiguration<Calendar.HolidaySchedule>
{
    public void Configure(EntityTypeBuilder<Calendar.HolidaySchedule> b)
    {
        b.ToTable("holiday_schedules");
        b.HasKey(s => s.Year);
        b.Property(s => s.Year).ValueGeneratedNever();
        b.Property(s => s.Json).HasColumnType("jsonb");
        b.Property(s => s.LoadedBy).HasMaxLength(128);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Audit.AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Sequence);
        // Numbered and chained by the database as a line is inserted (Migrations/Issue16/audit-chain.sql), read back by the insert.
        b.Property(e => e.Sequence).ValueGeneratedOnAdd().Metadata.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
        b.Property(e => e.PreviousHash).ValueGeneratedOnAdd();
        b.Property(e => e.Hash).ValueGeneratedOnAdd();
        b.Property(e => e.ActorUserId).HasMaxLength(128);
        b.Property(e => e.ActorRole).HasMaxLength(32);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.ClientAddress).HasMaxLength(64);
        b.Property(e => e.Details).HasMaxLength(2000);
        b.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength();
        b.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        b.HasIndex(e => new { e.CaseId, e.Sequence });
        b.HasIndex(e => e.At);

        // The head of a chain (appending) and the walk of each chain (verification).
        b.Property(e => e.Chain).HasDefaultValue((short)0);
        b.HasIndex(e => new { e.Chain, e.Sequence });
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Reports.Report>
{
    public void Configure(EntityTypeBuilder<Reports.Report> b)
    {
        b.ToTable("reports");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Period).HasMaxLength(8);
        b.Property(r => r.Scope).HasMaxLength(48);
        b.Property(r => r.RegionCode).HasMaxLength(6).IsFixedLength();
        b.Property(r => r.SubmittedToRegionCode).HasMaxLength(6).IsFixedLength();
        b.Property(r => r.SubmittedBy).HasMaxLength(128);
        b.Property(r => r.Figures).HasColumnType("jsonb");
        b.HasIndex(r => new { r.Period, r.Scope }).IsUnique();
        b.HasIndex(r => new { r.Period, r.SubmittedToRegionCode });
    }
}

internal sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotChecks.SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotChecks.SpotCheck> b)
    {
        b.ToTable("spot_checks");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.RegionCode).HasMaxLength(6).IsFixedLength();
        b.Property(s => s.CreatedBy).HasMaxLength(128);
        b.HasIndex(s => s.RegionCode);
        b.OwnsMany(s => s.Findings, f =>
        {
            f.ToTable("spot_check_findings");
            f.WithOwner().HasForeignKey("SpotCheckId");
            f.HasKey("SpotCheckId", nameof(SpotChecks.SpotCheckFinding.CaseId));
            f.Property(x => x.CaseId).ValueGeneratedNever();
            f.Property(x => x.Verdict).HasConversion<string>().HasMaxLength(16);
            f.Property(x => x.Note).HasMaxLength(1000);
            f.Property(x => x.ReviewedBy).HasMaxLength(128);
        });
    }
}
