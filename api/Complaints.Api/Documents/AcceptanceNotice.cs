using Complaints.Api.Complaints;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Complaints.Domain.Deadlines;

namespace Complaints.Api.Documents;

/// <summary>Who issued a notice: the deciding agency, or the management department that declined before referral.</summary>
public sealed record DocumentIssuer(Guid? AgencyId, string? RegionCode, string Name);

/// <summary>
/// 附件2《政务服务投诉受理/不予受理通知书》(第十一条): the decision told to the complainant. Accepted:
/// the classification (第十二条) and the date by which the result will be fed back (第十三条), as it
/// stood when the decision was made. Not accepted: the item of 第八条 and, for 第(二)(四)项, the case
/// the complaint duplicates.
/// </summary>
public sealed record AcceptanceNoticeDocument(
    string TrackingNumber,
    DateTimeOffset ReceivedAt,
    Channel Channel,
    DocumentComplainant Complainant,
    DocumentServiceItem ServiceItem,
    DocumentRespondent Respondent,
    AcceptanceDecision Decision,
    DateTimeOffset DecidedAt,
    DateOnly DecidedOn,
    DocumentIssuer IssuedBy,
    Classification? Classification,
    DateOnly? HandlingDue,
    string? HandlingArticle,
    DateOnly? ExtendedHandlingDue,
    NotAcceptedReason? Reason,
    string? ReasonText,
    string? RelatedTrackingNumber,
    string? Explanation,
    bool Provisional,
    string? MergedTrackingNumber = null) : ICaseDocument<AcceptanceNoticeDocument>
{
    /// <summary>
    /// 第十一、十三条: a merged complainant gets the notice of the case theirs went into, addressed to them and
    /// naming their own tracking number (<see cref="MergedTrackingNumber"/>) beside the case's.
    /// </summary>
    static AcceptanceNoticeDocument? ICaseDocument<AcceptanceNoticeDocument>.ForMerged(CaseFile merged, CaseFile target) =>
        Build(target) with
        {
            Complainant = merged.Complainant,
            MergedTrackingNumber = merged.Complaint.TrackingNumber,
        };

    public const string Kind = "acceptance-notice";

    static string ICaseDocument<AcceptanceNoticeDocument>.Kind => Kind;

    static string? ICaseDocument<AcceptanceNoticeDocument>.Unavailable(Complaint complaint) =>
        complaint.DecidedAt is not null && (complaint.AcceptedAt is not null || complaint.NotAcceptedReason is not null)
            ? null
            : $"本件尚未作出受理或者不予受理的决定(当前状态为「{complaint.Status.ChineseName()}」),决定后方可出具通知书(第十一条)。";

    static AcceptanceNoticeDocument ICaseDocument<AcceptanceNoticeDocument>.From(CaseFile file) => Build(file);

    private static AcceptanceNoticeDocument Build(CaseFile file)
    {
        var c = file.Complaint;
        var decidedAt = c.DecidedAt!.Value;
        var decision = c.AcceptedAt is not null ? AcceptanceDecision.Accepted : AcceptanceDecision.NotAccepted;
        var entry = file.Last(decision == AcceptanceDecision.Accepted ? TimelineEventKind.Accepted : TimelineEventKind.NotAccepted);
        var issuer = entry switch
        {
            { ActorAgencyId: { } agency } => new DocumentIssuer(agency, null, file.Agency(agency).Name),
            { ActorRegionCode: { } region } => new DocumentIssuer(null, region, file.Department(region).Name),
            _ => c.HandlingAgencyId is { } handlingAgency
                ? new DocumentIssuer(handlingAgency, null, file.Agency(handlingAgency).Name)
                : new DocumentIssuer(null, c.ReceivingRegionCode, file.Department(c.ReceivingRegionCode!).Name),
        };

        // The notice states the time limit as it was when the decision was made; an extension
        // (第十三条第(二)项) is told to the complainant separately and is shown beside it.
        Deadline? handling = null, extended = null;
        if (c is { AcceptedAt: { } acceptedAt, Classification: { } classification })
        {
            handling = DeadlineRules.Handling(file.Calendar, acceptedAt, classification, extended: false);
            extended = c.Extended ? DeadlineRules.Handling(file.Calendar, acceptedAt, classification, extended: true) : null;
        }

        var reason = c.NotAcceptedReason;
        return new AcceptanceNoticeDocument(
            c.TrackingNumber,
            c.ReceivedAt.Cst(),
            c.Channel,
            file.Complainant,
            file.ServiceItem,
            file.Respondent,
            decision,
            decidedAt.Cst(),
            ChinaTime.DateOf(decidedAt),
            issuer,
            c.Classification,
            handling?.Due,
            handling?.Article,
            extended?.Due,
            reason,
            reason is { } r ? $"{r.Article()} {r.Name()}" : null,
            file.RelatedTrackingNumber,
            c.NotAcceptedExplanation,
            (handling?.Provisional ?? false) || (extended?.Provisional ?? false));
    }

    /// <summary>The 办法's own title (第十一条, 附件2): one form for both decisions, the decision marked on it.</summary>
    public const string Title = "政务服务投诉受理/不予受理通知书";

    /// <summary>"■受理 □不予受理": the template's two choices with the one taken marked (both glyphs are in GB 2312).</summary>
    internal static string DecisionMarked(bool accepted) => accepted ? "■受理  □不予受理" : "□受理  ■不予受理";

    FormSheet ICaseDocument<AcceptanceNoticeDocument>.ToSheet()
    {
        var accepted = Decision == AcceptanceDecision.Accepted;
        var addressee = Complainant.Withheld ? "投诉人" : Complainant.Name;
        var opening = $"您于{ReceivedAt.Chinese()}通过{Channel.Name()}提出的关于{Respondent.AgencyName}办理“{ServiceItem.Name}”事项的投诉(投诉编号:{TrackingNumber}),";
        List<string> paragraphs = [$"{addressee}:"];
        if (accepted)
        {
            var onsite = Classification == Domain.Cases.Classification.Onsite;
            paragraphs.Add(opening + $"经审查,符合受理条件,本机关决定予以受理。该投诉属于{Classification!.Value.Name()}投诉,"
                + (onsite
                    ? $"本机关将当场协调处理,于{HandlingDue!.Value.Chinese()}办结并向您反馈处理结果(第十三条第(一)项)。"
                    : $"本机关将调查核实后处理,于{HandlingDue!.Value.Chinese()}前办结并向您反馈处理结果(第十三条第(二)项)。"));
        }
        else
        {
            var related = RelatedTrackingNumber is null ? "" : $"相关投诉编号:{RelatedTrackingNumber}。";
            paragraphs.Add(opening + $"经审查,属于《云南省政务服务投诉处理办法(试行)》{Reason!.Value.Article()}规定的“{Reason.Value.Name()}”情形,本机关决定不予受理。{related}");
            if (Explanation is not null)
            {
                paragraphs.Add($"说明:{Explanation}");
            }
        }

        if (MergedTrackingNumber is not null)
        {
            paragraphs.Add($"您的投诉(投诉编号:{MergedTrackingNumber})与上述投诉为同一事项,已并入该投诉合并处理(第十三条),本通知书同样适用于您的投诉,处理结果将一并反馈。");
        }

        paragraphs.Add("特此通知。");

        var rows = new FormRows()
            .Two("投诉编号", TrackingNumber, "决定", DecisionMarked(accepted))
            .Two("投诉人", Complainant.Describe(), "联系电话", Complainant.Withheld ? DocumentComplainant.WithheldName : Complainant.PhoneMasked)
            .Two("被投诉单位", Respondent.AgencyName, "政务服务事项", ServiceItem.Describe())
            .Two("决定时间", DecidedAt.Chinese(), "决定机关", IssuedBy.Name);
        if (MergedTrackingNumber is not null)
        {
            rows.One("并入本件的投诉", MergedTrackingNumber);
        }

        if (accepted)
        {
            rows.Two("处理类别", Classification!.Value.Name(), "办结期限", $"{HandlingDue!.Value.Chinese()}({HandlingArticle})");
            if (ExtendedHandlingDue is { } extendedDue)
            {
                rows.One("延期后办结期限", $"{extendedDue.Chinese()}(第十三条第(二)项,最长不超过20个工作日)");
            }
        }
        else
        {
            rows.One("不予受理理由", ReasonText).One("相关投诉编号", RelatedTrackingNumber);
        }

        List<string> notes = ["依据《云南省政务服务投诉处理办法(试行)》第十一条,投诉人可以现场领取或者以其他有效方式接收本通知书。"];
        if (Provisional)
        {
            notes.Add("注:所涉年度的国务院节假日安排尚未载入,上述期限暂按周六、周日和法定节假日(全国年节及纪念日放假办法)休息计算。");
        }

        return new FormSheet(
            "附件2",
            Title,
            TrackingNumber,
            paragraphs,
            rows.Rows,
            notes,
            [IssuedBy.Name, "(盖章)", DecidedOn.Chinese()]);
    }
}
