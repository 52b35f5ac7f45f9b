namespace Minsheng.Infrastructure;

/// <summary>
/// A value read from the database once and shared by every request until it is older than
/// <see cref="MaxAge"/> or <see cref="Invalidate"/>d: the caches of rarely changed data (units, time limits,
/// routing, models, knowledge). This instance invalidates after its own changes; the age bounds how long a
/// change made by another instance goes unseen.
/// </summary>
/// <remarks>
/// Readers of a fresh value take no lock. When the value is stale one reader loads while the others wait
/// for it, so a burst of requests after expiry costs one load, not one each. A load that throws leaves the
/// cache as it was (stale or empty): the caller sees the error and the next reader tries again. A value
/// whose load began before an <see cref="Invalidate"/> is returned to its caller but not kept, since it may
/// predate the change that invalidated it.
/// </remarks>
public sealed class RefreshingSnapshot<T> where T : class
{
    /// <summary>How long other instances' changes may go unseen when nothing says otherwise.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(30);

    private sealed record Entry(T Value, DateTimeOffset LoadedAt);

    private readonly Func<T?, T> _load;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private volatile Entry? _entry;
    private T? _previous;
    private int _generation;

    /// <param name="load">Builds the value; receives the previous value (null at first), so a loader may reuse parts that did not change.</param>
    public RefreshingSnapshot(Func<T?, T> load, TimeProvider clock, TimeSpan? maxAge = null)
    {
        _load = load;
        _clock = clock;
        MaxAge = maxAge ?? DefaultMaxAge;
    }

    public RefreshingSnapshot(Func<T> load, TimeProvider clock, TimeSpan? maxAge = null) : this(_ => load(), clock, maxAge) { }

    public TimeSpan MaxAge { get; }

    /// <summary>The value, loaded now when there is none or it is older than <see cref="MaxAge"/>.</summary>
    public T Value
    {
        get
        {
            if (Fresh(_entry) is { } value) return value;
            lock (_gate)
            {
                // Another reader may have loaded while this one waited.
                if (Fresh(_entry) is { } loaded) return loaded;
                var generation = Volatile.Read(ref _generation);
                var fresh = _load(_previous);
                _previous = fresh;
                if (generation == Volatile.Read(ref _generation)) _entry = new Entry(fresh, _clock.GetUtcNow());
                return fresh;
            }
        }
    }

    /// <summary>Drops the value: the next read loads anew.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entry = null;
    }

    private T? Fresh(Entry? e) => e is not null && _clock.GetUtcNow() - e.LoadedAt <= MaxAge ? e.Value : null;
}
