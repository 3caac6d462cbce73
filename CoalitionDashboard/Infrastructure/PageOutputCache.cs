using CoalitionDashboard.Components.Layout;
using CoalitionDashboard.ReadModel;
using Microsoft.AspNetCore.OutputCaching;

namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// The prerendered pages are the same for everyone who asks for the same URL with the same theme until the next
/// import, so the server renders each once and serves the stored (already compressed) response after that.
/// This is what lets one small server answer a whole room opening the dashboard before a briefing.
/// </summary>
/// <remarks>
/// The key is the path, the query parameters the pages read (<see cref="QueryKeys"/>: the filter and the page-specific
/// ones; any other parameter, such as <c>?bust=123</c>, changes nothing on the page and so shares its entry), the theme
/// cookie, the encodings the browser accepts and the data generation (<see cref="QueryCache.Generation"/>, which every
/// import changes). Entries live
/// <see cref="Lifetime"/>: the prerendered HTML carries the descriptors the browser uses to start its circuit, which
/// ASP.NET Core accepts for a few minutes only, so a page must never be served from the cache for longer.
/// Only 200 responses without cookies are stored (the output cache's defaults), so error pages are never cached.
/// </remarks>
public static class PageOutputCache
{
    public const string Policy = "pages";

    /// <summary>The read-only API's responses, keyed on the whole query (see the policy below).</summary>
    public const string ApiPolicy = "api";

    /// <summary>
    /// Every query parameter a page reads: the global filter (<see cref="DashboardFilter.Keys"/>), the map's
    /// <c>metric</c>, <c>cat</c> and <c>view</c>, the timeline's <c>kind</c>, the quotes' <c>topic</c> and <c>speaker</c>,
    /// the decks' <c>slide</c> and <c>presenter</c>, the pledges grid's <c>sort</c>. A page that starts reading another one must be added here.
    /// </summary>
    public static readonly string[] QueryKeys =
        [.. ReadModel.Filtering.DashboardFilter.Keys, "metric", "cat", "view", "kind", "topic", "speaker", "slide", "presenter", "sort"];

    /// <summary><c>PageCache:Enabled</c> (default true); the benchmarks turn it off to measure rendering itself.</summary>
    public const string EnabledKey = "PageCache:Enabled";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue(EnabledKey, defaultValue: true);

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    /// <summary>Where unknown URLs are re-executed to (UseStatusCodePagesWithReExecute).</summary>
    public const string NotFoundPath = "/not-found";

    public static IServiceCollection AddPageOutputCache(this IServiceCollection services)
    {
        services.AddScoped<Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider, NoFormsAntiforgeryStateProvider>();
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 64 * 1024 * 1024;
            options.AddPolicy(Policy, policy => policy
                // The not-found page is the answer to every unknown URL (re-executed under /not-found): storing it would
                // hand its stored 200 to the next unknown URL, so neither it nor any re-executed error page is cached.
                // The policy is a convention of MapRazorComponents, so it also reaches the circuit's own endpoints
                // (/_blazor, /_blazor/negotiate): those are never looked up, stored or locked. Keyed without their `id`,
                // every live connection would otherwise wait on the first one's cache lock and never connect.
                .With(context => context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
                    && !context.HttpContext.Request.Path.StartsWithSegments(NotFoundPath, StringComparison.OrdinalIgnoreCase)
                    && !context.HttpContext.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
                    && !context.HttpContext.WebSockets.IsWebSocketRequest)
                .Expire(Lifetime)
                .SetVaryByQuery(QueryKeys)
                .SetVaryByHeader("Accept-Encoding")
                // An enhanced navigation (blazor.web.js fetching the next page) must get a response that says it may be
                // merged into the document (the blazor-enhanced-nav header); a stored full-page response lacks it, and
                // the browser would then load the whole page again.
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "page",
                    string.Concat(
                        context.Request.Cookies[ThemePreference.CookieName] ?? "-",
                        "|",
                        IsEnhancedNavigation(context.Request) ? "enhanced" : "full",
                        "|",
                        Generation(context)))));
            // The API answers the same JSON to everyone until the next import; problem responses (400, 404) are not stored.
            // Keyed on the whole query: the API answers an unknown parameter with 400 (never stored), so a stored 200 must
            // never be handed to a query that has one.
            options.AddPolicy(ApiPolicy, policy => policy
                .Expire(Lifetime)
                .SetVaryByQuery("*")
                .SetVaryByHeader("Accept-Encoding")
                .VaryByValue(context => new KeyValuePair<string, string>("api", Generation(context))));
        });
        return services;
    }

    /// <summary>
    /// Two fixes to the headers of page responses, on the way out (registered outside the cache, so they also reach
    /// what the cache stores and serves):
    /// <list type="bullet">
    /// <item>The output cache stores header values through a table of common strings that it matches without regard
    /// to case, so the <c>blazor-enhanced-nav: allow</c> of a rendered page comes back from the cache as <c>Allow</c>;
    /// blazor.web.js compares it exactly, takes the page for one it may not merge, and loads it in full (losing every
    /// island's state). The value is put back as Blazor wrote it.</item>
    /// <item>Blazor marks every page <c>no-store</c>. The pages hold nothing personal (the theme cookie is part of the
    /// cache key), so a rendered page gets an entity tag and <c>no-cache</c> instead: the browser keeps it and asks
    /// again with <c>If-None-Match</c>, and while the stored render lives the output cache answers 304 without a
    /// body. Each render has its own tag, so a new render (a new import, the entry's minute over) is a 200.</item>
    /// </list>
    /// </summary>
    public static IApplicationBuilder UsePageResponseHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var response = ((HttpContext)state).Response;
            var headers = response.Headers;
            if (headers.TryGetValue(EnhancedNavigationHeader, out var value) && string.Equals(value, "allow", StringComparison.OrdinalIgnoreCase))
            {
                headers[EnhancedNavigationHeader] = "allow";
            }
            // A 304 from the cache carries the stored page's headers (without its content type).
            var page = response.StatusCode == StatusCodes.Status304NotModified
                || (response.StatusCode == StatusCodes.Status200OK && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true);
            if (page
                && headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
                && !headers.ContainsKey("Set-Cookie"))
            {
                headers.CacheControl = "no-cache";
                headers.Pragma = Microsoft.Extensions.Primitives.StringValues.Empty;
                headers.Expires = Microsoft.Extensions.Primitives.StringValues.Empty;
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    /// <summary>
    /// The entity tag of a rendered page (see <see cref="UsePageResponseHeaders"/>): registered inside the output
    /// cache and set before the page is rendered (the cache copies the headers when the body starts, before any
    /// on-starting callback), so the stored copy answers with the same tag. Only a 200 keeps it.
    /// </summary>
    public static IApplicationBuilder UsePageEntityTags(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }
        var tag = "\"" + Guid.NewGuid().ToString("N") + "\"";
        context.Response.Headers.ETag = tag;
        context.Response.OnStarting(() =>
        {
            // Static files, the API and the exports set their own tags (or none); a page that failed keeps none.
            var response = context.Response;
            if (response.Headers.ETag == tag
                && (response.StatusCode != StatusCodes.Status200OK || response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true))
            {
                response.Headers.Remove("ETag");
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    private const string EnhancedNavigationHeader = "blazor-enhanced-nav";

    private static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.Accept.Any(value => value?.Contains("blazor-enhanced-nav", StringComparison.OrdinalIgnoreCase) == true);

    private static string Generation(HttpContext context) =>
        context.RequestServices.GetRequiredService<QueryCache>().Generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The app has no forms that post to the server (inputs navigate to URLs, or are interactive islands), so pages need no
/// antiforgery token. Blazor would otherwise mint one per prerendered page, with a cookie, which makes every
/// page response unique to its visitor and impossible to cache safely.
/// </summary>
internal sealed class NoFormsAntiforgeryStateProvider : Microsoft.AspNetCore.Components.Forms.AntiforgeryStateProvider
{
    public override Microsoft.AspNetCore.Components.Forms.AntiforgeryRequestToken? GetAntiforgeryToken() => null;
}
