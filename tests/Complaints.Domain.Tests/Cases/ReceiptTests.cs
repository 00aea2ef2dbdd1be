using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

public class ReceiptTests
{
    private static Result<Complaint> Receive(ComplaintSubmission submission, ReceivingParty? receivedBy = null, Actor? actor = null) =>
        Complaint.Receive(Guid.NewGuid(), "YN202603020001", "hash", submission, receivedBy ?? ReceivingParty.ManagementDepartment(Region), actor ?? Citizen, ReceivedAt);

    [Fact]
    public void A_complaint_received_by_a_management_department_waits_for_referral_第十条()
    {
        var complaint = Receive(Submission()).ShouldSucceed();

        Assert.Equal(ComplaintStatus.PendingReferral, complaint.Status);
        Assert.Equal(Region, complaint.ReceivingRegionCode);
        Assert.Null(complaint.AssignedAgencyId);
        Assert.Equal(ReceivedAt, complaint.ReceivedAt);
        Assert.Equal("citizen-1", complaint.ComplainantUserId);
    }

    [Fact]
    public void A_complaint_registered_by_the_agency_complained_about_waits_for_its_decision_第四条()
    {
        var complaint = Receive(Submission(Channel.InPerson), ReceivingParty.Agency(AgencyA), Agency).ShouldSucceed();

        Assert.Equal(ComplaintStatus.PendingAcceptance, complaint.Status);
        Assert.Equal(AgencyA, complaint.HandlingAgencyId);
        Assert.Equal(ReceivedAt, complaint.AgencyReceivedAt);
        Assert.Null(complaint.ComplainantUserId);
    }

    [Fact]
    public void An_agency_may_not_register_a_complaint_about_another_agency_第四条()
    {
        var error = Receive(Submission(Channel.InPerson, respondent: AgencyB), ReceivingParty.Agency(AgencyA), Agency)
            .ShouldFailWith(ComplaintErrors.ReceivingAgencyNotRespondent);

        Assert.Equal("respondent.agencyId", error.Field);
    }

    [Fact]
    public void A_complaint_received_before_2022_07_10_cannot_be_registered_under_the_办法_第十九条()
    {
        var before = Complaint.Receive(Guid.NewGuid(), "YN202207090001", "hash", Submission(), ReceivingParty.ManagementDepartment(Region), Citizen, Cst(2022, 7, 9, 23, 59))
            .ShouldFailWith(ComplaintErrors.BeforeRegulation);
        Assert.Equal("第十九条", before.Article);

        var first = Complaint.Receive(Guid.NewGuid(), "YN202207100001", "hash", Submission(), ReceivingParty.ManagementDepartment(Region), Citizen, Cst(2022, 7, 10, 0))
            .ShouldSucceed();
        Assert.Equal(ComplaintStatus.PendingReferral, first.Status);
    }

    [Fact]
    public void An_agency_registers_only_as_itself()
    {
        Receive(Submission(Channel.InPerson), ReceivingParty.Agency(AgencyA), AgencyBStaff).ShouldFailWith(ComplaintErrors.NotPermitted);
    }

    [Fact]
    public void Receipt_records_the_materials_of_the_complaint_第七条()
    {
        var evidence = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var submission = Submission() with { Request = "  请求  ", Facts = " 事实 ", EvidenceIds = evidence, Confidential = true };

        var complaint = Receive(submission).ShouldSucceed();

        Assert.Equal("请求", complaint.Request);
        Assert.Equal("事实", complaint.Facts);
        Assert.Equal(evidence, complaint.EvidenceIds);
        Assert.True(complaint.Confidential);
        Assert.Equal(AgencyA, complaint.Respondent.AgencyId);
        Assert.Equal("12", complaint.Respondent.WindowNumber);
        Assert.Equal("不动产登记", complaint.ServiceItem.Name);
        Assert.Equal(Channel.OnlineApp, complaint.Channel);
    }

    public static TheoryData<string?> Blanks => new() { null, "", "   " };

    [Theory]
    [MemberData(nameof(Blanks))]
    public void A_specific_request_is_required_第七条(string? request)
    {
        var error = Receive(Submission() with { Request = request }).ShouldFailWith(ComplaintErrors.RequestRequired);

        Assert.Equal("request", error.Field);
        Assert.Equal("第七条", error.Article);
    }

    [Theory]
    [MemberData(nameof(Blanks))]
    public void Facts_and_reasons_are_required_第七条(string? facts)
    {
        var error = Receive(Submission() with { Facts = facts }).ShouldFailWith(ComplaintErrors.FactsRequired);

        Assert.Equal("facts", error.Field);
    }

    [Fact]
    public void An_overlong_request_is_refused()
    {
        var error = Receive(Submission() with { Request = new string('请', ComplaintLimits.RequestMaxLength + 1) }).ShouldFailWith(ComplaintErrors.TooLong);

        Assert.Equal("request", error.Field);
    }

    [Fact]
    public void An_overlong_account_of_the_facts_is_refused()
    {
        var error = Receive(Submission() with { Facts = new string('事', ComplaintLimits.FactsMaxLength + 1) }).ShouldFailWith(ComplaintErrors.TooLong);

        Assert.Equal("facts", error.Field);
    }

    [Fact]
    public void A_respondent_agency_is_required_at_creation_第七条()
    {
        var missing = Receive(Submission() with { Respondent = null }).ShouldFailWith(ComplaintErrors.RespondentRequired);
        var empty = Receive(Submission() with { Respondent = new Respondent(Guid.Empty) }).ShouldFailWith(ComplaintErrors.RespondentRequired);

        Assert.Equal("respondent.agencyId", missing.Field);
        Assert.Equal("respondent.agencyId", empty.Field);
    }

    [Fact]
    public void At_most_nine_pieces_of_evidence_are_attached_第七条()
    {
        var nine = Enumerable.Range(0, 9).Select(_ => Guid.NewGuid()).ToList();
        var ten = nine.Append(Guid.NewGuid()).ToList();

        Receive(Submission() with { EvidenceIds = nine }).ShouldSucceed();
        var error = Receive(Submission() with { EvidenceIds = ten }).ShouldFailWith(ComplaintErrors.TooManyEvidence);

        Assert.Equal("evidenceIds", error.Field);
    }

    [Fact]
    public void The_same_evidence_is_not_attached_twice()
    {
        var id = Guid.NewGuid();

        Receive(Submission() with { EvidenceIds = [id, id] }).ShouldFailWith(ComplaintErrors.DuplicateEvidence);
    }

    [Fact]
    public void A_complaint_without_evidence_is_received()
    {
        var complaint = Receive(Submission() with { EvidenceIds = null }).ShouldSucceed();

        Assert.Empty(complaint.EvidenceIds);
    }

    [Theory]
    [MemberData(nameof(Blanks))]
    public void The_complainant_name_is_required_第七条(string? name)
    {
        var error = Receive(Submission() with { Complainant = Person() with { Name = name! } }).ShouldFailWith(ComplaintErrors.NameRequired);

        Assert.Equal("complainant.name", error.Field);
    }

    [Fact]
    public void The_complainant_is_required_第七条()
    {
        Receive(Submission() with { Complainant = null }).ShouldFailWith(ComplaintErrors.ComplainantRequired);
    }

    [Fact]
    public void The_service_item_name_is_required_第二条()
    {
        var error = Receive(Submission() with { ServiceItem = new ServiceItem(" ") }).ShouldFailWith(ComplaintErrors.ServiceItemRequired);

        Assert.Equal("serviceItem.name", error.Field);
    }

    [Fact]
    public void An_organisation_is_identified_by_its_credit_code_第七条()
    {
        var organisation = Person() with { Type = ComplainantType.Organization };

        var error = Receive(Submission() with { Complainant = organisation }).ShouldFailWith(ComplaintErrors.IdTypeMismatch);

        Assert.Equal("complainant.idType", error.Field);
        Receive(Submission() with { Complainant = organisation with { IdType = IdType.Uscc } }).ShouldSucceed();
    }

    [Fact]
    public void A_person_may_complain_with_any_personal_document_but_not_a_credit_code_第七条()
    {
        foreach (var type in new[] { IdType.HkMacaoPermit, IdType.TaiwanPermit, IdType.ResidencePermit, IdType.ForeignResident, IdType.Passport })
        {
            Receive(Submission() with { Complainant = Person() with { IdType = type } }).ShouldSucceed();
        }

        var error = Receive(Submission() with { Complainant = Person() with { IdType = IdType.Uscc } }).ShouldFailWith(ComplaintErrors.IdTypeMismatch);
        Assert.Equal("complainant.idType", error.Field);
        var organisation = Person() with { Type = ComplainantType.Organization, IdType = IdType.Passport };
        Receive(Submission() with { Complainant = organisation }).ShouldFailWith(ComplaintErrors.IdTypeMismatch);
    }

    [Fact]
    public void A_notice_by_post_needs_a_contact_address_第七条_第十一条()
    {
        var error = Receive(Submission() with { NoticeByPost = true }).ShouldFailWith(ComplaintErrors.Required);
        Assert.Equal("contactAddress", error.Field);

        var complaint = Receive(Submission() with { NoticeByPost = true, Complainant = Person() with { Address = "昆明市五华区东风西路1号" } }).ShouldSucceed();
        Assert.True(complaint.NoticeByPost);

        var byStaff = Receive(Submission(Channel.InPerson) with { NoticeByPost = true }, ReceivingParty.Agency(AgencyA), Agency).ShouldFailWith(ComplaintErrors.Required);
        Assert.Equal("complainant.address", byStaff.Field);
    }

    [Fact]
    public void Online_complaints_must_be_real_name_第七条()
    {
        var error = Receive(Submission() with { Complainant = Person(realNameVerified: false) }).ShouldFailWith(ComplaintErrors.RealNameRequired);

        Assert.Equal("complainant", error.Field);
    }

    [Fact]
    public void A_caller_who_declines_to_give_an_id_number_is_still_registered_by_staff_第七条()
    {
        var anonymousCaller = new ComplainantSnapshot(ComplainantType.Person, "enc:王先生", null, null, "enc:139", null, RealNameVerified: false);

        var complaint = Receive(Submission(Channel.Phone12345) with { Complainant = anonymousCaller }, actor: Hotline).ShouldSucceed();

        Assert.False(complaint.Complainant.RealNameVerified);
        Assert.Equal(ComplaintStatus.PendingReferral, complaint.Status);
    }

    [Fact]
    public void Online_channels_are_submitted_by_the_complainant_themselves_第六条()
    {
        var error = Receive(Submission(Channel.OnlinePortal), actor: Hotline).ShouldFailWith(ComplaintErrors.ChannelNotAllowed);

        Assert.Equal("channel", error.Field);
    }

    [Theory]
    [InlineData(Channel.InPerson)]
    [InlineData(Channel.Phone12345)]
    [InlineData(Channel.PhoneHotline)]
    [InlineData(Channel.Email)]
    [InlineData(Channel.Letter)]
    [InlineData(Channel.SuggestionBox)]
    public void Offline_channels_are_registered_by_staff_第六条(Channel channel)
    {
        Receive(Submission(channel), actor: Citizen).ShouldFailWith(ComplaintErrors.ChannelNotAllowed);
        Receive(Submission(channel), actor: Management).ShouldSucceed();
    }

    [Fact]
    public void Receipt_opens_the_timeline()
    {
        var complaint = Receive(Submission()).ShouldSucceed();

        var entry = Assert.Single(complaint.Timeline);
        Assert.Equal(TimelineEventKind.Received, entry.Kind);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal("第六条", entry.Article);
        Assert.Equal("online_app", entry.Details["channel"]);
        Assert.Equal($"region:{Region}", entry.Details["receivedBy"]);
    }

    [Fact]
    public void Programming_errors_in_system_generated_values_throw()
    {
        Assert.Throws<ArgumentException>(() => Complaint.Receive(Guid.Empty, "T", "h", Submission(), ReceivingParty.ManagementDepartment(Region), Citizen, ReceivedAt));
        Assert.Throws<ArgumentException>(() => Complaint.Receive(Guid.NewGuid(), " ", "h", Submission(), ReceivingParty.ManagementDepartment(Region), Citizen, ReceivedAt));
        Assert.Throws<ArgumentException>(() => ReceivingParty.ManagementDepartment("5301"));
    }
}
