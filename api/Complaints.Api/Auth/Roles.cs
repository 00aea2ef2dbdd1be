namespace Complaints.Api.Auth;

/// <summary>The <c>role</c> claim values of api.md. <c>*_officer</c> are the named complaint officers of 第四条.</summary>
public static class Roles
{
    public const string Citizen = "citizen";
    public const string Enterprise = "enterprise";
    public const string AgencyStaff = "agency_staff";
    public const string AgencyOfficer = "agency_officer";
    public const string ManagementStaff = "management_staff";
    public const string ManagementOfficer = "management_officer";
    public const string HotlineOperator = "hotline_operator";
    public const string Admin = "admin";

    /// <summary>
    /// An agency's own system (client-credentials service account): the remit of that agency's staff. It sees a
    /// confidential complainant's identity (第九条) only when the token also names one of the agency's complaint officers.
    /// </summary>
    public const string AgencySystem = "agency_system";

    /// <summary>A management department's own system: the remit of that department's staff (see <see cref="AgencySystem"/>).</summary>
    public const string ManagementSystem = "management_system";

    public static readonly IReadOnlyList<string> All =
        [Citizen, Enterprise, AgencyStaff, AgencyOfficer, ManagementStaff, ManagementOfficer, HotlineOperator, Admin, AgencySystem, ManagementSystem];
}

/// <summary>Named authorization policies, one per role family.</summary>
public static class Policies
{
    /// <summary>Citizens and enterprises: submit online, track, rate, withdraw their own complaints.</summary>
    public const string Complainant = "complainant";

    /// <summary>Agency staff and officers: act on their agency's cases.</summary>
    public const string Agency = "agency";

    /// <summary>Management-department staff and officers: receive, refer, supervise their region.</summary>
    public const string Management = "management";

    /// <summary>Every staff role that works cases (agency, management).</summary>
    public const string Casework = "casework";

    /// <summary>Staff who register offline-channel complaints on a complainant's behalf (第六条).</summary>
    public const string Registrar = "registrar";

    /// <summary>Named complaint officers only (第四、九条): full identity, confidential cases.</summary>
    public const string Officer = "officer";

    public const string Admin = "admin";

    /// <summary>Anyone with a valid token.</summary>
    public const string Authenticated = "authenticated";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [Complainant] = [Roles.Citizen, Roles.Enterprise],
        [Agency] = [Roles.AgencyStaff, Roles.AgencyOfficer, Roles.AgencySystem],
        [Management] = [Roles.ManagementStaff, Roles.ManagementOfficer, Roles.ManagementSystem],
        [Casework] = [Roles.AgencyStaff, Roles.AgencyOfficer, Roles.ManagementStaff, Roles.ManagementOfficer, Roles.AgencySystem, Roles.ManagementSystem],
        [Registrar] = [Roles.HotlineOperator, Roles.AgencyStaff, Roles.AgencyOfficer, Roles.ManagementStaff, Roles.ManagementOfficer, Roles.AgencySystem, Roles.ManagementSystem],

        // A system role passes too when its token names a verified complaint officer (ServiceAccountClaims).
        [Officer] = [Roles.AgencyOfficer, Roles.ManagementOfficer],
        [Admin] = [Roles.Admin],
    };
}
