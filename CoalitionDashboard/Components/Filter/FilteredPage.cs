using CoalitionDashboard.ReadModel.Filtering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace CoalitionDashboard.Components.Filter;

/// <summary>
/// A page that is interactive as a whole (a grid a person sorts and searches). Such a page is its own island: the
/// filter the shell cascades to pages rendered on the server does not reach it, so it reads the filter from the URL
/// itself, and again after each navigation (a new filter from the filter bar is an enhanced navigation that keeps
/// this page's component and tells it the new URL). Rendered on the server (prerendering, or as a static page), it
/// takes the shell's filter.
/// </summary>
public abstract class FilteredPage : ComponentBase, IDisposable
{
    private bool _listening;

    [CascadingParameter]
    public FilterContext? ShellFilter { get; set; }

    [Inject]
    protected FilterContextFactory Filters { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The filter of the page's URL.</summary>
    protected FilterContext Context { get; private set; } = FilterContext.Empty;

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        parameters.SetParameterProperties(this);
        if (ShellFilter is not null)
        {
            Context = ShellFilter;
        }
        else
        {
            Context = await Filters.FromUriAsync(Navigation.Uri);
            if (!_listening)
            {
                _listening = true;
                Navigation.LocationChanged += OnLocationChanged;
            }
        }
        await base.SetParametersAsync(ParameterView.Empty);
    }

    // The page's parameters have not changed, but its URL (the filter) has: the page loads and renders again.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) =>
        _ = InvokeAsync(() => SetParametersAsync(ParameterView.Empty));

    public virtual void Dispose()
    {
        if (_listening)
        {
            Navigation.LocationChanged -= OnLocationChanged;
        }
        GC.SuppressFinalize(this);
    }
}
