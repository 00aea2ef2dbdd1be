using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class SatisfactionAndRevisitTests
{
    [Fact]
    public void The_complainant_rates_the_result_after_conclusion_第十六条()
    {
        var complaint = Concluded();

        complaint.RateSatisfaction(SatisfactionRating.BasicallySatisfied, "处理及时", Citizen, Later).ShouldSucceed();

        Assert.Equal(SatisfactionRating.BasicallySatisfied, complaint.ComplainantRating);
        Assert.Equal("处理及时", complaint.ComplainantComment);
        Assert.Equal(Later, complaint.RatedAt);
        Assert.Equal(SatisfactionRating.BasicallySatisfied, complaint.Satisfaction);
        Assert.Equal(ComplaintStatus.Concluded, complaint.Status);
        Assert.Equal("basically_satisfied", complaint.Timeline[^1].Details["rating"]);
    }

    [Fact]
    public void The_complainant_rates_only_once_第十六条()
    {
        var complaint = Concluded();
        complaint.RateSatisfaction(SatisfactionRating.Dissatisfied, null, Citizen, Later).ShouldSucceed();

        var error = complaint.RateSatisfaction(SatisfactionRating.VerySatisfied, null, Citizen, Later.AddDays(1)).ShouldFailWith(ComplaintErrors.AlreadyRated);

        Assert.Equal(SatisfactionRating.Dissatisfied, complaint.ComplainantRating);
        Assert.Equal("rating", error.Field);
    }

    [Fact]
    public void Only_the_complainant_rates_第十六条()
    {
        Concluded().RateSatisfaction(SatisfactionRating.VerySatisfied, null, OtherCitizen, Later).ShouldFailWith(ComplaintErrors.NotComplainant);
        Concluded().RateSatisfaction(SatisfactionRating.VerySatisfied, null, Agency, Later).ShouldFailWith(ComplaintErrors.NotComplainant);
    }

    [Fact]
    public void Staff_record_a_revisit_with_its_method_and_rating_第十六条()
    {
        var complaint = Concluded();

        var revisit = complaint.RecordRevisit(RevisitMethod.Phone, SatisfactionRating.Satisfied, "电话回访", Agency, Later).ShouldSucceed();

        Assert.Equal(1, revisit.Number);
        Assert.Equal(RevisitMethod.Phone, revisit.Method);
        Assert.Equal(SatisfactionRating.Satisfied, revisit.Rating);
        Assert.Equal("agency-a-1", revisit.RecordedByUserId);
        Assert.Equal(SatisfactionRating.Satisfied, complaint.Satisfaction);
        Assert.Null(complaint.ComplainantRating);
    }

    [Fact]
    public void A_revisit_never_overwrites_the_complainant_s_own_rating_第十六条()
    {
        var complaint = Concluded();
        complaint.RateSatisfaction(SatisfactionRating.VeryDissatisfied, "态度没改", Citizen, Later).ShouldSucceed();

        complaint.RecordRevisit(RevisitMethod.Visit, SatisfactionRating.VerySatisfied, null, Agency, Later.AddDays(1)).ShouldSucceed();

        Assert.Equal(SatisfactionRating.VeryDissatisfied, complaint.ComplainantRating);
        Assert.Equal(SatisfactionRating.VeryDissatisfied, complaint.Satisfaction);
        Assert.Equal(SatisfactionRating.VerySatisfied, Assert.Single(complaint.Revisits).Rating);
    }

    [Fact]
    public void Without_a_complainant_rating_the_latest_revisit_counts_第十六条()
    {
        var complaint = Concluded();
        complaint.RecordRevisit(RevisitMethod.Sms, SatisfactionRating.Dissatisfied, null, Agency, Later).ShouldSucceed();
        complaint.RecordRevisit(RevisitMethod.Phone, SatisfactionRating.Satisfied, null, Hotline, Later.AddDays(2)).ShouldSucceed();

        Assert.Equal(SatisfactionRating.Satisfied, complaint.Satisfaction);
        Assert.Equal([1, 2], complaint.Revisits.Select(r => r.Number));
    }

    [Fact]
    public void A_complainant_may_still_rate_after_a_revisit_and_then_their_rating_counts_第十六条()
    {
        var complaint = Concluded();
        complaint.RecordRevisit(RevisitMethod.Phone, SatisfactionRating.Satisfied, null, Management, Later).ShouldSucceed();

        complaint.RateSatisfaction(SatisfactionRating.Dissatisfied, null, Citizen, Later.AddDays(1)).ShouldSucceed();

        Assert.Equal(SatisfactionRating.Dissatisfied, complaint.Satisfaction);
    }

    [Fact]
    public void An_uninvolved_agency_does_not_revisit()
    {
        Concluded().RecordRevisit(RevisitMethod.Phone, SatisfactionRating.Satisfied, null, AgencyBStaff, Later).ShouldFailWith(ComplaintErrors.NotHandlingAgency);
    }

    [Fact]
    public void Undefined_ratings_are_refused()
    {
        Assert.Equal("rating", Concluded().RateSatisfaction((SatisfactionRating)7, null, Citizen, Later).ShouldFailWith(ComplaintErrors.InvalidValue).Field);
        Assert.Equal("method", Concluded().RecordRevisit((RevisitMethod)7, SatisfactionRating.Satisfied, null, Agency, Later).ShouldFailWith(ComplaintErrors.InvalidValue).Field);
    }
}
