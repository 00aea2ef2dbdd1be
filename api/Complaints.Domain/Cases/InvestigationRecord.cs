namespace Complaints.Domain.Cases;

/// <summary>第十四条: 现场调查、谈话核实、调取资料.</summary>
public enum InvestigationMethod
{
    OnSiteInvestigation,
    Interview,
    RecordsRetrieval,
    Other,
}

/// <summary>One recorded investigation step (第十四条), by the lead or a cooperating agency (第十五条).</summary>
public sealed class InvestigationRecord
{
    private InvestigationRecord()
    {
        Summary = "";
        RecordedByUserId = "";
    }

    internal InvestigationRecord(int number, InvestigationMethod method, string summary, Actor actor, DateTimeOffset at)
    {
        Number = number;
        Method = method;
        Summary = summary;
        RecordedByUserId = actor.UserId;
        AgencyId = actor.AgencyId;
        RecordedAt = at;
    }

    public int Number { get; private set; }

    public InvestigationMethod Method { get; private set; }

    public string Summary { get; private set; }

    public string RecordedByUserId { get; private set; }

    public Guid? AgencyId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
