using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Data;

namespace CoalitionDashboard.Features.Pledges;

public static class PledgesFeature
{
    public const string ByCategory = "pledges-by-category";
    public const string ByStatus = "pledges-by-status";
    public const string ByCountry = "pledges-by-country";
    public const string ByCategoryAndStatus = "pledges-by-category-and-status";

    /// <summary>The pledges page's charts, each built once per filter and data generation (shared by every tab).</summary>
    public static IServiceCollection AddPledgesFeature(this IServiceCollection services) => services
        .AddChart(ByCategory, async (queries, request) =>
            ChartBuilders.RankedBars(ByCategory, "Pledges by category", "pledges", await queries.Pledges.CountByCategoryAsync(request.Context.Filter),
                key => Slug.TryParse<PledgeCategory>(key, out var c) ? ChartColors.Of(c) : "#888", ChartCaption.For(request.Context)))
        .AddChart(ByStatus, async (queries, request) =>
            ChartBuilders.RankedBars(ByStatus, "Pledges by status (strongest first)", "pledges", await queries.Pledges.CountByStatusAsync(request.Context.Filter),
                key => Slug.TryParse<PledgeStatus>(key, out var s) ? ChartColors.Of(s) : "#888", ChartCaption.For(request.Context)))
        .AddChart(ByCountry, async (queries, request) =>
            ChartBuilders.StatusByCountry(ByCountry, await queries.Countries.GetCountryRowsAsync(request.Context.Filter), ChartCaption.For(request.Context)))
        .AddChart(ByCategoryAndStatus, async (queries, request) =>
            ChartBuilders.CategoryByStatus(ByCategoryAndStatus, await queries.Pledges.CountByMainCategoryAndStatusAsync(request.Context.Filter), ChartCaption.For(request.Context)));
}
