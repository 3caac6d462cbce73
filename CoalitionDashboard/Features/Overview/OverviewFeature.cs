using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Data;

namespace CoalitionDashboard.Features.Overview;

public static class OverviewFeature
{
    public const string ByCategory = "overview-by-category";

    /// <summary>The overview's own chart (its map is the map feature's).</summary>
    public static IServiceCollection AddOverviewFeature(this IServiceCollection services) =>
        services.AddChart(ByCategory, async (queries, request) =>
            ChartBuilders.RankedBars(ByCategory, "Pledges by category", "pledges", await queries.Pledges.CountByCategoryAsync(request.Context.Filter),
                key => Slug.TryParse<PledgeCategory>(key, out var c) ? ChartColors.Of(c) : "#888", ChartCaption.For(request.Context)));
}
