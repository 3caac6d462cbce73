using CoalitionDashboard.Components;
using CoalitionDashboard.Components.Layout;
using CoalitionDashboard.Features.Api;

namespace CoalitionDashboard.Infrastructure;

public static class WebApplicationExtensions
{
    public static WebApplication MapCoalitionDashboard(this WebApplication app)
    {
        // Before routing: Plotly.Blazor's request for the full plotly.js is answered with the app's own bundle.
        app.UsePlotlyBundle();
        // API callers get problem details; people get the friendly error page. Neither sees a stack trace.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), ui => ui.UseExceptionHandler("/Error", createScopeForErrors: true));
        app.UseStatusCodePagesWithReExecute(PageOutputCache.NotFoundPath, createScopeForStatusCodePages: true);
        app.UseStoreUnavailableAnswer();
        app.UseRouting();

        // The output cache sits outside compression, so it stores (and serves) the compressed bytes.
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseAntiforgery();
        // A probe reads; anything else (PUT, DELETE, TRACE, …) is 405 with Allow, not a 200.
        app.MapHealthChecks("/healthz").WithMetadata(new Microsoft.AspNetCore.Routing.HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapThemeStylesheet();
        app.MapBenchmarkEndpoints();
        app.MapDashboardApi();
        Features.Export.ExportEndpoints.MapExports(app);
        app.MapStaticAssets();
        var pages = app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        if (PageOutputCache.IsEnabled(app.Configuration))
        {
            pages.CacheOutput(PageOutputCache.Policy);
        }
        return app;
    }
}
