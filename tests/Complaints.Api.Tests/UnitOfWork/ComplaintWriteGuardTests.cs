using Complaints.Api.Audit;
using Complaints.Api.Complaints;
using Complaints.Api.Persistence;
using Complaints.Api.Tests.Infrastructure;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.UnitOfWork;

/// <summary>
/// #15 item 1, "a test fails when a handler saves a complaint another way": the save itself refuses (Persistence/
/// ComplaintWriteGuard) anything of a complaint that does not come through <see cref="ComplaintChange"/> and the unit of
/// work, and nothing of it is stored. Each test below is a handler doing it another way.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ComplaintWriteGuardTests(AppFixture app)
{
    private static readonly Actor Department = Actor.ForManagement("management-staff-zhou-tao", "530102");

    [Fact]
    public async Task A_complaint_saved_by_SaveChanges_is_refused_and_nothing_is_stored()
    {
        var (scope, db, complaint) = await LoadAsync();
        await using (scope)
        {
            var change = ComplaintChange.Begin(complaint);
            Refer(scope, complaint);
            await change.StageAsync(db, scope.ServiceProvider.GetRequiredService<AuditTrail>(), Calendar(scope), OnePath.Setup, Now, CancellationToken.None);

            await Assert.ThrowsAsync<ComplaintSavedAnotherWayException>(() => db.SaveChangesAsync());
        }

        await AssertUnchangedAsync(complaint.Id);
    }

    [Fact]
    public async Task A_complaint_saved_by_the_unit_of_work_without_its_change_being_staged_is_refused()
    {
        var (scope, db, complaint) = await LoadAsync();
        await using (scope)
        {
            Refer(scope, complaint); // no ComplaintChange: no audit line, no agency event

            await Assert.ThrowsAsync<ComplaintSavedAnotherWayException>(() => scope.ServiceProvider.GetRequiredService<global::Complaints.Api.Persistence.UnitOfWork>().SaveAsync(CancellationToken.None));
        }

        await AssertUnchangedAsync(complaint.Id);
    }

    [Fact]
    public async Task A_domain_call_made_after_the_change_was_staged_is_refused()
    {
        var (scope, db, complaint) = await LoadAsync();
        await using (scope)
        {
            var change = ComplaintChange.Begin(complaint);
            Refer(scope, complaint);
            await change.StageAsync(db, scope.ServiceProvider.GetRequiredService<AuditTrail>(), Calendar(scope), OnePath.Setup, Now, CancellationToken.None);
            Assert.True(complaint.Accept(Calendar(scope), Classification.Offsite, Actor.ForAgency("agency-staff-zhao-qiang", ComplaintBodies.WuhuaMarket), Now).IsSuccess);

            await Assert.ThrowsAsync<ComplaintSavedAnotherWayException>(() => ComplaintStore.TrySaveStagedAsync(scope.ServiceProvider.GetRequiredService<global::Complaints.Api.Persistence.UnitOfWork>(), CancellationToken.None));
        }

        await AssertUnchangedAsync(complaint.Id);
    }

    [Fact]
    public async Task A_row_owned_by_a_complaint_changed_on_its_own_is_refused()
    {
        var (scope, db, complaint) = await LoadAsync();
        await using (scope)
        {
            // The complainant's identity (its own table), changed behind the aggregate's back.
            db.Entry(complaint).Reference(c => c.Complainant).TargetEntry!.Property("PhoneMasked").CurrentValue = "138****0000";

            await Assert.ThrowsAsync<ComplaintSavedAnotherWayException>(() => db.SaveChangesAsync());
            await Assert.ThrowsAsync<ComplaintSavedAnotherWayException>(() => scope.ServiceProvider.GetRequiredService<global::Complaints.Api.Persistence.UnitOfWork>().SaveAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task The_one_path_saves_the_change_with_its_audit_line()
    {
        var (scope, _, complaint) = await LoadAsync();
        await using (scope)
        {
            var change = ComplaintChange.Begin(complaint);
            Refer(scope, complaint);
            Assert.True(await OnePath.SaveAsync(scope.ServiceProvider, change, Now));
        }

        await using var check = app.Host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Equal(ComplaintStatus.PendingAcceptance, await db.Complaints.Where(c => c.Id == complaint.Id).Select(c => c.Status).SingleAsync());
        Assert.Contains("case.referred", await db.AuditEntries.Where(e => e.CaseId == complaint.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task A_merge_changes_its_target_through_the_one_path_too_第十三条()
    {
        // Before the guard, the target of a merge had its version bumped by hand: its MergedInto event had no audit line.
        var flow = new CaseFlow(app.Host);
        var (from, into) = (await flow.SubmitOnlineAsync(), await flow.SubmitOnlineAsync());
        await flow.ActAsync("management_staff", from, "referral", new { agencyId = flow.Agency });
        await flow.ActAsync("management_staff", into, "referral", new { agencyId = flow.Agency });
        await flow.ActAsync("management_staff", from, "merge", new { intoCaseId = into });

        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Contains("case.merged_into", await db.AuditEntries.Where(e => e.CaseId == into).Select(e => e.Action).ToListAsync());
        Assert.Contains("case.merged", await db.AuditEntries.Where(e => e.CaseId == from).Select(e => e.Action).ToListAsync());
    }

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private static IWorkingDayCalendar Calendar(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>();

    private void Refer(AsyncServiceScope scope, Complaint complaint) =>
        Assert.True(complaint.Refer(Calendar(scope), ComplaintBodies.WuhuaMarket, null, Department, Now).IsSuccess);

    private async Task<(AsyncServiceScope Scope, ComplaintsDbContext Db, Complaint Complaint)> LoadAsync()
    {
        var id = await new CaseFlow(app.Host).SubmitOnlineAsync();
        var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        return (scope, db, await db.Complaints.AsSplitQuery().SingleAsync(c => c.Id == id));
    }

    private async Task AssertUnchangedAsync(Guid id)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        Assert.Equal(ComplaintStatus.PendingReferral, await db.Complaints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());
        Assert.DoesNotContain("case.referred", await db.AuditEntries.Where(e => e.CaseId == id).Select(e => e.Action).ToListAsync());
    }
}
