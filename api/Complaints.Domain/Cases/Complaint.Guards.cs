using Complaints.Domain.Common;

namespace Complaints.Domain.Cases;

// The checks shared by the actions. Each action checks, in this order: the state (so a refusal always
// names the current state), who acts, then what was given.
public sealed partial class Complaint
{
    private DomainError? InState(ComplaintAction action, params ReadOnlySpan<ComplaintStatus> allowed)
    {
        foreach (var status in allowed)
        {
            if (Status == status)
            {
                return null;
            }
        }

        return ComplaintErrors.Transition(Status, action);
    }

    private DomainError? ByManagement(ComplaintAction action, Actor actor) =>
        actor.Role == ActorRole.ManagementStaff ? ConfidentialityAllows(action, actor) : ComplaintErrors.Forbidden(action, "政务服务管理部门");

    /// <summary>The agency handling the case; once a lead is named (第十五条), only the lead.</summary>
    private DomainError? ByHandlingAgency(ComplaintAction action, Actor actor)
    {
        if (actor.Role != ActorRole.AgencyStaff)
        {
            return ComplaintErrors.Forbidden(action, "承办的政务服务机构");
        }

        if (LeadAgencyId is { } lead && actor.AgencyId != lead)
        {
            return ComplaintErrors.LeadAgencyOnly(action);
        }

        return actor.AgencyId == HandlingAgencyId ? ConfidentialityAllows(action, actor) : ComplaintErrors.HandlingAgencyOnly(action);
    }

    /// <summary>The handling agency or one of the cooperating agencies (第十五条).</summary>
    private DomainError? ByInvolvedAgency(ComplaintAction action, Actor actor)
    {
        if (actor.Role != ActorRole.AgencyStaff)
        {
            return ComplaintErrors.Forbidden(action, "承办或者配合处理的政务服务机构");
        }

        var involved = actor.AgencyId == HandlingAgencyId || (actor.AgencyId is { } agency && _cooperatingAgencyIds.Contains(agency));
        return involved ? ConfidentialityAllows(action, actor) : ComplaintErrors.HandlingAgencyOnly(action);
    }

    private DomainError? ByOwnComplainant(ComplaintAction action, Actor actor) =>
        actor.Role == ActorRole.Complainant && ComplainantUserId is not null && actor.UserId == ComplainantUserId
            ? null
            : ComplaintErrors.ComplainantOnly(action);

    /// <summary>第九条 with 第四条: confidential complaints are handled by the named complaint officers only.</summary>
    private DomainError? ConfidentialityAllows(ComplaintAction action, Actor actor) =>
        Confidential && actor.IsStaff && !actor.IsOfficer ? ComplaintErrors.Officer(action) : null;

    private static DomainError? Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null : ComplaintErrors.Undefined(field);

    private static DomainError? RequiredText(string? value, string field, string what, int max, string? article) =>
        ComplaintSubmission.Text(value, field, what, max, ComplaintErrors.Required, article);

    private static DomainError? OptionalText(string? value, string field, string what, int max) =>
        ComplaintSubmission.Optional(value, field, what, max);
}
