using Complaints.Api.Audit;
using Complaints.Api.Auth;
using Complaints.Api.Complaints;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>
/// Test data changed the way a handler changes a complaint (<see cref="ComplaintChange"/>): the domain call made between
/// <see cref="ComplaintChange.Begin"/> and this save, its audit lines and notices derived from its events, saved by the unit of work.
/// </summary>
public static class OnePath
{
    /// <summary>Who the audit lines of test set-up name.</summary>
    public static readonly Caller Setup = new("test-setup", "system", null, null);

    public static async Task<bool> SaveAsync(IServiceProvider services, ComplaintChange change, DateTimeOffset now)
    {
        await change.StageAsync(services.GetRequiredService<ComplaintsDbContext>(), services.GetRequiredService<AuditTrail>(),
            services.GetRequiredService<IWorkingDayCalendar>(), Setup, now, CancellationToken.None);
        return await ComplaintStore.TrySaveStagedAsync(services.GetRequiredService<global::Complaints.Api.Persistence.UnitOfWork>(), CancellationToken.None);
    }
}
