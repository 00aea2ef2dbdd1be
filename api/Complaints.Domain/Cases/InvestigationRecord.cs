namespace Complaints.Domain.Cases;

/// <summary>
/// 第十四条: 现场调查、谈话核实、调取资料 or another method (等方式) — the investigation steps — and the
/// 被投诉人陈述, the respondent's own account, which is recorded beside them but is not itself a step
/// that 查清事实.
/// </summary>
public enum InvestigationMethod
{
    OnSiteInvestigation,
    Interview,
    RecordsRetrieval,
    Other,
    RespondentStatement,
}

public static class InvestigationRules
{
    /// <summary>A step that establishes facts (第十四条 现场调查、谈话核实、调取资料等方式), as opposed to the respondent's statement.</summary>
    public static bool IsInvestigationStep(this InvestigationMethod method) => method != InvestigationMethod.RespondentStatement;
}

/// <summary>One recorded investigation step (第十四条), by the lead or a cooperating agency (第十五条).</summary>
public sealed class InvestigationRecord
{
    private InvestigationRecord()
    {
        Summary = "";
        RecordedByUserId = "";
    }

    internal InvestigationRecord(int number, InvestigationMethod method, string summary, bool disputed, Actor actor, DateTimeOffset at)
    {
        Number = number;
        Method = method;
        Disputed = disputed;
        Summary = summary;
        RecordedByUserId = actor.UserId;
        AgencyId = actor.AgencyId;
        RecordedAt = at;
    }

    public int Number { get; private set; }

    public InvestigationMethod Method { get; private set; }

    public string Summary { get; private set; }

    /// <summary>
    /// For a <see cref="InvestigationMethod.RespondentStatement"/>: the statement contradicts the complaint
    /// (投诉人投诉事项与被投诉人陈述内容存在争议, 第十四条), so the facts must be investigated. False otherwise.
    /// </summary>
    public bool Disputed { get; private set; }

    public string RecordedByUserId { get; private set; }

    public Guid? AgencyId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
