using Complaints.Api.Auth;
using Complaints.Api.Docs;
using Complaints.Api.Idempotency;
using Complaints.Api.Infrastructure;

namespace Complaints.Api.Complaints;

/// <summary>api.md "Complainant side".</summary>
public static class ComplaintsEndpoints
{
    public static IEndpointRouteBuilder MapComplaints(this IEndpointRouteBuilder app)
    {
        var complaints = app.MapGroup("/api/v1/complaints").WithTags("Complaints");

        complaints.MapPost("/", SubmitComplaint.Handle)
            .RequireAuthorization(Policies.Authenticated)
            .SpendsBudget(RateLimits.Submission)
            .WithIdempotency(groupCommitWhen: SubmitComplaint.GroupCommits)
            .WithAuthProblems()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SubmitComplaint")
            .WithSummary("Submit a complaint (online, by the complainant) or register one (offline channels, by staff).")
            .WithDescription("Citizens and enterprises use online channels; their identity comes from the token. Staff register the other channels "
                + "with the complainant's data. Returns the tracking number and, once only, the query code. Honours `Idempotency-Key`.");

        complaints.MapPost("/lookup", LookupComplaint.Handle)
            .AllowAnonymous()
            .SpendsBudget(RateLimits.Lookup)
            .WithStandardProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("LookupComplaint")
            .WithSummary("Public status of a complaint by tracking number and query code; no personal data.");

        complaints.MapPost("/{id:guid}/satisfaction", ComplainantActions.RateSatisfaction)
            .RequireAuthorization(Policies.Complainant)
            .WithAuthProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RateSatisfaction")
            .WithSummary("Rate the result of one's own concluded complaint on the five-level 好差评 scale, once (第十六条).");

        complaints.MapPost("/{id:guid}/withdrawal", ComplainantActions.Withdraw)
            .RequireAuthorization(Policies.Complainant)
            .WithAuthProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("WithdrawComplaint")
            .WithSummary("Withdraw one's own complaint before it is concluded.");

        var mine = app.MapGroup("/api/v1/me/complaints").WithTags("Complaints").RequireAuthorization(Policies.Complainant).WithAuthProblems();
        mine.MapGet("/", MyComplaints.List).WithName("ListMyComplaints").WithSummary("The caller's own complaints, newest first (cursor pagination).");
        mine.MapGet("/{id:guid}", MyComplaints.Get).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMyComplaint").WithSummary("One of the caller's own complaints with its deadlines, timeline and result.");
        mine.MapPost("/{id:guid}/evidence", ComplainantActions.AddMaterials).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("AddMaterials")
            .WithSummary("补充材料: attach more of one's own uploads (POST /api/v1/evidence first) while the complaint is open, at most 9 files in all (第七条).");
        return app;
    }
}
