using Complaints.Api.Persistence;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Complaints.Api.Insight;

/// <summary>
/// The insight columns of a case (see <see cref="CaseText"/>) and the phone's blind index beside the ID number's.
/// The stored <c>search_vector</c> tsvector and its GIN index are made in SQL (Persistence/Migrations/Baseline/search.sql) (a
/// generated column EF does not map, so loading a case never reads it).
/// </summary>
internal sealed class InsightConfiguration : IEntityTypeConfiguration<Complaint>
{
    public const string PhoneBlindIndex = "PhoneBlindIndex";

    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property<string?>(CaseText.InsightWords);
        b.Property<string?>(CaseText.SearchTerms);
        b.OwnsOne(c => c.Complainant, o =>
        {
            o.Property<string>(PhoneBlindIndex).HasMaxLength(64).IsFixedLength();
            o.HasIndex(PhoneBlindIndex);
        });
    }
}

/// <summary>The content analysis frozen with a submitted report (第十六、十八条), as JSON of <see cref="ContentAnalysisView"/>.</summary>
public sealed class ReportAnalysis
{
    public Guid ReportId { get; init; }
    public required string Analysis { get; init; }
}

internal sealed class ReportAnalysisConfiguration : IEntityTypeConfiguration<ReportAnalysis>
{
    public void Configure(EntityTypeBuilder<ReportAnalysis> b)
    {
        b.ToTable("report_analyses");
        b.HasKey(r => r.ReportId);
        b.Property(r => r.Analysis).HasColumnType("jsonb");
        b.HasOne<Reports.Report>().WithOne().HasForeignKey<ReportAnalysis>(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
