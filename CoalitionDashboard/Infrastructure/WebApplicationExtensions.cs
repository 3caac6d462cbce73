using CoalitionDashboard.Components;
using CoalitionDashboard.Components.Layout;
using CoalitionDashboard.Features;
using CoalitionDashboard.Infrastructure.Diagnostics;

namespace CoalitionDashboard.Infrastructure;

public static class WebApplicationExtensions
{
    /// <summary>The machine-read addresses (the API and the exports): problem details and data entity tags, not pages.</summary>
    private static bool IsData(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/export");

    public static WebApplication MapCoalitionDashboard(this WebApplication app)
    {
        // First: forwarded client address, security headers on every response, a valid Host, HTTPS, HEAD as GET.
        app.UseCoalitionSecurity();
        // Before routing: Plotly.Blazor's request for the full plotly.js is answered with the app's own bundle.
        app.UsePlotlyBundle();
        // Before routing: MudBlazor's files and the map outlines by versioned addresses, kept by browsers for a year.
        app.UseVersionedAssets();
        // API callers get problem details (errors, 404, 405 alike); people get the friendly error and not-found pages.
        // Neither sees a stack trace.
        app.UseWhen(IsData, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsData(c), ui =>
        {
            ui.UseExceptionHandler("/Error", createScopeForErrors: true);
            ui.UseStatusCodePagesWithReExecute(PageOutputCache.NotFoundPath, createScopeForStatusCodePages: true);
        });
        // A store that cannot serve answers 503 with Retry-After (HTML for people, problem details for the API).
        app.UseStoreUnavailableAnswer();
        app.UseRouting();

        // The output cache sits outside compression, so it stores (and serves) the compressed bytes; the rate limits
        // sit inside it, so a page served from the cache never counts against anyone.
        app.UsePageResponseHeaders();
        // The API and the exports: entity tags and Last-Modified from the data generation, 304 to a client that has them.
        app.UseWhen(IsData, data => data.UseDataCors(app.Configuration).UseDataEntityTags());
        app.UseOutputCache();
        app.UsePageEntityTags();
        app.UseRequestLimits();
        app.UseResponseCompression();
        app.UseAntiforgery();
        // A probe reads; anything else (PUT, DELETE, TRACE, …) is 405 with Allow, not a 200.
        app.MapHealthChecks("/healthz").WithMetadata(new Microsoft.AspNetCore.Routing.HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapThemeStylesheet();
        // Only when the harness runs the app in benchmark mode (Infrastructure/Diagnostics).
        app.MapBenchmarkEndpoints();
        var api = app.MapDashboardFeatures();
        app.MapStaticAssets();
        var pages = app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        if (PageOutputCache.IsEnabled(app.Configuration))
        {
            pages.CacheOutput(PageOutputCache.Policy);
            api.CacheOutput(PageOutputCache.ApiPolicy);
        }
        return app;
    }
}
