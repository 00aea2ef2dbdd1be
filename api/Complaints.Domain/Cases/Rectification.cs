namespace Complaints.Domain.Cases;

public enum RectificationStatus
{
    Ordered,
    Completed,
    Verified,

    /// <summary>The management department did not accept the report; the agency completes again.</summary>
    SentBack,
}

/// <summary>
/// 整改 (第十六条): ordered by the management department, reported by the agency, verified by the
/// department; a report that is not accepted goes back to the agency until one is.
/// The latest report and note are kept here; every earlier round stays in the timeline.
/// </summary>
public sealed class Rectification
{
    private Rectification()
    {
        Requirement = "";
    }

    internal Rectification(int number, string requirement, DateOnly dueDate, DateTimeOffset at)
    {
        Number = number;
        Requirement = requirement;
        DueDate = dueDate;
        OrderedAt = at;
        Status = RectificationStatus.Ordered;
    }

    public int Number { get; private set; }

    public string Requirement { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateTimeOffset OrderedAt { get; private set; }

    public RectificationStatus Status { get; private set; }

    public string? Report { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>How many reports were sent back; 0 when the first one was accepted.</summary>
    public int SentBackCount { get; private set; }

    public string? VerificationNote { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public bool IsOpen => Status != RectificationStatus.Verified;

    internal void Complete(string report, DateTimeOffset at)
    {
        Report = report;
        CompletedAt = at;
        Status = RectificationStatus.Completed;
    }

    internal void Verify(bool accepted, string? note, DateTimeOffset at)
    {
        VerificationNote = note;
        if (accepted)
        {
            VerifiedAt = at;
            Status = RectificationStatus.Verified;
        }
        else
        {
            SentBackCount++;
            Status = RectificationStatus.SentBack;
        }
    }
}

public static class RectificationStatusText
{
    public static string ChineseName(this RectificationStatus status) => status switch
    {
        RectificationStatus.Ordered => "待整改",
        RectificationStatus.Completed => "已报送整改情况",
        RectificationStatus.Verified => "整改已核验",
        RectificationStatus.SentBack => "整改退回",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
