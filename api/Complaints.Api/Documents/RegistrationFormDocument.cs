using Complaints.Api.Complaints;
using Complaints.Api.SpotChecks;
using Complaints.Domain.Cases;

namespace Complaints.Api.Documents;

public sealed record DocumentInvestigationStep(int Number, DateTimeOffset At, InvestigationMethod Method, string Summary, DocumentAgency? Agency, bool Disputed = false);

public sealed record DocumentRevisit(DateTimeOffset At, RevisitMethod Method, SatisfactionRating Rating, string? Note);

public sealed record DocumentRectification(
    int Number, string Requirement, DateOnly DueDate, DateTimeOffset OrderedAt, RectificationStatus Status,
    string? Report, DateTimeOffset? CompletedAt, int SentBackCount, string? VerificationNote, DateTimeOffset? VerifiedAt);

/// <summary>A management department's 抽查 verdict on this case (第十六条), with the department that drew the sample.</summary>
public sealed record DocumentSpotCheck(DateTimeOffset ReviewedAt, DocumentDepartment Department, SpotCheckVerdict Verdict, string Note, bool RectificationOrdered);

/// <summary>第十一条第二款: the decision notice's delivery as recorded.</summary>
public sealed record DocumentNoticeDelivery(DecisionNotice Notice, DeliveryMethod Method, DateOnly DeliveredOn, string? Note, DateTimeOffset RecordedAt);

public sealed record DocumentMajorReport(DateTimeOffset ReportedAt, string? Summary);

/// <summary>
/// 附件3《政务服务投诉处理情况登记表》(第十七条): the archive sheet, from <see cref="RegistrationForm.From"/>
/// with the complainant masked for the reader and the agencies named from the directory. Available at
/// every stage: it shows the record as it stands.
/// </summary>
public sealed record RegistrationFormDocument(
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
    ComplaintStatus Status,
    DocumentAgency? HandlingAgency,
    DateTimeOffset? ReferredAt,
    AcceptanceDecision AcceptanceDecision,
    DateTimeOffset? DecidedAt,
    NotAcceptedReason? NotAcceptedReason,
    string? NotAcceptedReasonText,
    string? RelatedTrackingNumber,
    string? NotAcceptedExplanation,
    Classification? Classification,
    bool Extended,
    string? ExtensionReason,
    DocumentAgency? LeadAgency,
    IReadOnlyList<DocumentAgency> CooperatingAgencies,
    IReadOnlyList<DocumentInvestigationStep> InvestigationSteps,
    Finding? Finding,
    bool IsInvalidComplaint,
    string? Result,
    string? Measures,
    DateTimeOffset? ConcludedAt,
    bool? ConcludedOnTime,
    IReadOnlyList<string> MergedTrackingNumbers,
    SatisfactionRating? ComplainantRating,
    string? ComplainantComment,
    IReadOnlyList<DocumentRevisit> Revisits,
    SatisfactionRating? Satisfaction,
    DeadlinesView Deadlines,
    IReadOnlyList<DocumentRectification> Rectifications,
    IReadOnlyList<DocumentSpotCheck> SpotChecks,
    DocumentMajorReport? MajorReport,
    string? MergedIntoTrackingNumber,
    DateTimeOffset? MergedAt,
    DateTimeOffset? ExtendedAt,
    IReadOnlyList<DocumentNoticeDelivery> NoticeDeliveries) : ICaseDocument<RegistrationFormDocument>
{
    public const string Kind = "registration-form";

    static string ICaseDocument<RegistrationFormDocument>.Kind => Kind;

    static string? ICaseDocument<RegistrationFormDocument>.Unavailable(Complaint complaint) => null;

    static RegistrationFormDocument ICaseDocument<RegistrationFormDocument>.From(CaseFile file)
    {
        // The domain's projection is the archive copy with the complainant as stored (ciphertext);
        // everything but the complainant is taken from it, and the complainant from the masked file.
        var form = RegistrationForm.From(file.Complaint);
        return new RegistrationFormDocument(
            form.TrackingNumber,
            form.ReceivedAt.Cst(),
            form.Channel,
            form.Confidential,
            file.Complainant,
            file.Respondent,
            file.ServiceItem,
            form.Request,
            form.Facts,
            form.EvidenceCount,
            form.Status,
            form.HandlingAgencyId is { } handling ? file.Agency(handling) : null,
            form.ReferredAt?.Cst(),
            form.AcceptanceDecision,
            form.DecidedAt?.Cst(),
            form.NotAcceptedReason,
            form.NotAcceptedReason is { } reason ? $"{reason.Article()} {reason.Name()}" : null,
            file.RelatedTrackingNumber,
            form.NotAcceptedExplanation,
            form.Classification,
            form.Extended,
            form.ExtensionReason,
            form.LeadAgencyId is { } lead ? file.Agency(lead) : null,
            form.CooperatingAgencyIds.Select(file.Agency).ToList(),
            form.InvestigationSteps.Select(s => new DocumentInvestigationStep(s.Number, s.At.Cst(), s.Method, s.Summary, s.AgencyId is { } a ? file.Agency(a) : null, s.Disputed)).ToList(),
            form.Finding,
            form.IsInvalidComplaint,
            form.Result,
            form.Measures,
            form.ConcludedAt?.Cst(),
            form.ConcludedOnTime,
            form.MergedTrackingNumbers,
            form.ComplainantRating,
            form.ComplainantComment,
            form.Revisits.Select(r => new DocumentRevisit(r.At.Cst(), r.Method, r.Rating, r.Note)).ToList(),
            form.Satisfaction,
            DeadlinesView.From(file.Complaint.Deadlines(file.Calendar, file.Now)),
            form.Rectifications.Select(r => new DocumentRectification(
                r.Number, r.Requirement, r.DueDate, r.OrderedAt.Cst(), r.Status, r.Report, r.CompletedAt?.Cst(), r.SentBackCount, r.VerificationNote, r.VerifiedAt?.Cst())).ToList(),
            file.SpotChecks.Select(s => new DocumentSpotCheck(s.ReviewedAt.Cst(), file.Department(s.RegionCode), s.Verdict, s.Note, s.RectificationOrdered)).ToList(),
            form.MajorReport is { } major ? new DocumentMajorReport(major.ReportedAt.Cst(), major.Summary) : null,
            form.MergedIntoTrackingNumber,
            form.MergedAt?.Cst(),
            form.ExtendedAt?.Cst(),
            form.NoticeDeliveries.Select(d => new DocumentNoticeDelivery(d.Notice, d.Method, d.DeliveredOn, d.Note, d.RecordedAt.Cst())).ToList());
    }

    FormSheet ICaseDocument<RegistrationFormDocument>.ToSheet()
    {
        var rows = new FormRows()
            .Two("接收时间", ReceivedAt.Chinese(), "投诉渠道", Channel.Name())
            .Two("当前状态", Status.ChineseName(), "是否保密", DocumentText.YesNo(Confidential))
            .Section("投诉人")
            .Two("投诉人", Complainant.Describe(), "联系电话", Complainant.Withheld ? DocumentComplainant.WithheldName : Complainant.PhoneMasked)
            .Two("证件号码", Complainant.IdentityLine(), "实名核验", Complainant.RealNameVerified is { } verified ? DocumentText.YesNo(verified) : DocumentComplainant.WithheldName)
            .Section("被投诉人")
            .Two("被投诉单位", Respondent.AgencyName, "工作人员/窗口", Respondent.StaffOrWindow())
            .One("政务服务事项", ServiceItem.Describe())
            .Section("投诉内容")
            .One("投诉请求", Request)
            .One("事实和理由", Facts)
            .One("证明材料", $"{EvidenceCount}份")
            .Section("交办与受理")
            .Two("交办时间", ReferredAt?.Chinese(), "承办单位", HandlingAgency?.Name)
            .Two("受理决定", AcceptanceDecision.Name(), "决定时间", DecidedAt?.Chinese());
        if (AcceptanceDecision == AcceptanceDecision.NotAccepted)
        {
            rows.One("不予受理理由", NotAcceptedReasonText).One("相关投诉编号", RelatedTrackingNumber).One("不予受理说明", NotAcceptedExplanation);
        }
        else
        {
            rows.Two("处理类别", Classification?.Name(), "办结期限", Deadlines.HandlingDue?.Chinese());
        }

        if (AcceptanceDecision != AcceptanceDecision.Pending)
        {
            // 第十一条第二款: how the notice reached the complainant, or that no delivery is recorded yet.
            rows.One("通知书送达", NoticeDeliveries.Count == 0
                ? "尚未登记送达"
                : string.Join("\n", NoticeDeliveries.Select(d =>
                    $"《政务服务投诉{d.Notice.Name()}》 {d.DeliveredOn.Chinese()} {d.Method.Name()}{(d.Note is null ? "" : ":" + d.Note)}(登记于{d.RecordedAt.Chinese()})")));
        }

        if (Extended)
        {
            rows.Two("延期时间", ExtendedAt?.Chinese(), "延期理由", ExtensionReason);
        }

        if (LeadAgency is not null)
        {
            rows.Two("牵头单位", LeadAgency.Name, "配合单位", string.Join("、", CooperatingAgencies.Select(a => a.Name)));
        }

        rows.Section("调查处理");
        if (InvestigationSteps.Count == 0)
        {
            rows.One("调查核实", null);
        }

        foreach (var step in InvestigationSteps)
        {
            var by = step.Agency is null ? "" : $"({step.Agency.Name})";
            var disputed = step.Disputed ? "(与投诉事项存在争议)" : "";
            rows.One($"调查{step.Number}", $"{step.At.Chinese()} {step.Method.Name()}{disputed}{by}\n{step.Summary}");
        }

        rows.Two("调查结论", Finding is { } finding ? finding.Name() + (IsInvalidComplaint ? "(无效投诉)" : "") : null, "办结时间", ConcludedAt?.Chinese() + OnTime(ConcludedOnTime))
            .One("处理结果", Result)
            .One("整改措施", Measures);
        if (MergedTrackingNumbers.Count > 0)
        {
            rows.One("并入本件的投诉", string.Join("、", MergedTrackingNumbers));
        }

        if (MergedIntoTrackingNumber is not null)
        {
            rows.Two("合并处理", $"已并入投诉件{MergedIntoTrackingNumber}", "合并时间", MergedAt?.Chinese());
        }

        rows.Section("回访与评价")
            .Two("投诉人评价", ComplainantRating?.Name(), "计入统计", Satisfaction?.Name())
            .One("评价意见", ComplainantComment);
        foreach (var (revisit, i) in Revisits.Select((r, i) => (r, i + 1)))
        {
            var note = revisit.Note is null ? "" : $":{revisit.Note}";
            rows.One($"回访{i}", $"{revisit.At.Chinese()} {revisit.Method.Name()} {revisit.Rating.Name()}{note}");
        }

        if (Rectifications.Count > 0 || SpotChecks.Count > 0)
        {
            rows.Section("监督检查与整改");
        }

        foreach (var check in SpotChecks)
        {
            var verdict = check.Verdict == SpotCheckVerdict.Proper ? "处理得当" : "处理不当";
            var ordered = check.RectificationOrdered ? ",督促整改" : "";
            rows.One("抽查", $"{check.ReviewedAt.Chinese()} {check.Department.Name}:{verdict}{ordered}\n{check.Note}");
        }

        foreach (var r in Rectifications)
        {
            rows.Two($"整改{r.Number}", $"{r.OrderedAt.Chinese()} 责令整改,期限{r.DueDate.Chinese()}\n{r.Requirement}", "整改状态", r.Status.ChineseName())
                .Two("整改完成", r.CompletedAt is { } done ? $"{done.Chinese()} {r.Report}" : null, "退回次数", r.SentBackCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Two("核验", r.VerifiedAt is { } verifiedAt ? $"{verifiedAt.Chinese()} 核验通过" : null, "核验意见", r.VerificationNote);
        }

        if (MajorReport is { } major)
        {
            rows.Section("重大投诉事项").Two("报告时间", major.ReportedAt.Chinese(), "情况摘要", major.Summary);
        }

        return new FormSheet(
            "附件3",
            "政务服务投诉处理情况登记表",
            TrackingNumber,
            [],
            rows.Rows,
            ["依据《云南省政务服务投诉处理办法(试行)》第十七条,政务服务机构应当建立投诉处理工作档案,认真填写本表,并妥善保管和使用。"],
            []);
    }

    private static string OnTime(bool? onTime) => onTime switch
    {
        true => "(按期)",
        false => "(逾期)",
        null => "",
    };
}
