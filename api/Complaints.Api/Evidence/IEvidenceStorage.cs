namespace Complaints.Api.Evidence;

/// <summary>
/// Where evidence bytes live. Keys are chosen by the caller and are random (never an uploaded
/// file name); implementations accept only <c>[a-z0-9_-]</c> keys of 8 to 64 characters.
/// </summary>
public interface IEvidenceStorage
{
    /// <summary>Stores <paramref name="content"/> under a new key; an existing key is an error.</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>The stored bytes, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the key; a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

public static class EvidenceStorageKeys
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static bool IsValid(string key) =>
        key.Length is >= 8 and <= 64 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-');
}
