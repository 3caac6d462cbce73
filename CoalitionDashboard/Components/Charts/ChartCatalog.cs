using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;
using Microsoft.AspNetCore.WebUtilities;

namespace CoalitionDashboard.Components.Charts;

/// <summary>
/// What a chart island asks for: the filter of the page it is on, and the chart's own arguments (a map's metric and
/// view), as the URL-style string the page put in its markup ("metric=forces&amp;view=europe").
/// </summary>
public sealed record ChartRequest(FilterContext Context, string? Args)
{
    private readonly Dictionary<string, string> _args = QueryHelpers.ParseQuery(Args)
        .ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>One argument (null when it is not given).</summary>
    public string? Arg(string key) => _args.GetValueOrDefault(key);
}

/// <summary>A chart a feature offers to islands by name, and how to build its spec (memoized by the builder).</summary>
public sealed record ChartSource(string Name, Func<IServiceProvider, ChartRequest, Task<ChartSpec>> Build);

/// <summary>
/// The charts the features register (<c>AddChart</c> in each feature's <c>AddX()</c>), so that an interactive island
/// can be told which chart to draw with a name and strings: an island's parameters travel through the page's markup,
/// and a spec (with its functions) cannot.
/// </summary>
public sealed class ChartCatalog(IEnumerable<ChartSource> sources, IServiceProvider services)
{
    private readonly Dictionary<string, ChartSource> _sources = sources.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The chart's spec, or null when no feature offers a chart of that name.</summary>
    public Task<ChartSpec>? BuildAsync(string name, ChartRequest request) =>
        _sources.TryGetValue(name, out var source) ? source.Build(services, request) : null;

    public IReadOnlyCollection<string> Names => _sources.Keys;
}

public static class ChartCatalogRegistration
{
    /// <summary>Offers a chart to islands under <paramref name="name"/>.</summary>
    public static IServiceCollection AddChart(this IServiceCollection services, string name, Func<IServiceProvider, ChartRequest, Task<ChartSpec>> build)
    {
        services.AddSingleton(new ChartSource(name, build));
        return services;
    }

    /// <summary>
    /// Offers a chart built from the read side, once per filter (and <paramref name="args"/>, what else it depends on)
    /// and data generation, and shared by every tab.
    /// </summary>
    public static IServiceCollection AddChart(this IServiceCollection services, string name, Func<DashboardQueries, ChartRequest, Task<ChartSpec>> build,
        Func<ChartRequest, string>? args = null) =>
        services.AddChart(name, (provider, request) =>
        {
            var queries = provider.GetRequiredService<DashboardQueries>();
            return queries.MemoizeAsync(("chart", name, request.Context.Filter, args?.Invoke(request)), () => build(queries, request));
        });
}
