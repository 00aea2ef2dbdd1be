namespace Complaints.Api.Evidence;

/// <summary>
/// The bytes image decoding may hold at once (<c>Evidence:DecodeMemoryBudget</c>). A decode reserves its estimate before
/// a pixel is decoded and waits, first come first served, until the reservation fits; an estimate larger than the whole
/// budget can never fit and is refused by the caller. Waiting uploads hold no pixels: their bytes stay in the form's temp
/// file. When the last reservation of a burst ends, <see cref="Idle"/> fires once (after <see cref="QuietPeriod"/> with no
/// new reservation), so that the pools behind the decoders can be given back to the system.
/// </summary>
public sealed class DecodeMemoryBudget : IDisposable
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly Timer _quiet;
    private readonly TimeSpan _quietPeriod;
    private long _reserved;
    private long _burst;
    private long _quietBurst = -1;

    public DecodeMemoryBudget(long capacity, TimeSpan quietPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _quietPeriod = quietPeriod;
        _quiet = new Timer(_ => OnQuiet());
    }

    /// <summary>Raised on a pool thread once a burst of decodes is over and nothing was reserved for <see cref="QuietPeriod"/>.</summary>
    public event Action? Idle;

    public long Capacity { get; }

    public TimeSpan QuietPeriod => _quietPeriod;

    /// <summary>Bytes reserved right now (for tests and metrics).</summary>
    public long Reserved
    {
        get
        {
            lock (_gate)
            {
                return _reserved;
            }
        }
    }

    /// <summary>
    /// Reserves <paramref name="bytes"/> (at most <see cref="Capacity"/>), waiting at most <paramref name="timeout"/>; null when
    /// the wait timed out. Dispose the lease to give the bytes back.
    /// </summary>
    public async Task<IDisposable?> ReserveAsync(long bytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, Capacity);
        Waiter waiter;
        lock (_gate)
        {
            _burst++;
            // First come, first served: a large decode is not starved by a stream of small ones.
            if (_waiters.Count == 0 && _reserved + bytes <= Capacity)
            {
                _reserved += bytes;
                return new Lease(this, bytes);
            }

            waiter = new Waiter(bytes);
            waiter.Node = _waiters.AddLast(waiter);
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await waiter.Granted.Task.WaitAsync(timeoutSource.Token);
            return new Lease(this, bytes);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                if (waiter.Node!.List is not null)
                {
                    _waiters.Remove(waiter.Node);
                    GrantWaiting();
                    EndOfBurstCheck();
                    cancellationToken.ThrowIfCancellationRequested();
                    return null;
                }
            }

            // Granted while the wait was being cancelled: the bytes are ours, give them back.
            Release(bytes);
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        }
    }

    public void Dispose() => _quiet.Dispose();

    private void Release(long bytes)
    {
        lock (_gate)
        {
            _reserved -= bytes;
            GrantWaiting();
            EndOfBurstCheck();
        }
    }

    private void GrantWaiting()
    {
        while (_waiters.First is { } first && _reserved + first.Value.Bytes <= Capacity)
        {
            _waiters.RemoveFirst();
            _reserved += first.Value.Bytes;
            first.Value.Granted.TrySetResult();
        }
    }

    private void EndOfBurstCheck()
    {
        if (_reserved == 0 && _waiters.Count == 0)
        {
            var burst = _burst;
            _quiet.Change(_quietPeriod, Timeout.InfiniteTimeSpan);
            _quietBurst = burst;
        }
    }

    private void OnQuiet()
    {
        lock (_gate)
        {
            // A reservation since the timer was set means the burst goes on; its own end sets the timer again.
            if (_burst != _quietBurst || _reserved != 0)
            {
                return;
            }
        }

        Idle?.Invoke();
    }

    private sealed class Waiter(long bytes)
    {
        public long Bytes { get; } = bytes;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }

    private sealed class Lease(DecodeMemoryBudget budget, long bytes) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                budget.Release(bytes);
            }
        }
    }
}
