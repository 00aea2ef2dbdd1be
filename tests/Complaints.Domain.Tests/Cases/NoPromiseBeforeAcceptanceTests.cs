using System.Reflection;
using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class NoPromiseBeforeAcceptanceTests
{
    [Theory]
    [InlineData(ComplaintStatus.PendingReferral)]
    [InlineData(ComplaintStatus.PendingAcceptance)]
    public void No_finding_can_be_recorded_before_acceptance_第九条(ComplaintStatus status)
    {
        var complaint = In(status);

        var error = complaint.Conclude(Weekdays, Finding.Substantiated, "会给您退费", "处分工作人员", Agency, Later)
            .ShouldFailWith(ComplaintErrors.InvalidTransition);

        Assert.Null(complaint.Finding);
        Assert.Null(complaint.Result);
        Assert.Null(complaint.Measures);
        Assert.Equal(status, complaint.Status);
        Assert.Contains(status.ChineseName(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_sets_no_outcome_either_第九条()
    {
        var complaint = InHandling();

        Assert.Null(complaint.Finding);
        Assert.Null(complaint.Result);
        Assert.False(complaint.IsInvalidComplaint);
    }

    [Fact]
    public void The_outcome_has_no_public_setter_and_only_conclusion_takes_a_finding_第九条()
    {
        string[] outcome = [nameof(Complaint.Finding), nameof(Complaint.Result), nameof(Complaint.Measures), nameof(Complaint.IsInvalidComplaint)];
        foreach (var name in outcome)
        {
            var setter = typeof(Complaint).GetProperty(name)!.SetMethod;
            Assert.True(setter is null || !setter.IsPublic, $"{name} has a public setter");
        }

        var takingAFinding = typeof(Complaint)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(Finding) || p.ParameterType == typeof(Finding?)))
            .Select(m => m.Name);
        Assert.Equal([nameof(Complaint.Conclude)], takingAFinding);
    }
}
