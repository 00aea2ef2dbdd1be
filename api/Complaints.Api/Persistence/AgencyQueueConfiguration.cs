using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Complaints.Api.Persistence;

/// <summary>
/// The agency queue (<c>GET /api/v1/cases</c> for agency staff): one row per case and agency that sees it under
/// <see cref="Cases.CaseVisibility"/>'s agency rule (the respondent, the assigned and the lead agency and each
/// cooperating agency), carrying the columns a queue item shows and filters on. A database trigger keeps it
/// from <c>complaints</c> in the same statement (Migrations/Baseline/agency-queue.sql), so it cannot drift; the service
/// never writes it. Its covering index is the queue's order, so a page is one index-only range scan that never
/// touches the wide complaint rows.
/// </summary>
public sealed class AgencyQueueRow
{
    public Guid ComplaintId { get; init; }
    public Guid AgencyId { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string TrackingNumber { get; init; }
    public ComplaintStatus Status { get; init; }
    public Channel Channel { get; init; }
    public Guid RespondentAgencyId { get; init; }
    public Guid? AssignedAgencyId { get; init; }
    public Guid? LeadAgencyId { get; init; }
    public required string ServiceItemName { get; init; }
    public Classification? Classification { get; init; }
    public bool Confidential { get; init; }
    public DateOnly? RunningDueDate { get; init; }
    public DateTimeOffset? RunningDueAt { get; init; }
}

internal sealed class AgencyQueueConfiguration : IEntityTypeConfiguration<AgencyQueueRow>
{
    public void Configure(EntityTypeBuilder<AgencyQueueRow> b)
    {
        b.ToTable("agency_queue");
        b.HasKey(r => new { r.ComplaintId, r.AgencyId });
        b.HasOne<Complaint>().WithMany().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Cascade);

        // The same column types as complaints', which the trigger copies.
        b.Property(r => r.TrackingNumber).HasMaxLength(32);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.ServiceItemName).HasMaxLength(ComplaintLimits.ServiceItemNameMaxLength);
        b.Property(r => r.Classification).HasConversion<string>().HasMaxLength(16);

        // Newest first within an agency, read backwards; every other column rides along in the leaf pages.
        b.HasIndex(r => new { r.AgencyId, r.ReceivedAt, r.ComplaintId })
            .IncludeProperties(r => new
            {
                r.TrackingNumber, r.Status, r.Channel, r.RespondentAgencyId, r.AssignedAgencyId, r.LeadAgencyId,
                r.ServiceItemName, r.Classification, r.Confidential, r.RunningDueDate, r.RunningDueAt,
            });
    }
}
