namespace Complaints.Api.Idempotency;

/// <summary>The first response to a request sent with an <c>Idempotency-Key</c>, kept for replay.</summary>
public sealed class IdempotencyRecord
{
    /// <summary>Whose key: the caller's <c>sub</c>; keys of different users never collide.</summary>
    public required string Scope { get; init; }
    public required string Key { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }

    /// <summary>SHA-256 of the request body: the same key with another body is refused (422).</summary>
    public required string RequestHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Null while the first request is still being processed.</summary>
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    /// <summary>The response body, encrypted like personal data: a submission's response carries its one-time query code.</summary>
    public string? ProtectedBody { get; set; }
}

/// <summary>Marks an endpoint as honouring the <c>Idempotency-Key</c> header.</summary>
public sealed class IdempotentAttribute : Attribute
{
    /// <summary>Which keyed requests are committed in groups by <c>Persistence/IntakeWriter</c>, by their JSON body; null: none.</summary>
    public Func<System.Text.Json.JsonElement, bool>? GroupCommitWhen { get; init; }
}
