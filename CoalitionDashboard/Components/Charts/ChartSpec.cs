using Plotly.Blazor;

namespace CoalitionDashboard.Components.Charts;

/// <summary>The "show data" alternative of a chart: the same numbers as a table.</summary>
public sealed record ChartTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// Everything a chart panel needs, built by pure functions from read models (see <see cref="ChartBuilders"/>).
/// <paramref name="Key"/> identifies the drawn content: the panel redraws only when it changes. <paramref name="ModeBar"/>
/// shows plotly's zoom and pan buttons (maps); other charts have the panel's own PNG and data buttons only, which
/// also spares plotly rebuilding its button bar on every redraw.
/// </summary>
/// <remarks>
/// <see cref="Figure"/> builds the plotly traces and layout once per theme and keeps them: a spec shared by every
/// circuit (pages memoize their specs per filter) then costs the traces' memory once, not once per open tab. The
/// figure is never changed after it is built. A copy made with <c>with</c> starts without a figure.
/// </remarks>
public sealed record ChartSpec(
    string Id,
    string Title,
    string Description,
    Func<ChartPalette, IList<ITrace>> Traces,
    Func<ChartPalette, Plotly.Blazor.Layout> Layout,
    ChartTable Table,
    string Key,
    int Height = 380,
    bool ModeBar = false)
{
    private ChartFigure? _light;
    private ChartFigure? _dark;

    private ChartSpec(ChartSpec original)
    {
        Id = original.Id;
        Title = original.Title;
        Description = original.Description;
        Traces = original.Traces;
        Layout = original.Layout;
        Table = original.Table;
        Key = original.Key;
        Height = original.Height;
        ModeBar = original.ModeBar;
    }

    /// <summary>The traces and layout for the theme, built on first use.</summary>
    public ChartFigure Figure(ChartPalette palette)
    {
        ref var slot = ref palette.Dark ? ref _dark : ref _light;
        if (Volatile.Read(ref slot) is { } built)
        {
            return built;
        }
        Interlocked.CompareExchange(ref slot, new ChartFigure(Traces(palette), Layout(palette)), null);
        return slot!;
    }
}

/// <summary>What plotly draws: shared, so never to be changed once built.</summary>
public sealed record ChartFigure(IList<ITrace> Traces, Plotly.Blazor.Layout Layout);

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
