namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// Plotly.Blazor's interop loads plotly.js itself, from its package's address. The app answers that address with
/// its own bundle (plotly's core plus the trace types the dashboard draws: <c>Tools/build-plotly.mjs</c>), a third
/// of the size of the full plotly.js the package ships. The rewrite runs before routing, so the bundle is served
/// by the static assets endpoint like any other file: compressed, with an ETag for repeat visits.
/// </summary>
public static class PlotlyBundle
{
    /// <summary>Where Plotly.Blazor 7.2.0 loads plotly.js 3.7.0 from.</summary>
    public const string PackageScriptPath = "/_content/Plotly.Blazor/plotly-3.7.0.min.js";

    /// <summary>The app's bundle, in wwwroot.</summary>
    public const string BundlePath = "/lib/plotly/plotly-dashboard.min.js";

    public static IApplicationBuilder UsePlotlyBundle(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.Equals(PackageScriptPath, StringComparison.Ordinal))
        {
            context.Request.Path = BundlePath;
        }
        return next(context);
    });
}
