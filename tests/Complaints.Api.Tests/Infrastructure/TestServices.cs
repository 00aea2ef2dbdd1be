using Amazon.S3;
using Amazon.S3.Model;
using Complaints.Api.Evidence;

namespace Complaints.Api.Tests.Infrastructure;

/// <summary>
/// The real Redis and S3-compatible server (Ceph radosgw) that ./test.sh starts for this run
/// (COMPLAINTS_TEST_REDIS, COMPLAINTS_TEST_S3*). A test that needs one fails when it is not there.
/// </summary>
public static class TestServices
{
    public static string Redis => Required("COMPLAINTS_TEST_REDIS");

    public static string S3Endpoint => Required("COMPLAINTS_TEST_S3");

    /// <summary>The SSE-KMS key id the test radosgw knows (scripts/s3.sh).</summary>
    public const string S3KmsKeyId = "evidence-test-key";

    public static S3EvidenceOptions S3Options(string bucket) => new()
    {
        Bucket = bucket,
        ServiceUrl = S3Endpoint,
        AccessKey = Required("COMPLAINTS_TEST_S3_ACCESS_KEY"),
        SecretKey = Required("COMPLAINTS_TEST_S3_SECRET_KEY"),
        ServerSideEncryption = "aws:kms",
        KmsKeyId = S3KmsKeyId,
    };

    /// <summary>The app's settings for evidence in <paramref name="bucket"/> on the test server.</summary>
    public static Dictionary<string, string?> S3Settings(string bucket)
    {
        var o = S3Options(bucket);
        return new Dictionary<string, string?>
        {
            ["Evidence:Storage"] = "s3",
            ["Evidence:S3:Bucket"] = o.Bucket,
            ["Evidence:S3:ServiceUrl"] = o.ServiceUrl,
            ["Evidence:S3:AccessKey"] = o.AccessKey,
            ["Evidence:S3:SecretKey"] = o.SecretKey,
            ["Evidence:S3:ForcePathStyle"] = "true",
            ["Evidence:S3:ChecksumMode"] = "WHEN_REQUIRED",
            ["Evidence:S3:ServerSideEncryption"] = o.ServerSideEncryption,
            ["Evidence:S3:KmsKeyId"] = o.KmsKeyId,
        };
    }

    /// <summary>A new, empty bucket on the test server.</summary>
    public static async Task<string> NewBucketAsync()
    {
        var bucket = $"evidence-{Guid.NewGuid():N}"[..30];
        using var s3 = S3EvidenceStorage.CreateClient(S3Options(bucket));
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        return bucket;
    }

    public static async Task<List<string>> KeysAsync(string bucket)
    {
        using var s3 = S3EvidenceStorage.CreateClient(S3Options(bucket));
        var listed = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket });
        return [.. (listed.S3Objects ?? []).Select(o => o.Key)];
    }

    public static async Task<GetObjectMetadataResponse> MetadataAsync(string bucket, string key)
    {
        using var s3 = S3EvidenceStorage.CreateClient(S3Options(bucket));
        return await s3.GetObjectMetadataAsync(bucket, key);
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests with ./test.sh, which starts Redis and an S3-compatible server.");
}
