using Complaints.Domain.Jurisdiction;

namespace Complaints.Api.Directory;

/// <summary>A GB/T 2260 administrative division of Yunnan.</summary>
public sealed class Division
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public RegionLevel Level { get; init; }
    public string? ParentCode { get; init; }
}

/// <summary>政务服务管理部门: one per division (rules.md "Scope and parties").</summary>
public sealed class ManagementDepartment
{
    public Guid Id { get; init; }
    public required string RegionCode { get; init; }
    public required string Name { get; set; }
    public string? ComplaintPhone { get; set; }
}

public enum AgencyKind
{
    /// <summary>政务服务实施机构.</summary>
    ImplementingAgency,

    /// <summary>窗口服务单位: 政务服务中心, 便民服务中心(站), approved service halls.</summary>
    WindowServiceUnit,
}

/// <summary>政务服务机构 (第二条): the party complained about and the one that handles it (第五条).</summary>
public sealed class Agency
{
    public Guid Id { get; init; }
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
    public required string RegionCode { get; set; }
    public string? ComplaintPhone { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A named complaint officer (明确专人, 第四条) of an agency or a management department.</summary>
public sealed class Officer
{
    public Guid Id { get; init; }

    /// <summary>The identity platform's subject (<c>sub</c>) of this person.</summary>
    public required string UserId { get; init; }
    public required string Name { get; set; }
    public Guid? AgencyId { get; set; }
    public string? RegionCode { get; set; }
    public bool Active { get; set; } = true;
}
