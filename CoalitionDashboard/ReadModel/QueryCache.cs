using System.Collections.Concurrent;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Results of read queries, shared by every circuit. The data changes only with a new <see cref="Data.DataGeneration"/>
/// (an import), which drops them, so a result is valid until then: a view opened by many people before a briefing (and rendered
/// twice each, prerender then interactive) costs its queries once.
/// </summary>
public sealed class QueryCache(Data.DataGeneration generation)
{
    private const int MaxEntries = 4_000;
    private Entries _entries = new(0);

    private sealed class Entries(long generation) : ConcurrentDictionary<string, Lazy<Task<object>>>(StringComparer.Ordinal)
    {
        public long Generation { get; } = generation;
    }

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load) where T : class
    {
        var entries = Volatile.Read(ref _entries);
        var current = generation.Number;
        if (entries.Generation != current || entries.Count >= MaxEntries)
        {
            // A new data generation drops every result; unbounded filter combinations must not grow memory without
            // limit either: start afresh.
            Interlocked.CompareExchange(ref _entries, new Entries(current), entries);
            entries = Volatile.Read(ref _entries);
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

    /// <summary>The data generation the results belong to: part of the key of every cached page.</summary>
    public long Generation => generation.Number;

    /// <summary>Drops every result but keeps the generation: the benchmarks' "first view of a filter" on loaded data.</summary>
    public void DropResults() => Interlocked.Exchange(ref _entries, new Entries(generation.Number));
}
