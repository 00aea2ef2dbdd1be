namespace Complaints.Domain.Cases;

/// <summary>
/// The kinds of party that act on a case. The API maps token roles onto these:
/// <c>citizen</c>/<c>enterprise</c> → <see cref="Complainant"/>, <c>agency_*</c> → <see cref="AgencyStaff"/>,
/// <c>management_*</c> → <see cref="ManagementStaff"/>; <c>*_officer</c> sets <see cref="Actor.IsOfficer"/>.
/// </summary>
public enum ActorRole
{
    Complainant,
    AgencyStaff,
    ManagementStaff,
    HotlineOperator,
    Admin,

    /// <summary>Background work such as the deadline monitor; never a person.</summary>
    System,
}

/// <summary>
/// Who performs an action. <see cref="IsOfficer"/> marks the named complaint officers of 第四条,
/// the only staff who may act on confidential complaints (第九条).
/// </summary>
public sealed record Actor(string UserId, ActorRole Role, Guid? AgencyId = null, string? RegionCode = null, bool IsOfficer = false)
{
    public static Actor System { get; } = new("system", ActorRole.System);

    public static Actor ForComplainant(string userId) => new(userId, ActorRole.Complainant);

    public static Actor ForAgency(string userId, Guid agencyId, bool isOfficer = false) => new(userId, ActorRole.AgencyStaff, agencyId, null, isOfficer);

    public static Actor ForManagement(string userId, string regionCode, bool isOfficer = false) => new(userId, ActorRole.ManagementStaff, null, regionCode, isOfficer);

    public static Actor ForHotline(string userId, string regionCode, bool isOfficer = false) => new(userId, ActorRole.HotlineOperator, null, regionCode, isOfficer);

    internal bool IsStaff => Role is ActorRole.AgencyStaff or ActorRole.ManagementStaff or ActorRole.HotlineOperator;
}
