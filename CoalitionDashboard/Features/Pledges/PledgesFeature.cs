using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel;

namespace CoalitionDashboard.Features.Pledges;

public static class PledgesFeature
{
    public const string ByCategory = "pledges-by-category";
    public const string ByStatus = "pledges-by-status";
    public const string ByCountry = "pledges-by-country";
    public const string Sunburst = "pledges-sunburst";

    /// <summary>The pledges page's charts, each built once per filter and data generation (shared by every tab).</summary>
    public static IServiceCollection AddPledgesFeature(this IServiceCollection services) => services
        .AddChart(ByCategory, (provider, request) => Memoize(provider, request, ByCategory, async (queries, filter) =>
            ChartBuilders.RankedBars(ByCategory, "Pledges by category", "pledges", await queries.CountByCategoryAsync(filter),
                key => Slug.TryParse<PledgeCategory>(key, out var c) ? ChartColors.Of(c) : "#888", ChartCaption.For(request.Context))))
        .AddChart(ByStatus, (provider, request) => Memoize(provider, request, ByStatus, async (queries, filter) =>
            ChartBuilders.RankedBars(ByStatus, "Pledges by status (strongest first)", "pledges", await queries.CountByStatusAsync(filter),
                key => Slug.TryParse<PledgeStatus>(key, out var s) ? ChartColors.Of(s) : "#888", ChartCaption.For(request.Context))))
        .AddChart(ByCountry, (provider, request) => Memoize(provider, request, ByCountry, async (queries, filter) =>
            ChartBuilders.StatusByCountry(ByCountry, await queries.GetCountryRowsAsync(filter), ChartCaption.For(request.Context))))
        .AddChart(Sunburst, (provider, request) => Memoize(provider, request, Sunburst, async (queries, filter) =>
            ChartBuilders.CategorySunburst(Sunburst, await queries.CountByMainCategoryAndStatusAsync(filter), ChartCaption.For(request.Context))));

    private static Task<ChartSpec> Memoize(IServiceProvider provider, ChartRequest request, string name, Func<DashboardQueries, ReadModel.Filtering.DashboardFilter, Task<ChartSpec>> build)
    {
        var queries = provider.GetRequiredService<DashboardQueries>();
        var filter = request.Context.Filter;
        return queries.MemoizeAsync($"spec|{name}|{filter.Query}", () => build(queries, filter));
    }
}
