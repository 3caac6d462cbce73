using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Features.Api;
using CoalitionDashboard.Features.Briefings;
using CoalitionDashboard.Features.Export;
using CoalitionDashboard.Features.Map;
using CoalitionDashboard.Features.Overview;
using CoalitionDashboard.Features.Pledges;
using CoalitionDashboard.Features.Timeline;

namespace CoalitionDashboard.Features;

public static class FeatureRegistration
{
    /// <summary>
    /// Every feature's own services: the charts they offer to interactive islands (in the <see cref="ChartCatalog"/>),
    /// the decks, the API's queries. The pages themselves are found by the router.
    /// </summary>
    public static IServiceCollection AddDashboardFeatures(this IServiceCollection services)
    {
        services.AddScoped<ChartCatalog>();
        return services
            .AddOverviewFeature().AddMapFeature().AddPledgesFeature().AddTimelineFeature()
            .AddBriefingsFeature().AddApiFeature();
    }

    /// <summary>
    /// The features' endpoints besides their pages: the JSON API and the exports. Returns the API's group, on which the
    /// host puts its output cache policy.
    /// </summary>
    public static RouteGroupBuilder MapDashboardFeatures(this IEndpointRouteBuilder app)
    {
        var api = app.MapDashboardApi();
        app.MapExports();
        // The OpenAPI document of both (ApiDocument): /openapi/v1.json.
        app.MapOpenApi();
        return api;
    }
}
