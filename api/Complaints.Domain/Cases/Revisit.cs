namespace Complaints.Domain.Cases;

/// <summary>A staff revisit (回访, 第十六条) and the satisfaction the complainant expressed in it.</summary>
public sealed class Revisit
{
    private Revisit()
    {
        RecordedByUserId = "";
    }

    internal Revisit(int number, RevisitMethod method, SatisfactionRating rating, string? note, Actor actor, DateTimeOffset at)
    {
        Number = number;
        Method = method;
        Rating = rating;
        Note = note;
        RecordedByUserId = actor.UserId;
        RecordedByRole = actor.Role;
        RecordedAt = at;
    }

    public int Number { get; private set; }

    public RevisitMethod Method { get; private set; }

    public SatisfactionRating Rating { get; private set; }

    public string? Note { get; private set; }

    public string RecordedByUserId { get; private set; }

    public ActorRole RecordedByRole { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
