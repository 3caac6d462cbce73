using System.Collections.Concurrent;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// The read side's one cache: query results, chart specs and maps, shared by every page and island. The data changes
/// only with a new <see cref="Data.DataGeneration"/> (an import), which drops them all, so a result is valid until
/// then: a view opened by many people before a briefing costs its queries once.
/// </summary>
/// <remarks>
/// Keys are values, not formatted strings: a tuple of the query's name and everything its result depends on besides
/// the data, such as <c>("pledges", filter)</c> (a <see cref="Filtering.DashboardFilter"/> is equal to another with
/// the same query). Results are kept apart by their type as well, so two areas cannot read each other's entries, and no
/// text (a search, a speaker's name) can collide with another key.
/// </remarks>
public sealed class QueryCache(Data.DataGeneration generation)
{
    private const int MaxEntries = 4_000;
    private Entries _entries = new(0);

    private readonly record struct EntryKey(Type Result, object Key);

    private sealed class Entries(long generation) : ConcurrentDictionary<EntryKey, Lazy<Task<object>>>
    {
        public long Generation { get; } = generation;
    }

    public async Task<T> GetAsync<TKey, T>(TKey key, Func<Task<T>> load) where TKey : notnull where T : class
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
        var entryKey = new EntryKey(typeof(T), key);
        var lazy = entries.GetOrAdd(entryKey, _ => new Lazy<Task<object>>(async () => await load().ConfigureAwait(false)));
        try
        {
            return (T)await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed load (database busy, cancelled) is not cached.
            entries.TryRemove(new KeyValuePair<EntryKey, Lazy<Task<object>>>(entryKey, lazy));
            throw;
        }
    }

    /// <summary>The data generation the results belong to: part of the key of every cached page.</summary>
    public long Generation => generation.Number;

    /// <summary>Drops every result but keeps the generation: the benchmarks' "first view of a filter" on loaded data.</summary>
    public void DropResults() => Interlocked.Exchange(ref _entries, new Entries(generation.Number));
}
