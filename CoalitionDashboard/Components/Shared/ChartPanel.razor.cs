using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using CoalitionDashboard.Components.Charts;
using Plotly.Blazor;
using Plotly.Blazor.Interop;

namespace CoalitionDashboard.Components.Shared;

public partial class ChartPanel
{
    /// <summary>A chart panel for use inside static render fragments (which cannot bind callbacks in markup).</summary>
    public static RenderFragment For(ChartSpec spec, EventCallback<string> onPointClick = default) => builder =>
    {
        builder.OpenComponent<ChartPanel>(0);
        builder.AddComponentParameter(1, nameof(Spec), spec);
        builder.AddComponentParameter(2, nameof(OnPointClick), onPointClick);
        builder.CloseComponent();
    };

    private PlotlyChart? _chart;
    private ElementReference _plotArea;
    private DotNetObjectReference<ChartPanel>? _self;
    private bool _draw;
    private bool _drawRequested;
    private IList<ITrace> _data = [];
    private Plotly.Blazor.Layout _layout = new();
    private Config _config = new();
    private string? _builtKey;
    private bool _chartReady;
    private bool _redrawPending;
    private bool _showData;

    /// <summary>What to draw; the chart is redrawn only when <see cref="ChartSpec.Key"/> or the theme changes.</summary>
    [Parameter, EditorRequired]
    public required ChartSpec Spec { get; set; }

    /// <summary>Called with the clicked point's key (its <c>customdata</c>), for example a country code.</summary>
    [Parameter]
    public EventCallback<string> OnPointClick { get; set; }

    /// <summary>
    /// Draw only once the chart scrolls into view (near it): plotly.js is loaded, and the figure sent, only for charts
    /// someone looks at. Slides and print pages draw every chart at once.
    /// </summary>
    [Parameter]
    public bool Lazy { get; set; }

    protected override void OnInitialized() => _draw = !Lazy;

    /// <summary>Called by js/shell.js when the chart comes into view.</summary>
    [JSInvokable]
    public void Draw()
    {
        if (!_draw)
        {
            _draw = true;
            _ = InvokeAsync(StateHasChanged);
        }
    }

    public void Dispose() => _self?.Dispose();

    /// <summary>The theme's chart colours; without one, the panel asks the browser which theme the page shows.</summary>
    [CascadingParameter]
    public ChartPalette? Palette { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    private ChartPalette? _probed;

    private ChartPalette Effective => Palette ?? _probed ?? new(false);

    private bool _clicksReady;

    protected override void OnParametersSet()
    {
        var palette = Effective;
        var key = Spec.Key + (palette.Dark ? "|dark" : "|light");
        if (key == _builtKey)
        {
            return;
        }
        _builtKey = key;
        var figure = Spec.Figure(palette);
        _data = figure.Traces;
        _layout = figure.Layout;
        _config = ChartConfig.For(Spec, VersionedAssets.TopoJsonUrl);
        _redrawPending = _chartReady;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && Palette is null)
        {
            try
            {
                // The page's theme as the browser shows it: the saved choice (html[data-theme]) or the system's.
                var dark = await JS.InvokeAsync<bool>("coalitionShell.effectiveDark");
                if (dark)
                {
                    _probed = new(true);
                    OnParametersSet();
                    StateHasChanged();
                }
            }
            catch (Exception e) when (e is JSException or JSDisconnectedException or InvalidOperationException)
            {
                // No shell script (a test host) or the tab went away: the light colours stay.
            }
        }
        if (!_draw && !_drawRequested)
        {
            _drawRequested = true;
            try
            {
                _self = DotNetObjectReference.Create(this);
                await JS.InvokeVoidAsync("coalitionShell.drawWhenVisible", _plotArea, _self);
            }
            catch (Exception e) when (e is JSException or InvalidOperationException)
            {
                // No shell script (a test host): draw now.
                Draw();
            }
            catch (JSDisconnectedException)
            {
                // The tab went away.
            }
        }
        if (_redrawPending && _chart is not null)
        {
            _redrawPending = false;
            await _chart.React();
        }
    }

    private void OnChartRendered()
    {
        if (_chartReady)
        {
            return;
        }
        _chartReady = true;
        if (OnPointClick.HasDelegate && _chart is not null)
        {
            _ = InvokeAsync(SubscribeClicksAsync);
        }
    }

    private async Task SubscribeClicksAsync()
    {
        try
        {
            await _chart!.SubscribeClickEvent();
            // Clicks on points reach OnPointClick from here on: tests wait for this mark before clicking.
            _clicksReady = true;
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            // The tab went away before the chart was ready.
        }
    }

    private void OnPlotClick(IEnumerable<Plotly.Blazor.Interop.EventDataPoint> points)
    {
        var point = points.FirstOrDefault();
        if (point is null || point.TraceIndex < 0 || point.TraceIndex >= _data.Count)
        {
            return;
        }
        var customData = _data[point.TraceIndex] switch
        {
            Plotly.Blazor.Traces.Choropleth c => c.CustomData,
            Plotly.Blazor.Traces.Bar b => b.CustomData,
            Plotly.Blazor.Traces.Scatter s => s.CustomData,
            _ => null,
        };
        var index = IndexOf(point.PointIndex) ?? IndexOf(point.PointNumber) ?? -1;
        if (customData is not null && index >= 0 && index < customData.Count && customData[index] is string key)
        {
            _ = InvokeAsync(() => OnPointClick.InvokeAsync(key));
        }
    }

    private void ToggleData() => _showData = !_showData;

    // Saves the chart as drawn, on the page's opaque background (js/shell.js), reachable from the keyboard.
    private async Task SaveAsync(string format)
    {
        if (_chart is null)
        {
            return;
        }
        try
        {
            await JS.InvokeAsync<bool>("coalitionShell.saveChart", _plotArea, format, "coalition-" + Spec.Id, 1280, Math.Max(Spec.Height, 480));
        }
        catch (Exception e) when (e is JSException or JSDisconnectedException)
        {
            // The tab went away, or the browser refused the download: nothing to undo.
        }
    }

    // Point indexes arrive from JavaScript as JSON numbers (JsonElement), or as plain numbers in tests.
    private static int? IndexOf(object? value) => value switch
    {
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } json when json.TryGetInt32(out var i) => i,
        int i => i,
        long l => (int)l,
        double d => (int)d,
        _ => null,
    };
}
