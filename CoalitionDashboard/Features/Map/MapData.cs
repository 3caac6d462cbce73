using CoalitionDashboard.Data;
using CoalitionDashboard.Features.Charts;
using CoalitionDashboard.Features.Dashboard;
using CoalitionDashboard.Features.Filtering;

namespace CoalitionDashboard.Features.Map;

/// <summary>Loads what the map needs under a filter (shared by the map page, the overview and briefing slides).</summary>
public static class MapData
{
    public static async Task<MapModel> BuildAsync(DashboardQueries queries, FilterContext context, MapMetric metric, PledgeCategory category, MapView view,
        IReadOnlyList<CountryRow>? rows = null, IReadOnlyList<PledgeRow>? pledges = null, int? height = null)
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
