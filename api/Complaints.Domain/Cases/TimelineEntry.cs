namespace Complaints.Domain.Cases;

/// <summary>
/// One entry of the append-only case record (第十七条: the archive is history, never rewritten).
/// <see cref="Sequence"/>, not <see cref="At"/>, orders the record: instants come from callers' clocks.
/// <see cref="Details"/> holds only non-personal facts (ids, enums, dates, flags); free text a person
/// wrote lives on the aggregate, where access to it can be controlled.
/// </summary>
public sealed class TimelineEntry
{
    private Dictionary<string, string> _details = new(StringComparer.Ordinal);

    private TimelineEntry()
    {
        ActorUserId = "";
    }

    internal TimelineEntry(int sequence, DateTimeOffset at, TimelineEventKind kind, string? article, Actor actor, IEnumerable<KeyValuePair<string, string>> details)
    {
        Sequence = sequence;
        At = at;
        Kind = kind;
        Article = article;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        ActorAgencyId = actor.AgencyId;
        ActorRegionCode = actor.RegionCode;
        foreach (var (key, value) in details)
        {
            _details[key] = value;
        }
    }

    /// <summary>1, 2, 3 … within one case.</summary>
    public int Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }

    public TimelineEventKind Kind { get; private set; }

    public string? Article { get; private set; }

    public string ActorUserId { get; private set; }

    public ActorRole ActorRole { get; private set; }

    public Guid? ActorAgencyId { get; private set; }

    public string? ActorRegionCode { get; private set; }

    public IReadOnlyDictionary<string, string> Details => _details.AsReadOnly();
}
