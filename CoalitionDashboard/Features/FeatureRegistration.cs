using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Features.Map;
using CoalitionDashboard.Features.Overview;
using CoalitionDashboard.Features.Pledges;
using CoalitionDashboard.Features.Timeline;

namespace CoalitionDashboard.Features;

public static class FeatureRegistration
{
    /// <summary>Every feature's own services: for now, the charts they offer to interactive islands.</summary>
    public static IServiceCollection AddDashboardFeatures(this IServiceCollection services)
    {
        services.AddScoped<ChartCatalog>();
        return services.AddOverviewFeature().AddMapFeature().AddPledgesFeature().AddTimelineFeature();
    }
}
