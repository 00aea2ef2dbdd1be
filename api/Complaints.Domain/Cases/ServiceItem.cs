namespace Complaints.Domain.Cases;

/// <summary>The 政务服务事项 the complainant applied for (第二条); the code is optional because callers rarely know it.</summary>
public sealed record ServiceItem(string Name, string? Code = null);
