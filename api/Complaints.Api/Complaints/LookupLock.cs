using System.Collections.Concurrent;

namespace Complaints.Api.Complaints;

/// <summary>
/// Brute force against one tracking number (the per-address limit does not stop a client with many addresses): after
/// <see cref="MaxFailures"/> wrong query codes within <see cref="Window"/> the number is locked until that hour ends,
/// whoever asks and whatever code they send. Numbers that do not exist are counted and locked alike, so the lock says
/// nothing about existence. Kept in this process's memory (bounded); with several replicas each counts on its own,
/// so the effective limit is that many times higher until the count moves to the shared Redis.
/// </summary>
public sealed class LookupLock(TimeProvider clock)
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int MaxNumbers = 100_000;
    private const int MaxKeyLength = 64;

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the number stays locked, or null when it may be looked up.</summary>
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
