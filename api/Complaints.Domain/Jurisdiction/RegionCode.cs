namespace Complaints.Domain.Jurisdiction;

public enum RegionLevel
{
    Province,
    Prefecture,
    County,
}

/// <summary>
/// GB/T 2260 division codes of Yunnan. 第五条 (属地管理、分级负责): a management department
/// supervises its own division and every division below it; in GB/T 2260 the code of a
/// division below shares its ancestor's significant prefix (province 2 digits, prefecture 4).
/// </summary>
public static class RegionCode
{
    public static bool IsWellFormed(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    public static RegionLevel LevelOf(string code)
    {
        if (!IsWellFormed(code))
        {
            throw new ArgumentException($"Not a GB/T 2260 code: {code}", nameof(code));
        }

        return code.EndsWith("0000", StringComparison.Ordinal) ? RegionLevel.Province
            : code.EndsWith("00", StringComparison.Ordinal) ? RegionLevel.Prefecture
            : RegionLevel.County;
    }

    /// <summary>The prefix every code in the division's subtree starts with.</summary>
    public static string SubtreePrefix(string code) => LevelOf(code) switch
    {
        RegionLevel.Province => code[..2],
        RegionLevel.Prefecture => code[..4],
        _ => code,
    };

    /// <summary>True when <paramref name="code"/> is <paramref name="ancestorOrSelf"/> or lies below it.</summary>
    public static bool IsWithin(string code, string ancestorOrSelf) =>
        IsWellFormed(code) && IsWellFormed(ancestorOrSelf) && code.StartsWith(SubtreePrefix(ancestorOrSelf), StringComparison.Ordinal);

    /// <summary>The division one level up (county → prefecture → province); null for the province.</summary>
    public static string? ParentOf(string code) => LevelOf(code) switch
    {
        RegionLevel.County => code[..4] + "00",
        RegionLevel.Prefecture => code[..2] + "0000",
        _ => null,
    };
}
