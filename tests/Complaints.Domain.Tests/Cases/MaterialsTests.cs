using Complaints.Domain.Cases;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

/// <summary>补充材料: the complainant adds supporting evidence while the complaint is open (第七条).</summary>
public class MaterialsTests
{
    [Theory]
    [InlineData(ComplaintStatus.PendingReferral)]
    [InlineData(ComplaintStatus.PendingAcceptance)]
    [InlineData(ComplaintStatus.InHandling)]
    public void The_complainant_adds_materials_to_an_open_complaint_第七条(ComplaintStatus status)
    {
        var complaint = In(status);
        var before = complaint.EvidenceIds.Count;
        var added = new[] { Guid.NewGuid(), Guid.NewGuid() };

        complaint.AddMaterials(added, Citizen, Later).ShouldSucceed();

        Assert.Equal(before + 2, complaint.EvidenceIds.Count);
        Assert.Equal(added, complaint.EvidenceIds.TakeLast(2));
        Assert.Equal(TimelineEventKind.MaterialsAdded, complaint.Timeline[^1].Kind);
        Assert.Equal("2", complaint.Timeline[^1].Details["count"]);
    }

    [Theory]
    [InlineData(ComplaintStatus.Concluded)]
    [InlineData(ComplaintStatus.NotAccepted)]
    [InlineData(ComplaintStatus.Merged)]
    [InlineData(ComplaintStatus.Withdrawn)]
    public void No_materials_are_added_once_the_complaint_is_closed(ComplaintStatus status)
    {
        In(status).AddMaterials([Guid.NewGuid()], Citizen, Later).ShouldFailWith(ComplaintErrors.InvalidTransition);
    }

    [Fact]
    public void Only_the_complainant_adds_materials()
    {
        Referred().AddMaterials([Guid.NewGuid()], OtherCitizen, Later).ShouldFailWith(ComplaintErrors.NotComplainant);
        Referred().AddMaterials([Guid.NewGuid()], Agency, Later).ShouldFailWith(ComplaintErrors.NotComplainant);
    }

    [Fact]
    public void Nothing_to_add_is_refused_naming_the_field()
    {
        Assert.Equal("evidenceIds", Referred().AddMaterials([], Citizen, Later).ShouldFailWith(ComplaintErrors.Required).Field);
    }

    [Fact]
    public void The_files_of_a_complaint_stay_within_the_limit_and_each_is_attached_once_第七条()
    {
        var complaint = Referred();
        var already = complaint.EvidenceIds[0];
        complaint.AddMaterials([already], Citizen, Later).ShouldFailWith(ComplaintErrors.DuplicateEvidence);
        complaint.AddMaterials([.. Enumerable.Range(0, ComplaintLimits.MaxEvidence).Select(_ => Guid.NewGuid())], Citizen, Later)
            .ShouldFailWith(ComplaintErrors.TooManyEvidence);
        complaint.AddMaterials([.. Enumerable.Range(0, ComplaintLimits.MaxEvidence - complaint.EvidenceIds.Count).Select(_ => Guid.NewGuid())], Citizen, Later)
            .ShouldSucceed();
    }
}
