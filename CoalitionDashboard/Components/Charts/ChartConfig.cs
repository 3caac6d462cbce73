using Plotly.Blazor;

namespace CoalitionDashboard.Components.Charts;

public static class ChartConfig
{
    /// <param name="topoJsonUrl">
    /// Where the map outlines are: the app serves them itself (plotly.js would otherwise fetch them from its CDN),
    /// at a versioned folder (<c>VersionedAssets.TopoJsonUrl</c>).
    /// </param>
    public static Config For(ChartSpec spec, string topoJsonUrl) => new()
    {
        Responsive = true,
        DisplayLogo = false,
        DisplayModeBar = spec.ModeBar ? Plotly.Blazor.ConfigLib.DisplayModeBarEnum.Hover : Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False,
        TopoJsonUrl = topoJsonUrl,
        // Plotly's buttons are Tab stops: only those the panel has no button of its own for stay (the map's zoom and pan).
        // Saving an image is the panel's PNG and SVG buttons, on an opaque background with the title, filter and source.
        ModeBarButtonsToRemove = new[] { "toImage", "select2d", "lasso2d", "autoScale2d", "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian" },
    };
}
