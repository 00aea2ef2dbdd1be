using Complaints.Domain.Calendar;

namespace Complaints.Domain.Common;

/// <summary>第十九条: 本办法自2022年7月10日起施行. Nothing before that day is governed by it.</summary>
public static class Regulation
{
    public const string InForceArticle = "第十九条";

    /// <summary>The first day the 办法 applies (CST).</summary>
    public static readonly DateOnly InForceFrom = new(2022, 7, 10);

    /// <summary>00:00 CST of <see cref="InForceFrom"/>.</summary>
    public static DateTimeOffset InForceAt => new(InForceFrom.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);

    /// <summary>"2022年7月10日", for messages.</summary>
    public const string InForceText = "2022年7月10日";
}
