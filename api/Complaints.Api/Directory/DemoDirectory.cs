namespace Complaints.Api.Directory;

/// <summary>
/// The demo agencies and officers seeded by <c>./run.sh</c> and the tests: real Yunnan
/// divisions, plausible agencies in Kunming, Qujing and Dali. Ids are fixed so that the
/// development personas can name them.
/// </summary>
public static class DemoDirectory
{
    public static Guid AgencyId(int n) => Guid.Parse($"a0000000-0000-4000-8000-{n:D12}");

    public static Guid DepartmentId(string regionCode) => Guid.Parse($"d0000000-0000-4000-8000-000000{regionCode}");

    public static readonly Guid WuhuaMarketRegulation = AgencyId(7);
    public static readonly Guid PanlongHumanResources = AgencyId(11);

    public static readonly IReadOnlyList<Agency> Agencies =
    [
        Make(1, "昆明市政务服务中心", AgencyKind.WindowServiceUnit, "530100", "0871-12345001"),
        Make(2, "昆明市市场监督管理局", AgencyKind.ImplementingAgency, "530100", "0871-12345002"),
        Make(3, "昆明市人力资源和社会保障局", AgencyKind.ImplementingAgency, "530100", "0871-12345003"),
        Make(4, "昆明市公安局交通管理支队车辆管理所", AgencyKind.ImplementingAgency, "530100", "0871-12345004"),
        Make(5, "昆明市住房公积金管理中心", AgencyKind.ImplementingAgency, "530100", "0871-12345005"),
        Make(6, "五华区政务服务中心", AgencyKind.WindowServiceUnit, "530102", "0871-12345006"),
        Make(7, "五华区市场监督管理局", AgencyKind.ImplementingAgency, "530102", "0871-12345007"),
        Make(8, "五华区人力资源和社会保障局", AgencyKind.ImplementingAgency, "530102", "0871-12345008"),
        Make(9, "五华区护国街道便民服务中心", AgencyKind.WindowServiceUnit, "530102", "0871-12345009"),
        Make(10, "盘龙区政务服务中心", AgencyKind.WindowServiceUnit, "530103", "0871-12345010"),
        Make(11, "盘龙区人力资源和社会保障局", AgencyKind.ImplementingAgency, "530103", "0871-12345011"),
        Make(12, "官渡区政务服务中心", AgencyKind.WindowServiceUnit, "530111", "0871-12345012"),
        Make(13, "官渡区不动产登记中心", AgencyKind.ImplementingAgency, "530111", "0871-12345013"),
        Make(14, "西山区政务服务中心", AgencyKind.WindowServiceUnit, "530112", "0871-12345014"),
        Make(15, "昆明供电局客户服务中心", AgencyKind.ImplementingAgency, "530100", "0871-12345015"),
        Make(16, "曲靖市政务服务中心", AgencyKind.WindowServiceUnit, "530300", "0874-12345016"),
        Make(17, "曲靖市市场监督管理局", AgencyKind.ImplementingAgency, "530300", "0874-12345017"),
        Make(18, "麒麟区政务服务中心", AgencyKind.WindowServiceUnit, "530302", "0874-12345018"),
        Make(19, "麒麟区不动产登记中心", AgencyKind.ImplementingAgency, "530302", "0874-12345019"),
        Make(20, "大理白族自治州政务服务中心", AgencyKind.WindowServiceUnit, "532900", "0872-12345020"),
        Make(21, "大理州公安局出入境管理支队", AgencyKind.ImplementingAgency, "532900", "0872-12345021"),
        Make(22, "大理市政务服务中心", AgencyKind.WindowServiceUnit, "532901", "0872-12345022"),
        Make(23, "大理市市场监督管理局", AgencyKind.ImplementingAgency, "532901", "0872-12345023"),
        Make(24, "云南省政务服务中心", AgencyKind.WindowServiceUnit, "530000", "0871-12345024"),
    ];

    private static readonly string[] OfficerNames =
        ["陈雪", "杨帆", "李娜", "张伟", "刘洋", "黄磊", "周敏", "徐静", "孙浩", "马丽", "朱军", "胡月", "郭涛", "何平", "高燕", "林峰", "罗琳", "梁宇", "宋佳", "谢婷", "韩冰", "唐亮", "冯雨", "董晨"];

    /// <summary>One named complaint officer per agency (第四条 明确专人), plus the persona officers.</summary>
    public static IEnumerable<Officer> Officers()
    {
        for (var i = 0; i < Agencies.Count; i++)
        {
            var agency = Agencies[i];
            if (agency.Id == WuhuaMarketRegulation)
            {
                continue; // its officer is the agency_officer persona
            }

            yield return new Officer { Id = Guid.Parse($"0f000000-0000-4000-8000-{i + 1:D12}"), UserId = $"officer-agency-{i + 1:D2}", Name = OfficerNames[i], AgencyId = agency.Id };
        }

        foreach (var persona in Personas.All.Where(p => p.IsOfficer))
        {
            yield return new Officer { Id = persona.OfficerId!.Value, UserId = persona.Subject, Name = persona.Name, AgencyId = persona.AgencyId, RegionCode = persona.AgencyId is null ? persona.RegionCode : null };
        }
    }

    public static string DepartmentName(Division division) => $"{division.Name}政务服务管理局";

    private static Agency Make(int n, string name, AgencyKind kind, string region, string phone) =>
        new() { Id = AgencyId(n), Name = name, Kind = kind, RegionCode = region, ComplaintPhone = phone };
}
