using Complaints.Api.Directory;
using Complaints.Api.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Persistence;

public sealed class ComplaintsDbContext(DbContextOptions<ComplaintsDbContext> options) : DbContext(options)
{
    public DbSet<Division> Divisions => Set<Division>();
    public DbSet<ManagementDepartment> ManagementDepartments => Set<ManagementDepartment>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<Idempotency.IdempotencyRecord> IdempotencyRecords => Set<Idempotency.IdempotencyRecord>();
    public DbSet<Domain.Cases.Complaint> Complaints => Set<Domain.Cases.Complaint>();
    public DbSet<TrackingSequence> TrackingSequences => Set<TrackingSequence>();
    public DbSet<AgencyQueueRow> AgencyQueue => Set<AgencyQueueRow>();
    public DbSet<Calendar.HolidaySchedule> HolidaySchedules => Set<Calendar.HolidaySchedule>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<Reports.Report> Reports => Set<Reports.Report>();
    public DbSet<SpotChecks.SpotCheck> SpotChecks => Set<SpotChecks.SpotCheck>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<Notifications.OutboxMessage> NotificationOutbox => Set<Notifications.OutboxMessage>();
    public DbSet<Changes.CaseChange> CaseChanges => Set<Changes.CaseChange>();
    public DbSet<Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Webhooks.WebhookSubscription>();
    public DbSet<Webhooks.SentReminder> SentReminders => Set<Webhooks.SentReminder>();

    /// <summary>True only while <see cref="UnitOfWork"/> saves: <see cref="ComplaintWriteGuard"/> lets complaints be saved then alone.</summary>
    internal bool SavingThroughUnitOfWork { get; set; }

    /// <summary>
    /// Active webhook subscriptions already read in this request by a statement that needed the addressee anyway (a
    /// submission's tracking-number draw reads its respondent agency's and that agency's region's: SubmitComplaint), so
    /// that raising the case's event (<see cref="Webhooks.AgencyEvents"/>) needs no round trip of its own. Read in the
    /// same request as a separate query would be, outside the transaction that commits the change, as that query was.
    /// </summary>
    internal Dictionary<Webhooks.Party, Guid[]> SubscriptionsRead { get; } = [];

    // The context is pooled: what one request read must not be taken for the next request's (their subscriptions may change between).
    public override void Dispose()
    {
        SubscriptionsRead.Clear();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        SubscriptionsRead.Clear();
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ComplaintsDbContext).Assembly);

        // Numbers audit lines across all chains without a lock (see AuditTrail).
        modelBuilder.HasSequence<long>(Audit.AuditTrail.SequenceName);

        // Who may see a case: the SQL function, not a C# restatement (#15 item 3).
        Cases.CaseVisibility.Map(modelBuilder);
    }
}
