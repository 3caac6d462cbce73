namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// Plotly.Blazor's interop loads plotly.js itself, from its package's fixed address. The app answers that address with
/// a redirect to its own bundle (plotly's core plus the trace types the dashboard draws: <c>Tools/build-plotly.mjs</c>,
/// a third of the size of the full plotly.js the package ships) at its versioned address, which browsers keep for a
/// year (<see cref="VersionedAssetCaching"/>): a repeat visit costs the tiny redirect, never the 300 KB bundle or a
/// revalidation of it; a new bundle has a new address. Runs before routing.
/// </summary>
public static class PlotlyBundle
{
    /// <summary>Where Plotly.Blazor 7.2.0 loads plotly.js 3.7.0 from.</summary>
    public const string PackageScriptPath = "/_content/Plotly.Blazor/plotly-3.7.0.min.js";

    /// <summary>The app's bundle, in wwwroot.</summary>
    public const string BundlePath = "/" + Components.Layout.VersionedAssets.PlotlyBundleFile;

    public static IApplicationBuilder UsePlotlyBundle(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!context.Request.Path.Equals(PackageScriptPath, StringComparison.Ordinal))
        {
            return next(context);
        }
        var versioned = context.RequestServices.GetRequiredService<Components.Layout.VersionedAssets>().Href(Components.Layout.VersionedAssets.PlotlyBundleFile);
        if (!versioned.Contains("?v=", StringComparison.Ordinal))
        {
            // No version (the file was not found at start): the bundle at its plain address, as before.
            context.Request.Path = BundlePath;
            return next(context);
        }
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = context.Request.PathBase + "/" + versioned;
        context.Response.Headers.CacheControl = "no-cache";
        return Task.CompletedTask;
    });
}
