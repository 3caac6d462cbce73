using Plotly.Blazor;

namespace CoalitionDashboard.Features.Charts;

/// <summary>The "show data" alternative of a chart: the same numbers as a table.</summary>
public sealed record ChartTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Everything a chart panel needs, built by pure functions from read models (see <see cref="ChartBuilders"/>).
/// <paramref name="Key"/> identifies the drawn content: the panel redraws only when it changes.
/// </summary>
public sealed record ChartSpec(
    string Id,
    string Title,
    string Description,
    Func<ChartPalette, IList<ITrace>> Traces,
    Func<ChartPalette, Layout> Layout,
    ChartTable Table,
    string Key,
    int Height = 380);

/// <summary>Theme colours for plotly, so charts follow the light or dark theme.</summary>
public sealed record ChartPalette(bool Dark)
{
    public string Text => Dark ? "#e8eaed" : "#1f2328";
    public string MutedText => Dark ? "#b0b6bf" : "#57606a";
    public string Grid => Dark ? "#3a3f47" : "#d8dee4";
    public string Land => Dark ? "#2b3038" : "#eceff3";
    public string Ocean => Dark ? "#151a21" : "#f7f9fc";
    public string Border => Dark ? "#6b7380" : "#8c959f";
    public string NonMember => Dark ? "#5c636e" : "#8f969e";
    public string Adversary => Dark ? "#7a3b3b" : "#e3b5b5";
    public string NoData => Dark ? "#5d6470" : "#dde1e6";
}
