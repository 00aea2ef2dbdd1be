using System.ComponentModel.DataAnnotations;
using System.Net.Sockets;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Complaints.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace Complaints.Api.Evidence;

/// <summary>Configuration section <c>Evidence:S3</c>, read when <c>Evidence:Storage</c> is <c>s3</c>.</summary>
public sealed class S3EvidenceOptions
{
    [Required(AllowEmptyStrings = false)]
    public string Bucket { get; set; } = "";

    /// <summary>An S3-compatible endpoint (Ceph radosgw, MinIO, a cloud's OSS); unset: AWS itself in <see cref="Region"/>.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "us-east-1";

    /// <summary>bucket in the path (<c>host/bucket/key</c>), as most self-hosted servers need; false: virtual-hosted style.</summary>
    public bool ForcePathStyle { get; set; } = true;

    /// <summary>
    /// <c>WHEN_REQUIRED</c> (default): the SDK adds and checks CRC checksums only where S3 demands them; servers that
    /// do not know the newer checksum headers (radosgw) refuse uploads otherwise. <c>WHEN_SUPPORTED</c>: always.
    /// </summary>
    public string ChecksumMode { get; set; } = "WHEN_REQUIRED";

    /// <summary>Server-side encryption: empty (none), <c>AES256</c> (SSE-S3) or <c>aws:kms</c> (SSE-KMS with <see cref="KmsKeyId"/>).</summary>
    public string? ServerSideEncryption { get; set; }

    public string? KmsKeyId { get; set; }

    /// <summary>Static credentials (from a Secret); unset: the SDK's default chain (environment, web identity, instance role).</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    /// <summary>Per-request timeout; a store that does not answer in time counts as unavailable (503).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxErrorRetry { get; set; } = 2;
}

/// <summary>
/// Evidence in an S3 bucket, one object per key. Uploads are sent from the stream the caller passes and downloads
/// are handed out as the response stream, so no object is buffered whole here. An unreachable store, a timeout or a
/// 5xx surfaces as <see cref="DependencyUnavailableException"/> ("storage"): the API answers 503, never 500.
/// </summary>
public sealed class S3EvidenceStorage : IEvidenceStorage, IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly S3EvidenceOptions _options;
    private readonly ServerSideEncryptionMethod? _encryption;

    public S3EvidenceStorage(IOptions<S3EvidenceOptions> options)
    {
        _options = options.Value;
        _s3 = CreateClient(_options);
        _encryption = string.IsNullOrWhiteSpace(_options.ServerSideEncryption) ? null : ServerSideEncryptionMethod.FindValue(_options.ServerSideEncryption);
    }

    public static AmazonS3Client CreateClient(S3EvidenceOptions o)
    {
        var checksum = o.ChecksumMode.Equals("WHEN_SUPPORTED", StringComparison.OrdinalIgnoreCase)
            ? (RequestChecksumCalculation.WHEN_SUPPORTED, ResponseChecksumValidation.WHEN_SUPPORTED)
            : (RequestChecksumCalculation.WHEN_REQUIRED, ResponseChecksumValidation.WHEN_REQUIRED);
        var config = new AmazonS3Config
        {
            ForcePathStyle = o.ForcePathStyle,
            RequestChecksumCalculation = checksum.Item1,
            ResponseChecksumValidation = checksum.Item2,
            Timeout = o.Timeout,
            MaxErrorRetry = o.MaxErrorRetry,
            AuthenticationRegion = o.Region,
        };
        if (string.IsNullOrWhiteSpace(o.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(o.Region);
        }
        else
        {
            config.ServiceURL = o.ServiceUrl;
        }

        return o.AccessKey is { Length: > 0 } && o.SecretKey is { Length: > 0 }
            ? new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), config)
            : new AmazonS3Client(config);
    }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        Check(key);
        var request = new PutObjectRequest
        {
            BucketName = _options.Bucket,
            Key = key,
            InputStream = content,
            AutoCloseStream = false,
            ContentType = "application/octet-stream",
        };
        if (_encryption is not null)
        {
            request.ServerSideEncryptionMethod = _encryption;
            if (_encryption == ServerSideEncryptionMethod.AWSKMS && !string.IsNullOrEmpty(_options.KmsKeyId))
            {
                request.ServerSideEncryptionKeyManagementServiceKeyId = _options.KmsKeyId;
            }
        }

        await Guard(() => _s3.PutObjectAsync(request, cancellationToken));
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        Check(key);
        try
        {
            var response = await Guard(() => _s3.GetObjectAsync(_options.Bucket, key, cancellationToken));
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Check(key);
        await Guard(() => _s3.DeleteObjectAsync(_options.Bucket, key, cancellationToken));
    }

    public void Dispose() => _s3.Dispose();

    private static void Check(string key)
    {
        if (!EvidenceStorageKeys.IsValid(key))
        {
            throw new ArgumentException("An evidence storage key is 8 to 64 characters of [a-z0-9_-].", nameof(key));
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw new DependencyUnavailableException("storage", e);
        }
    }

    /// <summary>The store cannot be reached or is failing; a 4xx (except a throttling 503 SlowDown) is our mistake and stays as it is.</summary>
    internal static bool IsUnavailable(Exception e) => e switch
    {
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
        HttpRequestException or SocketException or IOException => true,
        TaskCanceledException or TimeoutException => true,
        AmazonClientException or AmazonServiceException when e.InnerException is not null => IsUnavailable(e.InnerException),
        _ => false,
    };

    /// <summary>The object's bytes as they arrive; disposing it closes the response (and its connection goes back to the pool).</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
