using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Complaints.Api.Infrastructure;

/// <summary>
/// Where the rate-limit budgets are counted. Without <c>RateLimits:Redis</c>: in this process (one replica).
/// With it: in Redis, so every replica spends from one budget per address or user. When Redis cannot be
/// reached, each replica counts in its own memory instead (so the effective limit is per replica until Redis
/// is back) and says so in the log: a limiter that is down must never turn requests into errors.
/// </summary>
public sealed partial class RateLimitBackend : IDisposable
{
    private readonly ConnectionMultiplexer? _redis;
    private readonly TimeSpan _redisTimeout;
    private readonly string _prefix;
    private readonly ILogger<RateLimitBackend> _logger;
    private readonly Timer? _probe;
    private int _redisUp;

    public RateLimitBackend(RateLimitOptions options, ILogger<RateLimitBackend> logger)
    {
        _logger = logger;
        _redisTimeout = options.RedisTimeout;
        _prefix = options.RedisPrefix;
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(options.Redis);
        // Start even when Redis is down, and reconnect every second rather than backing off for minutes.
        configuration.AbortOnConnectFail = false;
        configuration.ReconnectRetryPolicy = new LinearRetry(1000);
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
        _redis = ConnectionMultiplexer.Connect(configuration);
        _redisUp = _redis.IsConnected ? 1 : 0;
        if (_redisUp == 0)
        {
            LogRedisDown(_logger, "not reachable at start");
        }

        _redis.ConnectionFailed += (_, e) => MarkDown(e.FailureType.ToString());
        _redis.ConnectionRestored += (_, _) => MarkUp();
        // Events can be missed (a connection that hangs rather than fails): probe while down and now and then while up.
        _probe = new Timer(_ => _ = ProbeAsync(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>True when <c>RateLimits:Redis</c> is set, whether or not Redis answers now.</summary>
    public bool RedisConfigured => _redis is not null;

    /// <summary>True when budgets are shared through Redis right now.</summary>
    public bool UsesRedis => _redis is not null && Volatile.Read(ref _redisUp) == 1;

    /// <summary>
    /// Runs <paramref name="call"/> against the shared Redis under <c>RateLimits:RedisPrefix</c> within <c>RateLimits:RedisTimeout</c>;
    /// false when Redis is not configured, down or too slow (the caller counts on its own then, as the budgets do).
    /// </summary>
    public async Task<bool> TryShareAsync(Func<IDatabase, string, Task> call)
    {
        if (!UsesRedis)
        {
            return false;
        }

        try
        {
            await call(_redis!.GetDatabase(), _prefix).WaitAsync(_redisTimeout);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            MarkDown(e.GetType().Name);
            return false;
        }
    }

    /// <summary>A fixed one-minute window of <paramref name="permits"/> for <paramref name="key"/> under <paramref name="policy"/>.</summary>
    public RateLimitPartition<string> PerMinute(string policy, string key, int permits)
    {
        var local = new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
        if (_redis is null)
        {
            return RateLimitPartition.Get(key, _ => new WindowedLimiter(local));
        }

        var redis = _redis;
        return RateLimitPartition.Get(key, k => new FallbackRateLimiter(
            this,
            new RedisFixedWindowRateLimiter<string>($"{_prefix}:{policy}:{k}", new RedisFixedWindowRateLimiterOptions
            {
                ConnectionMultiplexerFactory = () => redis,
                PermitLimit = local.PermitLimit,
                Window = local.Window,
            }),
            new WindowedLimiter(local)));
    }

    public void Dispose()
    {
        _probe?.Dispose();
        _redis?.Dispose();
    }

    private void MarkDown(string reason)
    {
        if (Interlocked.Exchange(ref _redisUp, 0) == 1)
        {
            LogRedisDown(_logger, reason);
        }
    }

    private void MarkUp()
    {
        if (_redis is { IsConnected: true } && Interlocked.Exchange(ref _redisUp, 1) == 0)
        {
            LogRedisBack(_logger);
        }
    }

    private async Task ProbeAsync()
    {
        if (_redis is null)
        {
            return;
        }

        try
        {
            await _redis.GetDatabase().PingAsync().WaitAsync(_redisTimeout);
            MarkUp();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            MarkDown(e.GetType().Name);
        }
    }

    /// <summary>Redis while it answers within <see cref="RateLimitOptions.RedisTimeout"/>, this process's own window otherwise.</summary>
    private sealed class FallbackRateLimiter(RateLimitBackend backend, RateLimiter redis, RateLimiter local) : RateLimiter
    {
        private static readonly RateLimitLease GoAsync = new NotAcquired();

        public override TimeSpan? IdleDuration => local.IdleDuration is { } idle && redis.IdleDuration is { } redisIdle ? (idle < redisIdle ? idle : redisIdle) : null;

        public override RateLimiterStatistics? GetStatistics() => backend.UsesRedis ? redis.GetStatistics() : local.GetStatistics();

        // Redis cannot be asked synchronously without blocking a thread; the middleware then asks asynchronously.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
            backend.UsesRedis ? GoAsync : local.AttemptAcquire(permitCount);

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (backend.UsesRedis)
            {
                try
                {
                    return await redis.AcquireAsync(permitCount, cancellationToken).AsTask().WaitAsync(backend._redisTimeout, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    backend.MarkDown(e.GetType().Name);
                }
            }

            return await local.AcquireAsync(permitCount, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                redis.Dispose();
                local.Dispose();
            }

            base.Dispose(disposing);
        }

        private sealed class NotAcquired : RateLimitLease
        {
            public override bool IsAcquired => false;

            public override IEnumerable<string> MetadataNames => [];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits: Redis is unavailable ({Reason}); each replica counts its own budgets until it is back")]
    private static partial void LogRedisDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limits: Redis is back; budgets are shared by every replica again")]
    private static partial void LogRedisBack(ILogger logger);
}
