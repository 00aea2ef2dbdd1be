namespace Complaints.Domain.Cases;

/// <summary>
/// The complainant as recorded at receipt (第七条第(一)项). Name, id number, phone and address are
/// opaque to the domain: they arrive already encrypted (or masked) and are only checked for presence,
/// because who may read them (第九条) is decided outside the aggregate.
/// </summary>
public sealed record ComplainantSnapshot(
    ComplainantType Type,
    string Name,
    IdType? IdType,
    string? IdNumber,
    string? Phone,
    string? Address,
    bool RealNameVerified);
