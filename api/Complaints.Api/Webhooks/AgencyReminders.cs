using Complaints.Api.Notifications;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;
using Complaints.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Webhooks;

/// <summary>
/// The reminders the deadline monitor raises for agency systems, each once (<see cref="SentReminder"/>):
/// a running deadline that ends by the end of the next <b>working</b> day (第十、十一、十三条, by the working-day
/// calendar, so on a Friday a deadline on Monday is due soon and one on Tuesday is not; over a holiday the next
/// working day may be a week away), and a 第十八条 report due within five working days and not yet submitted.
/// </summary>
public static class AgencyReminders
{
    public const string ReportDueKind = "report_due";

    public static string DueSoonKind(DeadlineKind kind) => "due_soon:" + WireNames.Of(kind);

    /// <summary>Raises the "due within one working day" events not raised yet. Returns how many deadlines it raised them for.</summary>
    public static async Task<int> RemindDueSoonAsync(ComplaintsDbContext db, IWorkingDayCalendar calendar, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Active, ct))
        {
            // Nobody to tell: raise nothing (and remember nothing, so a subscriber added later still hears of a deadline).
            return 0;
        }

        var limit = WorkingDays.Add(calendar, ChinaTime.DateOf(now), 1);
        var candidates = await db.Complaints.AsNoTracking()
            .Where(c => EF.Property<DateOnly?>(c, ComplaintConfiguration.RunningDueDate) <= limit
                && EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt) > now
                && !db.SentReminders.Any(r => r.Kind.StartsWith("due_soon:") && r.Subject == c.Id.ToString()
                    && r.DueDate == EF.Property<DateOnly?>(c, ComplaintConfiguration.RunningDueDate)))
            .OrderBy(c => EF.Property<DateTimeOffset?>(c, ComplaintConfiguration.RunningDueAt))
            .Select(c => c.Id).Take(batchSize).ToListAsync(ct);

        var raised = 0;
        foreach (var id in candidates)
        {
            db.ChangeTracker.Clear();
            var complaint = await db.Complaints.AsNoTracking().AsSplitQuery().FirstAsync(c => c.Id == id, ct);
            if (complaint.RunningDeadline(calendar) is not { } deadline || deadline.Due > limit || deadline.IsOverdueAt(now))
            {
                continue;
            }

            db.SentReminders.Add(new SentReminder { Kind = DueSoonKind(deadline.Kind), Subject = id.ToString(), DueDate = deadline.Due, CreatedAt = now });
            await AgencyEvents.RaiseAsync(db, PartyFor(db, complaint, deadline), NotificationKind.DeadlineDueSoon, complaint, new Dictionary<string, string?>
            {
                ["deadline"] = WireNames.Of(deadline.Kind),
                ["dueDate"] = deadline.Due.ToString("yyyy-MM-dd"),
            }, now, ct);
            await db.SaveChangesAsync(ct);
            raised++;
        }

        db.ChangeTracker.Clear();
        return raised;
    }

    /// <summary>第十条 referral is the receiving department's deadline; acceptance and handling are the handling agency's.</summary>
    public static Party PartyFor(ComplaintsDbContext db, Complaint c, Deadline deadline) =>
        deadline.Kind == DeadlineKind.Referral ? Party.SupervisingDepartment(db, c) : Party.HandlingAgency(c);

    /// <summary>第十八条: every subscribed agency and department whose report falls due within five working days and is not in.</summary>
    public static async Task<int> RemindReportsDueAsync(ComplaintsDbContext db, IWorkingDayCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(now);
        var limit = WorkingDays.Add(calendar, today, 5);
        var parties = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.Active)
            .Select(s => new { s.AgencyId, s.RegionCode }).Distinct().ToListAsync(ct);
        var raised = 0;
        foreach (var party in parties)
        {
            var level = party.AgencyId is null ? ReporterLevel.ManagementDepartment : ReporterLevel.Agency;
            var subject = party.AgencyId is { } a ? $"agency:{a}" : $"region:{party.RegionCode}";
            foreach (var period in ReportingPeriod.OwedBy(level, today.Year - 1).Concat(ReportingPeriod.OwedBy(level, today.Year)))
            {
                if (period.DueDate is not { } due || due < today || due > limit)
                {
                    continue;
                }

                var code = period.ToString();
                var submitted = await db.Reports.AnyAsync(r => r.Period == code && (party.AgencyId != null ? r.AgencyId == party.AgencyId : r.RegionCode == party.RegionCode), ct);
                if (submitted || await db.SentReminders.AnyAsync(r => r.Kind == ReportDueKind && r.Subject == subject && r.DueDate == due, ct))
                {
                    continue;
                }

                db.SentReminders.Add(new SentReminder { Kind = ReportDueKind, Subject = subject, DueDate = due, CreatedAt = now });
                await AgencyEvents.RaiseAsync(db, new Party(party.AgencyId, party.RegionCode), NotificationKind.ReportDue, null, null, new Dictionary<string, string?>
                {
                    ["period"] = code,
                    ["scope"] = subject,
                    ["dueDate"] = due.ToString("yyyy-MM-dd"),
                }, now, ct);
                await db.SaveChangesAsync(ct);
                raised++;
            }
        }

        db.ChangeTracker.Clear();
        return raised;
    }
}
