using CoalitionDashboard.Data;
using CoalitionDashboard.Features.Charts;
using CoalitionDashboard.Features.Dashboard;
using CoalitionDashboard.Features.Filtering;

namespace CoalitionDashboard.Features.Map;

/// <summary>Loads what the map needs under a filter (shared by the map page, the overview and briefing slides).</summary>
public static class MapData
{
    /// <summary>The map for a filter, built once and shared by every page and tab that shows it (until the next import).</summary>
    /// <param name="rows">The filter's country rows, when the caller has them already.</param>
    /// <param name="pledges">The filter's pledges, when the caller has them already.</param>
    public static Task<MapModel> BuildAsync(DashboardQueries queries, FilterContext context, MapMetric metric, PledgeCategory category, MapView view,
        IReadOnlyList<CountryRow>? rows = null, IReadOnlyList<PledgeRow>? pledges = null, int? height = null) =>
        queries.MemoizeAsync($"map|{context.Filter.Query}|{metric}|{category}|{view}|{height}",
            () => LoadAsync(queries, context, metric, category, view, rows, pledges, height));

    private static async Task<MapModel> LoadAsync(DashboardQueries queries, FilterContext context, MapMetric metric, PledgeCategory category, MapView view,
        IReadOnlyList<CountryRow>? rows, IReadOnlyList<PledgeRow>? pledges, int? height)
    {
        rows ??= await queries.GetCountryRowsAsync(context.Filter);
        pledges ??= await queries.GetPledgesAsync(context.Filter);
        var titles = pledges.SelectMany(p => p.Countries.Select(c => (Country: c, p.Title)))
            .GroupBy(x => x.Country).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Title).ToList());
        var categoryCounts = metric == MapMetric.Category
            ? await queries.CountByCountryInCategoryAsync(context.Filter, category)
            : new Dictionary<string, int>();
        var caption = ChartCaption.For(context);
        return MapBuilder.Build(rows, metric, metric == MapMetric.Category ? category : null, view, titles, categoryCounts, caption, height);
    }
}
