namespace CoalitionDashboard.ReadModel;

/// <summary>
/// The read side's queries, by area: what pages, islands, chart builders, the deck, exports and the API take when they
/// read several areas (one parameter instead of five). Each area is its own class; every result is kept in the
/// <see cref="QueryCache"/> until the next import.
/// </summary>
public sealed class DashboardQueries(
    PledgeQueries pledges, CountryQueries countries, EventQueries events, QuoteQueries quotes, OpenIssueQueries openIssues, QueryCache cache)
{
    public PledgeQueries Pledges { get; } = pledges;

    public CountryQueries Countries { get; } = countries;

    public EventQueries Events { get; } = events;

    public QuoteQueries Quotes { get; } = quotes;

    public OpenIssueQueries OpenIssues { get; } = openIssues;

    /// <summary>
    /// A value built from these queries' results (a chart spec, a map), kept and shared like the results themselves
    /// until the next import. <paramref name="key"/> is a tuple naming the value and everything it depends on besides
    /// the data.
    /// </summary>
    public Task<T> MemoizeAsync<TKey, T>(TKey key, Func<Task<T>> build) where TKey : notnull where T : class => cache.GetAsync(key, build);
}
