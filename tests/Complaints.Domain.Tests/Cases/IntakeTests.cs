using Complaints.Domain.Cases;
using Complaints.Domain.Common;
using Complaints.Domain.Tracking;
using static Complaints.Domain.Tests.Cases.Given;

namespace Complaints.Domain.Tests.Cases;

/// <summary>Intake: who may register a complaint, with which identity, and who receives it (第四、五、六、七条).</summary>
public class IntakeTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);
    private const string IdNumber = "53010219880119123X";

    private static RealNameClaims Token(string? idNumber = IdNumber, string? idType = null, string? phone = "13812345678") =>
        new(ComplainantType.Person, "张三", idNumber, phone, idType);

    private static ComplainantParticulars Registered(string? idNumber = null, string? phone = "13812345678", string? address = null, IdType? idType = null,
        ComplainantType type = ComplainantType.Person) =>
        new(type, "李明", idNumber, phone, address, idType);

    [Fact]
    public void An_online_complainants_identity_is_the_real_name_tokens_never_the_requests_第七条()
    {
        var identified = Intake.Identify(Citizen, Token(), null, "昆明市五华区人民中路1号", Today).ShouldSucceed();

        Assert.Equal("张三", identified.Name);
        Assert.True(identified.RealNameVerified);
        Assert.Equal(IdType.ResidentId, identified.Document!.Type);
        Assert.Equal("昆明市五华区人民中路1号", identified.Address);

        var refused = Intake.Identify(Citizen, Token(), Registered(), null, Today).ShouldFailWith(FieldErrors.Code);
        Assert.Equal("complainant", refused.Field);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(IdNumber, "no_such_document")]
    public void An_online_complaint_needs_a_token_with_a_valid_real_name_document_第七条(string? idNumber, string? idType)
    {
        var error = Intake.Identify(Citizen, Token(idNumber, idType), null, null, Today).ShouldFailWith(ComplaintErrors.RealNameRequired);

        Assert.Equal("token", error.Field);
        Assert.Equal("第七条", error.Article);
    }

    [Fact]
    public void Only_an_online_complainant_adds_a_contact_address_beside_the_identity_第七条()
    {
        var error = Intake.Identify(Management, null, Registered(), "昆明市盘龙区北京路100号", Today).ShouldFailWith(FieldErrors.Code);

        Assert.Equal("contactAddress", error.Field);
        Assert.Equal("联系地址不能超过" + ComplaintLimits.ShortTextMaxLength + "个字符。",
            Intake.Identify(Citizen, Token(), null, new string('路', ComplaintLimits.ShortTextMaxLength + 1), Today).ShouldFailWith(ComplaintErrors.TooLong).Message);
    }

    [Fact]
    public void Staff_registering_a_complaint_record_the_complainant_an_id_number_being_optional_第七条()
    {
        foreach (var staff in new[] { Management, Hotline, Agency })
        {
            Assert.Equal("complainant", Intake.Identify(staff, null, null, null, Today).ShouldFailWith(ComplaintErrors.ComplainantRequired).Field);

            var unverified = Intake.Identify(staff, null, Registered(), null, Today).ShouldSucceed();
            Assert.False(unverified.RealNameVerified);
            Assert.Equal("138****5678", unverified.Phone!.Masked);

            Assert.True(Intake.Identify(staff, null, Registered(IdNumber), null, Today).ShouldSucceed().RealNameVerified);
        }
    }

    [Fact]
    public void A_person_gives_a_personal_document_and_an_organisation_its_credit_code_第七条()
    {
        var error = Intake.Identify(Management, null, Registered("91530100MA6K3L2P7G", idType: IdType.Uscc), null, Today).ShouldFailWith(ComplaintErrors.IdTypeMismatch);
        Assert.Equal("complainant.idType", error.Field);

        var organisation = Intake.Identify(Management, null, Registered("91530100MA6K3L2P7G", type: ComplainantType.Organization), null, Today).ShouldSucceed();
        Assert.Equal(IdType.Uscc, organisation.Document!.Type);

        Assert.Equal("complainant.idNumber", Intake.Identify(Management, null, Registered("530102198801191230"), null, Today).Error!.Field);
        Assert.Equal("complainant.idNumber", Intake.Identify(Management, null, Registered(idType: IdType.Passport), null, Today).ShouldFailWith(ComplaintErrors.Required).Field);
    }

    [Fact]
    public void Feedback_must_be_able_to_reach_the_complainant_by_phone_or_address_第十三条()
    {
        var error = Intake.Identify(Hotline, null, Registered(phone: null), null, Today).ShouldFailWith(ComplaintErrors.Required);
        Assert.Equal("complainant.phone", error.Field);

        var byPost = Intake.Identify(Hotline, null, Registered(phone: null, address: " 昆明市五华区青年路8号 "), null, Today).ShouldSucceed();
        Assert.Equal("昆明市五华区青年路8号", byPost.Address);
        Assert.Null(byPost.Phone);
    }

    [Fact]
    public void A_complaint_an_agency_registers_stays_with_it_everything_else_goes_to_the_respondents_department_第五条()
    {
        Assert.Equal(AgencyA, Intake.ReceiverFor(Agency, "530103").AgencyId);
        foreach (var other in new[] { Citizen, Management, Hotline })
        {
            var receiver = Intake.ReceiverFor(other, "530103");
            Assert.Null(receiver.AgencyId);
            Assert.Equal("530103", receiver.ManagementRegionCode);
        }

        var registered = Intake.Register(Guid.NewGuid(), "YN202603020001", "hash", Submission(Channel.InPerson), "530103", Agency, ReceivedAt).ShouldSucceed();
        Assert.Equal(ComplaintStatus.PendingAcceptance, registered.Status);
        Assert.Equal("530103", Intake.Register(Guid.NewGuid(), "YN202603020002", "hash", Submission(), "530103", Citizen, ReceivedAt).ShouldSucceed().ReceivingRegionCode);
    }

    [Fact]
    public void Online_channels_are_the_complainants_own_and_the_others_are_registered_by_staff_第六条()
    {
        Intake.Register(Guid.NewGuid(), "YN202603020003", "hash", Submission(Channel.OnlineApp), Region, Management, ReceivedAt).ShouldFailWith(ComplaintErrors.ChannelNotAllowed);
        Intake.Register(Guid.NewGuid(), "YN202603020004", "hash", Submission(Channel.Letter), Region, Citizen, ReceivedAt).ShouldFailWith(ComplaintErrors.ChannelNotAllowed);
        Intake.Register(Guid.NewGuid(), "YN202603020005", "hash", Submission(Channel.Phone12345), Region, Hotline, ReceivedAt).ShouldSucceed();
    }

    private static readonly TrackingNumber Drawn = TrackingNumber.Create(Region, new DateOnly(2026, 3, 2), 7).Value;
    private static readonly QueryCode Code = QueryCode.TryParse("ABCD2345").Value;
    private static readonly IntakeRecords OnFile = new(Region, true, Drawn);

    private static string Seal(string plain) => "sealed:" + plain;

    private static IntakeForm Form(Channel channel = Channel.OnlineApp, ComplainantParticulars? complainant = null, string? contactAddress = null) => new(
        channel, complainant, contactAddress, new Respondent(AgencyA, "李四", "12"), new ServiceItem("不动产登记", "530000-001"),
        "请督促窗口按规定时限办理", "工作人员拒绝收件。", [Guid.NewGuid()], false, false);

    private static Result<Registration> Submit(IntakeForm form, Actor actor, IntakeRecords found, RealNameClaims? token = null) =>
        Intake.Submit(form, actor, token ?? (actor.Role == ActorRole.Complainant ? Token() : null), found, Guid.NewGuid(), Code, Seal, ReceivedAt);

    [Fact]
    public void A_submission_is_decided_in_one_step_the_identity_before_the_respondent_the_evidence_and_the_channel_第七条()
    {
        var nothingOnFile = new IntakeRecords(null, false, null);

        Assert.Equal("complainant", Submit(Form(Channel.Letter), Hotline, nothingOnFile).ShouldFailWith(ComplaintErrors.ComplainantRequired).Field);
        Assert.Equal("respondent.agencyId", Submit(Form(Channel.Letter, Registered()), Hotline, nothingOnFile).ShouldFailWith(FieldErrors.Code).Field);
        Assert.Equal("evidenceIds", Submit(Form(Channel.Letter, Registered()), Hotline, new IntakeRecords(Region, false, null)).ShouldFailWith(FieldErrors.Code).Field);
        Assert.Equal("channel", Submit(Form(Channel.Letter), Citizen, OnFile).ShouldFailWith(ComplaintErrors.ChannelNotAllowed).Field);
    }

    [Fact]
    public void A_complaint_names_an_agency_on_file_as_the_respondent_第七条()
    {
        var error = Submit(Form(), Citizen, new IntakeRecords(null, true, null)).ShouldFailWith(FieldErrors.Code);

        Assert.Equal(("respondent.agencyId", "被投诉的政务服务机构不存在。"), (error.Field, error.Message));
    }

    [Fact]
    public void The_evidence_of_a_complaint_is_the_submitters_own_upload_not_yet_attached_elsewhere_第七条()
    {
        var error = Submit(Form(), Citizen, new IntakeRecords(Region, false, null)).ShouldFailWith(FieldErrors.Code);

        Assert.Equal(("evidenceIds", "证明材料不存在、不是您上传的,或已附加到其他投诉。"), (error.Field, error.Message));
    }

    [Fact]
    public void The_case_records_the_complainants_id_and_phone_numbers_only_sealed_第九条()
    {
        var registered = Submit(Form(contactAddress: "昆明市五华区人民中路1号"), Citizen, OnFile).ShouldSucceed();

        var stored = registered.Complaint.Complainant;
        Assert.Equal(("sealed:" + IdNumber, "sealed:13812345678", IdType.ResidentId, true), (stored.IdNumber, stored.Phone, stored.IdType, stored.RealNameVerified));
        Assert.Equal(("张三", "昆明市五华区人民中路1号"), (stored.Name, stored.Address));
        Assert.Equal((IdNumber, "138****5678"), (registered.Complainant.Document!.Value, registered.Complainant.Phone!.Masked));
    }

    [Fact]
    public void A_submission_is_received_under_the_number_drawn_with_its_query_code_by_the_department_of_the_respondents_division_第五条()
    {
        var online = Submit(Form(), Citizen, OnFile).ShouldSucceed().Complaint;

        Assert.Equal((Drawn.Value, Region, ComplaintStatus.PendingReferral, "citizen-1"), (online.TrackingNumber, online.ReceivingRegionCode, online.Status, online.ComplainantUserId));
        Assert.True(QueryCode.Verify(Drawn, Code.Value, online.QueryCodeHash));

        var atTheAgency = Submit(Form(Channel.InPerson, Registered()), Agency, OnFile).ShouldSucceed().Complaint;
        Assert.Equal((ComplaintStatus.PendingAcceptance, (Guid?)AgencyA, (string?)null), (atTheAgency.Status, atTheAgency.AssignedAgencyId, atTheAgency.ComplainantUserId));
        Assert.Null(atTheAgency.Complainant.IdNumber);
    }
}
