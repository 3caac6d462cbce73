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
        queries.MemoizeAsync(("map", context.Filter, metric, category, view, height),
            () => LoadAsync(queries, context, metric, category, view, height));

    private static async Task<MapModel> LoadAsync(DashboardQueries queries, FilterContext context, MapMetric metric, PledgeCategory category, MapView view, int? height)
    {
        var rows = await queries.Countries.GetCountryRowsAsync(context.Filter);
        var titles = await queries.Pledges.GetPledgeTitlesByCountryAsync(context.Filter, MapBuilder.TitlesPerCountry);
        var categoryCounts = metric == MapMetric.Category
            ? await queries.Countries.CountByCountryInCategoryAsync(context.Filter, category)
            : new Dictionary<string, int>();
        var caption = ChartCaption.For(context);
        return MapBuilder.Build(rows, metric, metric == MapMetric.Category ? category : null, view, titles, categoryCounts, caption, height);
    }
}

/// <summary>
/// What a map shows besides the filter: the URL's <c>metric</c>, <c>cat</c> and <c>view</c> on the map page, the same
/// names in a chart island's arguments, and a height.
/// </summary>
public sealed record MapArgs(MapMetric Metric, PledgeCategory Category, MapView View, int? Height = null)
{
    /// <summary>The overview's map: who offers forces, over Europe.</summary>
    public static readonly MapArgs Overview = new(MapMetric.Forces, PledgeCategory.GroundForces, MapView.Europe);

    /// <summary>Reads the arguments; anything missing or unknown takes the default (the filter's category for <c>cat</c>).</summary>
    public static MapArgs Parse(Func<string, string?> get, DashboardFilter filter)
    {
        var metric = Enum.TryParse<MapMetric>(get("metric"), ignoreCase: true, out var m) && Enum.IsDefined(m) ? m : MapMetric.Forces;
        var category = Slug.TryParse<PledgeCategory>(get("cat")?.ToLowerInvariant(), out var c) ? c : filter.Category ?? PledgeCategory.GroundForces;
        var view = string.Equals(get("view"), "world", StringComparison.OrdinalIgnoreCase) ? MapView.World : MapView.Europe;
        var height = int.TryParse(get("height"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h) && h is >= 200 and <= 2000 ? h : (int?)null;
        return new(metric, category, view, height);
    }

    /// <summary>The arguments as a chart island's <c>Args</c>.</summary>
    public string ToArgs() =>
        $"metric={MapBuilder.Slug(Metric)}&cat={Slug.Of(Category)}&view={(View == MapView.World ? "world" : "europe")}" + (Height is { } h ? $"&height={h}" : "");

    public Task<MapModel> BuildAsync(DashboardQueries queries, FilterContext context) =>
        MapData.BuildAsync(queries, context, Metric, Category, View, Height);
}

public static class MapFeature
{
    /// <summary>The map page's chart for islands: "map", with <see cref="MapArgs"/> as its arguments.</summary>
    public static IServiceCollection AddMapFeature(this IServiceCollection services) =>
        services.AddChart("map", async (provider, request) =>
            (await MapArgs.Parse(request.Arg, request.Context.Filter).BuildAsync(provider.GetRequiredService<DashboardQueries>(), request.Context)).Spec);
}
