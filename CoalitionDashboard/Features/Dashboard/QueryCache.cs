using System.Collections.Concurrent;

namespace CoalitionDashboard.Features.Dashboard;

/// <summary>
/// Results of read queries, shared by every circuit. The data changes only through an import, which clears
/// the cache, so a result is valid until then: a view opened by many people before a briefing (and rendered
/// twice each, prerender then interactive) costs its queries once.
/// </summary>
public sealed class QueryCache
{
    private const int MaxEntries = 4_000;
    private ConcurrentDictionary<string, Lazy<Task<object>>> _entries = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load) where T : class
    {
        var entries = _entries;
        if (entries.Count >= MaxEntries)
        {
            // Unbounded filter combinations must not grow memory without limit; start afresh.
            Interlocked.CompareExchange(ref _entries, new(StringComparer.Ordinal), entries);
            entries = _entries;
        }
        var lazy = entries.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await load().ConfigureAwait(false)));
        try
        {
            return (T)await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed load (database busy, cancelled) is not cached.
            entries.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, lazy));
            throw;
        }
    }

    private long _generation;

    /// <summary>Changes whenever the cache is cleared (after each import): part of the key of every cached page.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>After an import: drops every result and starts a new data generation (pages, pledge facts).</summary>
    public void Clear()
    {
        Interlocked.Exchange(ref _entries, new(StringComparer.Ordinal));
        Interlocked.Increment(ref _generation);
    }

    /// <summary>Drops every result but keeps the generation: the benchmarks' "first view of a filter" on loaded data.</summary>
    public void DropResults() => Interlocked.Exchange(ref _entries, new(StringComparer.Ordinal));
}
