using Complaints.Api.Complaints;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;

namespace Complaints.Api.Documents;

/// <summary>
/// 附件1《政务服务投诉交办单》(第十条): what the management department hands to the responsible agency
/// with the complaint materials, and the agency's time to decide (第十一条).
/// </summary>
public sealed record ReferralFormDocument(
    string TrackingNumber,
    DateTimeOffset ReceivedAt,
    Channel Channel,
    bool Confidential,
    DocumentComplainant Complainant,
    DocumentRespondent Respondent,
    DocumentServiceItem ServiceItem,
    string Request,
    string Facts,
    int EvidenceCount,
    DocumentDepartment ReferredBy,
    DocumentAgency ReferredTo,
    DateTimeOffset ReferredAt,
    string? ReferralNote,
    DateOnly ReferralDue,
    bool ReferredOnTime,
    DateOnly AcceptanceDue,
    bool Provisional) : ICaseDocument<ReferralFormDocument>
{
    public const string Kind = "referral-form";

    static string ICaseDocument<ReferralFormDocument>.Kind => Kind;

    static string? ICaseDocument<ReferralFormDocument>.Unavailable(Complaint complaint) => complaint switch
    {
        { ReferredAt: not null, AssignedAgencyId: not null } => null,
        { ReceivingRegionCode: null } => "本件由政务服务机构直接接收,未经政务服务管理部门交办,没有交办单(第十条)。",
        _ => $"本件尚未交办(当前状态为「{complaint.Status.ChineseName()}」),交办后方可出具交办单(第十条)。",
    };

    static ReferralFormDocument ICaseDocument<ReferralFormDocument>.From(CaseFile file)
    {
        var c = file.Complaint;
        var referral = DeadlineRules.Referral(file.Calendar, c.ReceivedAt);
        var acceptance = c.AcceptanceDeadline(file.Calendar) ?? throw new InvalidOperationException("A referred case has an acceptance deadline.");

        // The department that referred is the one recorded on the referral; a case always has its receiver's.
        var referredBy = file.Last(TimelineEventKind.Referred)?.ActorRegionCode ?? c.ReceivingRegionCode!;
        return new ReferralFormDocument(
            c.TrackingNumber,
            c.ReceivedAt.Cst(),
            c.Channel,
            c.Confidential,
            file.Complainant,
            file.Respondent,
            file.ServiceItem,
            c.Request,
            c.Facts,
            c.EvidenceIds.Count,
            file.Department(referredBy),
            file.Agency(c.AssignedAgencyId!.Value),
            c.ReferredAt!.Value.Cst(),
            c.ReferralNote,
            referral.Due,
            c.ReferredOnTime ?? !referral.IsOverdueAt(c.ReferredAt.Value),
            acceptance.Due,
            referral.Provisional || acceptance.Provisional);
    }

    FormSheet ICaseDocument<ReferralFormDocument>.ToSheet()
    {
        var rows = new FormRows()
            .Two("交办单位", ReferredBy.Name, "承办单位", ReferredTo.Name)
            .Two("接收时间", ReceivedAt.Chinese(), "投诉渠道", Channel.Name())
            .Section("投诉人信息")
            .Two("投诉人", Complainant.Describe(), "联系电话", Complainant.Withheld ? DocumentComplainant.WithheldName : Complainant.PhoneMasked)
            .One("证件号码", Complainant.IdentityLine())
            .Section("被投诉人信息")
            .Two("被投诉单位", Respondent.AgencyName, "工作人员/窗口", Respondent.StaffOrWindow())
            .One("政务服务事项", ServiceItem.Describe())
            .Section("投诉内容")
            .One("投诉请求", Request)
            .One("事实和理由", Facts)
            .Two("证明材料", $"{EvidenceCount}份", "是否保密", DocumentText.YesNo(Confidential))
            .Section("交办情况")
            .Two("交办时间", ReferredAt.Chinese(), "交办期限", $"{ReferralDue.Chinese()}{(ReferredOnTime ? "(按期)" : "(逾期)")}")
            .One("交办意见", ReferralNote)
            .One("受理决定期限", $"请于{AcceptanceDue.Chinese()}前决定是否受理,并以《政务服务投诉受理/不予受理通知书》告知投诉人。");

        List<string> notes =
        [
            "依据《云南省政务服务投诉处理办法(试行)》第十条,政务服务管理部门将接收的投诉材料随同本交办单在2个工作日内交办给有关政务服务机构。",
            "依据第十一条,政务服务机构应当自收到投诉事项之日起3个工作日内决定是否受理,不得推诿、敷衍、拖延。",
            "依据第九条,在投诉事项未调查核实前不得作出承诺;涉及保密事项的,应当做好保密工作。",
        ];
        if (Provisional)
        {
            notes.Add("注:所涉年度的国务院节假日安排尚未载入,上述期限暂按周六、周日和法定节假日(全国年节及纪念日放假办法)休息计算。");
        }

        return new FormSheet(
            "附件1",
            "政务服务投诉交办单",
            TrackingNumber,
            [],
            rows.Rows,
            notes,
            [ReferredBy.Name, $"{DateOnly.FromDateTime(ReferredAt.DateTime).Chinese()}"]);
    }
}
