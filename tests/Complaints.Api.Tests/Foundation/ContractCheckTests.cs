using System.Text;
using Complaints.Api.Tests.Infrastructure;

namespace Complaints.Api.Tests.Foundation;

/// <summary>
/// The response-against-schema check that every API test runs through (<see cref="ContractCheck"/>) is strict:
/// these prove it refuses what a generated client could not read.
/// </summary>
public sealed class ContractCheckTests
{
    private static string? Lookup(string body) =>
        ContractCheck.Default.Check("POST", "/api/v1/complaints/lookup", 200, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(body));

    private const string Deadlines = """{"extended":false,"provisional":false,"overdue":false}""";

    [Fact]
    public void Accepts_a_body_that_matches_the_schema()
    {
        Assert.Null(Lookup($$"""{"trackingNumber":"T1","status":"pending_referral","deadlines":{{Deadlines}},"timeline":[]}"""));
    }

    [Fact]
    public void Refuses_a_missing_required_property()
    {
        Assert.NotNull(Lookup($$"""{"status":"pending_referral","deadlines":{{Deadlines}},"timeline":[]}"""));
    }

    [Fact]
    public void Refuses_a_wrong_type()
    {
        Assert.NotNull(Lookup($$"""{"trackingNumber":12,"status":"pending_referral","deadlines":{{Deadlines}},"timeline":[]}"""));
    }

    [Fact]
    public void Refuses_an_undeclared_property_even_nested()
    {
        Assert.NotNull(Lookup($$"""{"trackingNumber":"T1","status":"pending_referral","deadlines":{{Deadlines}},"timeline":[],"secret":1}"""));
        Assert.NotNull(Lookup("""{"trackingNumber":"T1","status":"pending_referral","deadlines":{"extended":false,"provisional":false,"overdue":false,"x":1},"timeline":[]}"""));
    }

    [Fact]
    public void Refuses_null_for_an_optional_property()
    {
        Assert.NotNull(Lookup($$"""{"trackingNumber":"T1","status":"pending_referral","classification":null,"deadlines":{{Deadlines}},"timeline":[]}"""));
    }

    [Fact]
    public void Refuses_an_unknown_enum_value_and_a_bad_date()
    {
        Assert.NotNull(Lookup($$"""{"trackingNumber":"T1","status":"lost","deadlines":{{Deadlines}},"timeline":[]}"""));
        Assert.NotNull(Lookup("""{"trackingNumber":"T1","status":"pending_referral","deadlines":{"handlingDue":"tomorrow","extended":false,"provisional":false,"overdue":false},"timeline":[]}"""));
    }

    [Fact]
    public void Refuses_a_status_or_media_type_the_operation_does_not_declare()
    {
        Assert.NotNull(ContractCheck.Default.Check("POST", "/api/v1/complaints/lookup", 418, "application/problem+json", Encoding.UTF8.GetBytes("{}")));
        Assert.NotNull(ContractCheck.Default.Check("POST", "/api/v1/complaints/lookup", 200, "text/plain", Encoding.UTF8.GetBytes("hi")));
    }

    [Fact]
    public void Refuses_a_problem_without_its_code()
    {
        Assert.NotNull(ContractCheck.Default.Check("POST", "/api/v1/complaints/lookup", 404, "application/problem+json",
            Encoding.UTF8.GetBytes("""{"type":"about:blank","title":"x","status":404,"traceId":"t"}""")));
    }

    [Fact]
    public void Names_the_contract_path_of_a_route()
    {
        Assert.Equal("/api/v1/cases/{id}/referral", ContractCheck.ContractPath("/api/v1/cases/{id:guid}/referral"));
        Assert.Equal("/api/v1/calendar/{year}", ContractCheck.ContractPath("api/v1/calendar/{year:int}"));
    }
}
