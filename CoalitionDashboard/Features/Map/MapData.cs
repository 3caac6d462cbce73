using CoalitionDashboard.Data;
using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Features.Map;

/// <summary>Loads what the map needs under a filter (shared by the map page, the overview and briefing slides).</summary>
public static class MapData
{
    /// <summary>The map for a filter, built once and shared by every page and tab that shows it (until the next import).</summary>
    public static Task<MapModel> BuildAsync(DashboardQueries queries, FilterContext context, MapMetric metric, PledgeCategory category, MapView view, int? height = null) =>
        queries.MemoizeAsync($"map|{context.Filter.Query}|{metric}|{category}|{view}|{height}",
            () => LoadAsync(queries, context, metric, category, view, height));

    private static async Task<MapModel> LoadAsync(DashboardQueries queries, FilterContext context, MapMetric metric, PledgeCategory category, MapView view, int? height)
    {
        var rows = await queries.GetCountryRowsAsync(context.Filter);
        var titles = await queries.GetPledgeTitlesByCountryAsync(context.Filter, MapBuilder.TitlesPerCountry);
        var categoryCounts = metric == MapMetric.Category
            ? await queries.CountByCountryInCategoryAsync(context.Filter, category)
            : new Dictionary<string, int>();
        var caption = ChartCaption.For(context);
        return MapBuilder.Build(rows, metric, metric == MapMetric.Category ? category : null, view, titles, categoryCounts, caption, height);
    }
}
