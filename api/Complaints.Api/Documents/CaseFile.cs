using Complaints.Api.Auth;
using Complaints.Api.Cases;
using Complaints.Api.Persistence;
using Complaints.Api.SpotChecks;
using Complaints.Domain.Calendar;
using Complaints.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace Complaints.Api.Documents;

/// <summary>The complainant on a form: masked identity only (api.md), or nothing at all when withheld.</summary>
public sealed record DocumentComplainant(
    ComplainantType? Type,
    string Name,
    IdType? IdType,
    string? IdNumberMasked,
    string? PhoneMasked,
    bool? RealNameVerified,
    bool Withheld)
{
    /// <summary>What a confidential complainant is called on a form read by anyone but a named officer (第九条).</summary>
    public const string WithheldName = "保密";

    /// <summary>
    /// 第九条: a confidential complainant's identity is for the named complaint officers only. The case
    /// visibility rule already keeps confidential cases from everyone else; this holds even if it changes.
    /// The address is left off: it has no masked form, and the full identity has its own audited endpoint.
    /// </summary>
    internal static DocumentComplainant For(ComplainantSnapshot recorded, string? idNumberMasked, string? phoneMasked, bool confidential, bool readerIsOfficer) =>
        confidential && !readerIsOfficer
            ? new DocumentComplainant(null, WithheldName, null, null, null, null, Withheld: true)
            : new DocumentComplainant(recorded.Type, recorded.Name, recorded.IdType, idNumberMasked, phoneMasked, recorded.RealNameVerified, Withheld: false);

    internal string Describe() => Withheld
        ? WithheldName
        : Type is { } type ? $"{Name}({type.Name()})" : Name;

    internal string IdentityLine() => Withheld
        ? WithheldName
        : IdType is { } idType && IdNumberMasked is not null ? $"{idType.Name()} {IdNumberMasked}" : "未提供";
}

public sealed record DocumentAgency(Guid Id, string Name);

/// <summary>One 抽查 verdict on a case, as stored with its spot check.</summary>
public sealed record CaseSpotCheck(string RegionCode, SpotCheckVerdict Verdict, string Note, DateTimeOffset ReviewedAt, bool RectificationOrdered);

/// <summary>A 政务服务管理部门, named by the division it serves.</summary>
public sealed record DocumentDepartment(string RegionCode, string Name);

public sealed record DocumentRespondent(Guid AgencyId, string AgencyName, string? StaffName, string? WindowNumber)
{
    internal string StaffOrWindow() =>
        string.Join(" ", new[] { StaffName, WindowNumber is null ? null : $"窗口/工位 {WindowNumber}" }.Where(s => s is not null)).OrDash();
}

public sealed record DocumentServiceItem(string Name, string? Code)
{
    internal string Describe() => Code is null ? Name : $"{Name}({Code})";
}

/// <summary>
/// One case as the forms read it: the aggregate, the masked identity beside it, and the directory
/// names of every agency and management department the record mentions. Loaded only through the
/// case visibility rule: a case the caller may not see is indistinguishable from one that does not exist.
/// </summary>
internal sealed class CaseFile
{
    private readonly IReadOnlyDictionary<Guid, string> _agencyNames;
    private readonly IReadOnlyDictionary<string, string> _departmentNames;

    private CaseFile(
        Complaint complaint,
        DocumentComplainant complainant,
        IReadOnlyDictionary<Guid, string> agencyNames,
        IReadOnlyDictionary<string, string> departmentNames,
        string? relatedTrackingNumber,
        IWorkingDayCalendar calendar,
        DateTimeOffset now)
    {
        Complaint = complaint;
        Complainant = complainant;
        _agencyNames = agencyNames;
        _departmentNames = departmentNames;
        RelatedTrackingNumber = relatedTrackingNumber;
        Calendar = calendar;
        Now = now;
    }

    public Complaint Complaint { get; }

    public DocumentComplainant Complainant { get; }

    /// <summary>The 抽查 verdicts on this case (第十六条), oldest first.</summary>
    public IReadOnlyList<CaseSpotCheck> SpotChecks { get; private init; } = [];

    /// <summary>The tracking number of the case a 第八条 rejection points at, if any.</summary>
    public string? RelatedTrackingNumber { get; }

    public IWorkingDayCalendar Calendar { get; }

    public DateTimeOffset Now { get; }

    public DocumentRespondent Respondent => new(
        Complaint.Respondent.AgencyId, AgencyName(Complaint.Respondent.AgencyId), Complaint.Respondent.StaffName, Complaint.Respondent.WindowNumber);

    public DocumentServiceItem ServiceItem => new(Complaint.ServiceItem.Name, Complaint.ServiceItem.Code);

    public DocumentAgency Agency(Guid id) => new(id, AgencyName(id));

    public DocumentDepartment Department(string regionCode) =>
        new(regionCode, _departmentNames.GetValueOrDefault(regionCode) ?? $"{regionCode}政务服务管理部门");

    /// <summary>The timeline entry that recorded the latest event of a kind, e.g. who referred or decided.</summary>
    public TimelineEntry? Last(TimelineEventKind kind) => Complaint.Timeline.LastOrDefault(e => e.Kind == kind);

    /// <summary>The case if the caller may see it (tracked, so that the masked shadow columns can be read); otherwise null.</summary>
    public static Task<Complaint?> FindVisibleAsync(ComplaintsDbContext db, Guid id, Caller caller, CancellationToken ct) =>
        db.Complaints.AsSplitQuery().Where(c => c.Id == id).VisibleTo(db, caller).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The case a merged complaint finally went into (第十三条), tracked like the case itself. Its forms speak for
    /// the merged complaint too, whoever may see the target otherwise: nothing of its complainant is shown.
    /// </summary>
    public static async Task<Complaint?> FindMergeTargetAsync(ComplaintsDbContext db, Complaint complaint, CancellationToken ct)
    {
        var current = complaint;
        for (var hop = 0; hop < 5 && current is { Status: ComplaintStatus.Merged, MergedIntoCaseId: { } into }; hop++)
        {
            current = await db.Complaints.AsSplitQuery().FirstOrDefaultAsync(c => c.Id == into, ct);
        }

        return current is null || ReferenceEquals(current, complaint) || current.Status == ComplaintStatus.Merged ? null : current;
    }

    public static async Task<CaseFile> LoadAsync(
        ComplaintsDbContext db, Complaint complaint, Caller caller, IWorkingDayCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        var identity = db.Entry(complaint).Reference(c => c.Complainant).TargetEntry
            ?? throw new InvalidOperationException("A loaded complaint has its complainant.");
        var complainant = DocumentComplainant.For(
            complaint.Complainant,
            identity.Property<string?>(ComplaintConfiguration.IdNumberMasked).CurrentValue,
            identity.Property<string?>(ComplaintConfiguration.PhoneMasked).CurrentValue,
            complaint.Confidential,
            caller.IsOfficer);

        var agencyIds = new HashSet<Guid> { complaint.Respondent.AgencyId };
        agencyIds.UnionWith(new[] { complaint.AssignedAgencyId, complaint.LeadAgencyId }.OfType<Guid>());
        agencyIds.UnionWith(complaint.CooperatingAgencyIds);
        agencyIds.UnionWith(complaint.InvestigationRecords.Select(r => r.AgencyId).OfType<Guid>());
        agencyIds.UnionWith(complaint.Timeline.Select(e => e.ActorAgencyId).OfType<Guid>());
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var regionCodes = complaint.Timeline.Select(e => e.ActorRegionCode).Append(complaint.ReceivingRegionCode).OfType<string>().Distinct().ToList();
        var departmentNames = await db.ManagementDepartments.AsNoTracking().Where(d => regionCodes.Contains(d.RegionCode))
            .ToDictionaryAsync(d => d.RegionCode, d => d.Name, StringComparer.Ordinal, ct);

        // The related case is named by this case's own decision, so its number is part of this case's
        // record whoever may see the related case itself; nothing else of it is read.
        var related = complaint.RelatedCaseId is { } relatedId
            ? await db.Complaints.AsNoTracking().Where(c => c.Id == relatedId).Select(c => c.TrackingNumber).FirstOrDefaultAsync(ct)
            : null;

        // 抽查 verdicts live with the spot checks (第十六条), not in the aggregate; the form shows them beside the record.
        var spotChecks = (await db.SpotChecks.AsNoTracking().Where(s => s.CaseIds.Contains(complaint.Id)).ToListAsync(ct))
            .SelectMany(s => s.Findings.Where(f => f.CaseId == complaint.Id).Select(f => new CaseSpotCheck(s.RegionCode, f.Verdict, f.Note, f.ReviewedAt, f.RectificationOrdered)))
            .OrderBy(f => f.ReviewedAt)
            .ToList();
        foreach (var region in spotChecks.Select(s => s.RegionCode).Where(r => !departmentNames.ContainsKey(r)).Distinct().ToList())
        {
            if (await db.ManagementDepartments.AsNoTracking().Where(d => d.RegionCode == region).Select(d => d.Name).FirstOrDefaultAsync(ct) is { } name)
            {
                departmentNames[region] = name;
            }
        }

        return new CaseFile(complaint, complainant, agencyNames, departmentNames, related, calendar, now) { SpotChecks = spotChecks };
    }

    private string AgencyName(Guid id) => _agencyNames.GetValueOrDefault(id) ?? "(机构名录中无此机构)";
}
