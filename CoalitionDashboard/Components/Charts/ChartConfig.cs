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
        ModeBarButtonsToRemove = new[] { "select2d", "lasso2d", "autoScale2d", "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian" },
        // "Download plot as a png" saves the chart with its title and its caption (filter, source, data-as-of).
        ToImageButtonOptions = new { format = "png", filename = "coalition-" + spec.Id, width = 1280, height = Math.Max(spec.Height, 480), scale = 2 },
    };
}
