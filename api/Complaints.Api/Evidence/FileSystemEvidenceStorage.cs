using Microsoft.Extensions.Options;

namespace Complaints.Api.Evidence;

/// <summary>
/// The default <see cref="IEvidenceStorage"/>: one file per key under <see cref="EvidenceOptions.StorageFolder"/>,
/// spread over 256 subfolders by the key's first two characters. Writes go to a temporary file first
/// and are renamed into place, so a reader never sees half a file.
/// </summary>
public sealed class FileSystemEvidenceStorage : IEvidenceStorage
{
    private readonly string _root;

    public FileSystemEvidenceStorage(IOptions<EvidenceOptions> options, IHostEnvironment environment, ILogger<FileSystemEvidenceStorage> logger)
    {
        var configured = options.Value.StorageFolder;
        if (string.IsNullOrWhiteSpace(configured))
        {
            _root = Path.Combine(Path.GetTempPath(), "complaints-evidence");
            if (!environment.IsDevelopment())
            {
                logger.LogWarning("Evidence:StorageFolder is not set; evidence is kept under {Folder}, which may not survive a restart.", _root);
            }
        }
        else
        {
            _root = Path.GetFullPath(configured, environment.ContentRootPath);
        }

        System.IO.Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            Stream stream = new FileStream(PathFor(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathFor(key));
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored in that subfolder: already deleted.
        }

        return Task.CompletedTask;
    }

    private string PathFor(string key)
    {
        if (!EvidenceStorageKeys.IsValid(key))
        {
            throw new ArgumentException("An evidence storage key is 8 to 64 characters of [a-z0-9_-].", nameof(key));
        }

        return Path.Combine(_root, key[..2], key);
    }
}
