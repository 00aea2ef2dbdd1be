using Complaints.Domain.Common;
using Complaints.Domain.Deadlines;

namespace Complaints.Domain.Cases;

/// <summary>
/// The stable codes of every refusal the aggregate can give, and the messages that go with them.
/// The API maps them to problem+json in one place; tests assert the codes.
/// </summary>
public static class ComplaintErrors
{
    public const string InvalidTransition = "complaint.invalid_transition";
    public const string NotPermitted = "complaint.not_permitted";
    public const string NotHandlingAgency = "complaint.not_handling_agency";
    public const string NotLeadAgency = "complaint.not_lead_agency";
    public const string OfficerRequired = "complaint.officer_required";
    public const string NotComplainant = "complaint.not_complainant";

    public const string Required = "complaint.required";
    public const string TooLong = "complaint.too_long";
    public const string InvalidValue = "complaint.invalid_value";
    public const string RequestRequired = "complaint.request_required";
    public const string FactsRequired = "complaint.facts_required";
    public const string RespondentRequired = "complaint.respondent_required";
    public const string ComplainantRequired = "complaint.complainant_required";
    public const string NameRequired = "complaint.name_required";
    public const string ServiceItemRequired = "complaint.service_item_required";
    public const string TooManyEvidence = "complaint.too_many_evidence";
    public const string DuplicateEvidence = "complaint.duplicate_evidence";
    public const string IdTypeMismatch = "complaint.id_type_mismatch";
    public const string RealNameRequired = "complaint.real_name_required";
    public const string ChannelNotAllowed = "complaint.channel_not_allowed";
    public const string ReceivingAgencyNotRespondent = "complaint.receiving_agency_not_respondent";
    public const string BeforeRegulation = "complaint.before_regulation";

    public const string RelatedCaseRequired = "complaint.related_case_required";
    public const string RelatedCaseIsSelf = "complaint.related_case_is_self";
    public const string RelatedCaseNotOpen = "complaint.related_case_not_open";
    public const string RelatedCaseNotConcluded = "complaint.related_case_not_concluded";

    public const string ExtensionNotOffsite = "complaint.extension_not_offsite";
    public const string AlreadyExtended = "complaint.already_extended";
    public const string ExtensionAfterDeadline = "complaint.extension_after_deadline";

    public const string MergeIntoSelf = "complaint.merge_into_self";
    public const string MergeTargetClosed = "complaint.merge_target_closed";
    public const string MergeTargetOtherAgency = "complaint.merge_target_other_agency";

    public const string CooperatingAgenciesRequired = "complaint.cooperating_agencies_required";
    public const string LeadAmongCooperating = "complaint.lead_among_cooperating";

    public const string AlreadyRated = "complaint.already_rated";

    public const string InvestigationRequired = "complaint.investigation_required";

    public const string RectificationOpen = "complaint.rectification_open";
    public const string NoRectification = "complaint.no_rectification";
    public const string RectificationInvalidTransition = "complaint.rectification_invalid_transition";
    public const string DueDateInPast = "complaint.due_date_in_past";

    public const string AlreadyReportedMajor = "complaint.already_reported_major";

    public const string DeadlineNotRunning = "complaint.deadline_not_running";
    public const string NotOverdue = "complaint.not_overdue";

    public const string NoticeAlreadyDelivered = "complaint.notice_already_delivered";
    public const string DeliveryDateInvalid = "complaint.delivery_date_invalid";

    internal static DomainError Transition(ComplaintStatus status, ComplaintAction action)
    {
        var article = action.Article();
        return DomainError.Conflict(InvalidTransition, $"{status.Describe()},不能{action.Verb()}{Cite(article)}。", article);
    }

    internal static DomainError Forbidden(ComplaintAction action, string who) =>
        DomainError.Forbidden(NotPermitted, $"只有{who}可以{action.Verb()}{Cite(action.Article())}。", action.Article());

    internal static DomainError HandlingAgencyOnly(ComplaintAction action) =>
        DomainError.Forbidden(NotHandlingAgency, $"只有承办本投诉的政务服务机构可以{action.Verb()}(第五条)。", "第五条");

    internal static DomainError LeadAgencyOnly(ComplaintAction action) =>
        DomainError.Forbidden(NotLeadAgency, $"本投诉已明确牵头部门,只有牵头部门可以{action.Verb()}(第十五条)。", "第十五条");

    internal static DomainError Officer(ComplaintAction action) =>
        DomainError.Forbidden(OfficerRequired, $"本投诉需要保密,只有投诉处理专人可以{action.Verb()}(第四条、第九条)。", "第九条");

    internal static DomainError ComplainantOnly(ComplaintAction action) =>
        DomainError.Forbidden(NotComplainant, $"只有投诉人本人可以{action.Verb()}。");

    internal static DomainError Missing(string field, string what, string? article = null) =>
        DomainError.Invalid(Required, $"{what}不能为空{Cite(article)}。", article, field);

    internal static DomainError Missing(string code, string field, string what, string? article) =>
        DomainError.Invalid(code, $"{what}不能为空{Cite(article)}。", article, field);

    internal static DomainError Long(string field, string what, int max) =>
        DomainError.Invalid(TooLong, $"{what}不能超过{max}个字符。", null, field);

    internal static DomainError Undefined(string field) =>
        DomainError.Invalid(InvalidValue, $"字段「{field}」的取值无效。", null, field);

    internal static DomainError NotRunning(ComplaintStatus status, DeadlineKind kind) =>
        DomainError.Conflict(DeadlineNotRunning, $"{status.Describe()},{kind.Name()}的时限未在计算中。");

    internal static string Cite(string? article) => article is null ? "" : $"({article})";
}
