using Plotly.Blazor;

namespace CoalitionDashboard.Components.Charts;

public static class ChartConfig
{
    /// <summary>Map outlines are served by the app itself (plotly.js would otherwise fetch them from its CDN).</summary>
    public const string TopoJsonUrl = "topojson/";

    public static Config For(ChartSpec spec) => new()
    {
        Responsive = true,
        DisplayLogo = false,
        DisplayModeBar = spec.ModeBar ? Plotly.Blazor.ConfigLib.DisplayModeBarEnum.Hover : Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False,
        TopoJsonUrl = TopoJsonUrl,
        ModeBarButtonsToRemove = new[] { "select2d", "lasso2d", "autoScale2d", "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian" },
        // "Download plot as a png" saves the chart with its title and its caption (filter, source, data-as-of).
        ToImageButtonOptions = new { format = "png", filename = "coalition-" + spec.Id, width = 1280, height = Math.Max(spec.Height, 480), scale = 2 },
    };
}
