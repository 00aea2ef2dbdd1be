using Complaints.Api.Auth;

namespace Complaints.Api.Directory;

/// <summary>A demo user for development tokens (api.md "Development tokens").</summary>
public sealed record Persona(
    string Key,
    string Subject,
    string Role,
    string Name,
    Guid? AgencyId = null,
    string? RegionCode = null,
    string? IdType = null,
    string? IdNumber = null,
    string? Phone = null,
    Guid? OfficerId = null)
{
    public bool IsOfficer => Role is Roles.AgencyOfficer or Roles.ManagementOfficer;

    public Dictionary<string, object> Claims()
    {
        var claims = new Dictionary<string, object> { [ClaimNames.Subject] = Subject, [ClaimNames.Role] = Role, [ClaimNames.Name] = Name };
        Add(claims, ClaimNames.AgencyId, AgencyId?.ToString());
        Add(claims, ClaimNames.RegionCode, RegionCode);
        Add(claims, ClaimNames.IdType, IdType);
        Add(claims, ClaimNames.IdNumber, IdNumber);
        Add(claims, ClaimNames.Phone, Phone);
        return claims;
    }

    private static void Add(Dictionary<string, object> claims, string name, string? value)
    {
        if (value is not null)
        {
            claims[name] = value;
        }
    }
}

public static class Personas
{
    // Identity numbers below pass the GB 11643 / GB 32100 checks; they belong to no real person.
    public static readonly IReadOnlyList<Persona> All =
    [
        new("citizen", "citizen-li-ming", Roles.Citizen, "李明", IdType: "resident_id", IdNumber: "53010219880119123X", Phone: "13812345678"),
        new("citizen2", "citizen-wang-fang", Roles.Citizen, "王芳", IdType: "resident_id", IdNumber: "530103199205164324", Phone: "13987654321"),
        new("enterprise", "enterprise-yunling-tech", Roles.Enterprise, "昆明云岭科技有限公司", IdType: "uscc", IdNumber: "91530100MA6K3L2P7G", Phone: "13700001111"),
        new("agency_staff", "agency-staff-zhao-qiang", Roles.AgencyStaff, "赵强", AgencyId: DemoDirectory.WuhuaMarketRegulation),
        new("agency_officer", "agency-officer-qian-min", Roles.AgencyOfficer, "钱敏", AgencyId: DemoDirectory.WuhuaMarketRegulation, OfficerId: Guid.Parse("0f000000-0000-4000-8000-100000000001")),
        new("other_agency_staff", "agency-staff-sun-li", Roles.AgencyStaff, "孙丽", AgencyId: DemoDirectory.PanlongHumanResources),
        new("management_staff", "management-staff-zhou-tao", Roles.ManagementStaff, "周涛", RegionCode: "530102"),
        new("management_officer", "management-officer-wu-jing", Roles.ManagementOfficer, "吴静", RegionCode: "530102", OfficerId: Guid.Parse("0f000000-0000-4000-8000-100000000002")),
        new("province_management", "management-staff-province-he-yun", Roles.ManagementStaff, "何云", RegionCode: "530000"),
        new("hotline_operator", "hotline-operator-zheng-hong", Roles.HotlineOperator, "郑红", RegionCode: "530100"),
        new("admin", "admin-lin-bo", Roles.Admin, "林波"),

        // Service accounts (client-credentials): the systems of 五华区市场监督管理局 and of the 五华区 department.
        new("agency_system", "client-wuhua-market-case-system", Roles.AgencySystem, "五华区市场监督管理局投诉业务系统", AgencyId: DemoDirectory.WuhuaMarketRegulation),
        new("department_system", "client-wuhua-department-case-system", Roles.ManagementSystem, "五华区政务服务管理局投诉业务系统", RegionCode: "530102"),
    ];

    public static Persona? Find(string key) => All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));
}
