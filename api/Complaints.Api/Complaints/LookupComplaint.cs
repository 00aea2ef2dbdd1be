using Complaints.Api.Infrastructure;
using Complaints.Api.Persistence;
using Complaints.Domain.Calendar;
using Complaints.Domain.Tracking;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Complaints;

public sealed record LookupRequest(string? TrackingNumber, string? QueryCode);

/// <summary>Public status by tracking number and query code (api.md); no personal data.</summary>
public static class LookupComplaint
{
    public static async Task<Results<Ok<PublicStatusView>, ProblemHttpResult>> Handle(
        LookupRequest request, ComplaintsDbContext db, IWorkingDayCalendar calendar, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.TrackingNumber))
        {
            return ProblemHandling.Validation("trackingNumber", "缺少投诉编号。");
        }

        if (string.IsNullOrWhiteSpace(request.QueryCode))
        {
            return ProblemHandling.Validation("queryCode", "缺少查询码。");
        }

        var number = request.TrackingNumber.Trim().ToUpperInvariant();
        var complaint = await db.Complaints.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(c => c.TrackingNumber == number, ct);

        // An unknown number and a wrong code answer alike, so the answer does not confirm that a number exists.
        if (complaint is null || !QueryCode.Verify(number, request.QueryCode.Trim(), complaint.QueryCodeHash))
        {
            return NotFound();
        }

        return TypedResults.Ok(complaint.ToPublicStatus(calendar, clock.GetUtcNow()));
    }

    private static ProblemHttpResult NotFound() =>
        ProblemHandling.Problem(StatusCodes.Status404NotFound, "complaint.not_found", "未找到与投诉编号和查询码相符的投诉。");
}
