using System.Collections.Concurrent;
using Complaints.Api.Infrastructure;
using StackExchange.Redis;

namespace Complaints.Api.Complaints;

/// <summary>
/// Brute force against one tracking number (the per-address limit does not stop a client with many addresses): after
/// <see cref="MaxFailures"/> wrong query codes within <see cref="Window"/> the number is locked until that hour ends,
/// whoever asks and whatever code they send. Numbers that do not exist are counted and locked alike, so the lock says
/// nothing about existence. Counted in this process's memory (bounded) and, when <c>RateLimits:Redis</c> is set, in the
/// shared Redis too, so that replicas lock a number together; a number is locked when either count says so. While Redis
/// cannot be reached each replica counts on its own (the effective limit is then that many times higher), as the rate
/// limits do. The window is the application clock's, kept in Redis beside the count (the key expires after it).
/// </summary>
public sealed class LookupLock(TimeProvider clock, RateLimitBackend? shared = null)
{
    // The count and the start of its window, started anew once the window has passed: one atomic step.
    private const string RecordScript = """
        local since = tonumber(redis.call('HGET', KEYS[1], 's'))
        local now = tonumber(ARGV[1])
        if (not since) or since + tonumber(ARGV[2]) <= now then
          redis.call('HSET', KEYS[1], 's', ARGV[1], 'c', 1)
        else
          redis.call('HINCRBY', KEYS[1], 'c', 1)
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int MaxNumbers = 100_000;
    private const int MaxKeyLength = 64;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the number stays locked (by this replica's count or the shared one), or null when it may be looked up.</summary>
    public async Task<TimeSpan?> LockedForAsync(string trackingNumber)
    {
        var local = LockedFor(trackingNumber);
        if (local is not null || shared is null)
        {
            return local;
        }

        TimeSpan? locked = null;
        await shared.TryShareAsync(async (redis, prefix) =>
        {
            var values = await redis.HashGetAsync(SharedKey(prefix, trackingNumber), ["s", "c"]);
            if (values[0].TryParse(out long since) && values[1].TryParse(out long count))
            {
                var left = DateTimeOffset.FromUnixTimeMilliseconds(since) + Window - clock.GetUtcNow();
                locked = count >= MaxFailures && left > TimeSpan.Zero ? left : null;
            }
        });
        return locked;
    }

    /// <summary>Counts a wrong code (or an unknown number) here and, when it can be reached, in the shared Redis.</summary>
    public async Task RecordFailureAsync(string trackingNumber)
    {
        RecordFailure(trackingNumber);
        if (shared is not null)
        {
            await shared.TryShareAsync((redis, prefix) => redis.ScriptEvaluateAsync(RecordScript, [SharedKey(prefix, trackingNumber)],
                [clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)Window.TotalMilliseconds]));
        }
    }

    /// <summary>How long the number stays locked by this replica's own count, or null when it may be looked up.</summary>
    public TimeSpan? LockedFor(string trackingNumber)
    {
        if (!_failures.TryGetValue(Key(trackingNumber), out var failures))
        {
            return null;
        }

        lock (failures)
        {
            var left = failures.Since + Window - clock.GetUtcNow();
            return failures.Count >= MaxFailures && left > TimeSpan.Zero ? left : null;
        }
    }

    public void RecordFailure(string trackingNumber)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count >= MaxNumbers)
        {
            foreach (var (key, old) in _failures)
            {
                if (old.Since + Window <= now)
                {
                    _failures.TryRemove(key, out _);
                }
            }

            if (_failures.Count >= MaxNumbers)
            {
                _failures.Clear();
            }
        }

        var failures = _failures.GetOrAdd(Key(trackingNumber), _ => new Failures { Since = now });
        lock (failures)
        {
            if (failures.Since + Window <= now)
            {
                failures.Since = now;
                failures.Count = 0;
            }

            failures.Count++;
        }
    }

    private static RedisKey SharedKey(string prefix, string trackingNumber) => $"{prefix}:lookup-lock:{Key(trackingNumber)}";

    private static string Key(string trackingNumber)
    {
        var key = trackingNumber.Trim().ToUpperInvariant();
        return key.Length <= MaxKeyLength ? key : key[..MaxKeyLength];
    }

    private sealed class Failures
    {
        public DateTimeOffset Since { get; set; }

        public int Count { get; set; }
    }
}
