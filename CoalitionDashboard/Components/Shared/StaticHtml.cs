using CoalitionDashboard.ReadModel;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace CoalitionDashboard.Components.Shared;

/// <summary>
/// Renders display-only parts of a page (lists of issues, events, quotes with their sources) to HTML once per data
/// set and key, and shares the result with every circuit. An interactive page keeps each of its elements, attributes
/// and strings in server memory twice (the current and the previous render tree) for as long as the tab is open;
/// a part rendered here costs one markup frame pointing at one shared string. Links in it work as any other: the
/// router intercepts clicks anywhere in the document. Nothing with an event handler belongs here.
/// </summary>
/// <remarks>Entries live in <see cref="QueryCache"/>, so an import (which clears it) renders them afresh.</remarks>
public sealed class StaticHtml(IServiceProvider services, ILoggerFactory loggerFactory, QueryCache cache)
{
    /// <param name="key">Everything the fragment's output depends on besides the data set (for example the filter).</param>
    /// <param name="build">Loads what the fragment shows and returns it; called only when the key is not rendered yet.</param>
    public async Task<MarkupString> RenderAsync(string key, Func<Task<RenderFragment>> build) =>
        (await cache.GetAsync("html|" + key, async () => new Rendered(new MarkupString(await RenderToStringAsync(await build()))))).Html;

    private async Task<string> RenderToStringAsync(RenderFragment fragment)
    {
        await using var scope = services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<FragmentHost>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(FragmentHost.Content)] = fragment,
            }));
            return output.ToHtmlString();
        });
    }

    private sealed record Rendered(MarkupString Html);

    private sealed class FragmentHost : IComponent
    {
        private RenderHandle _handle;

        [Parameter]
        public RenderFragment? Content { get; set; }

        public void Attach(RenderHandle renderHandle) => _handle = renderHandle;

        public Task SetParametersAsync(ParameterView parameters)
        {
            parameters.SetParameterProperties(this);
            _handle.Render(builder => builder.AddContent(0, Content));
            return Task.CompletedTask;
        }
    }
}
