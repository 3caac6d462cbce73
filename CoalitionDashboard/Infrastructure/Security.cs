using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.HttpOverrides;

namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// What every response carries and what every request must be before the app looks at it: the security headers
/// (a Content-Security-Policy naming only this host), a valid Host, HEAD answered like GET, HTTPS and HSTS when the
/// app is served over HTTPS, and the client's real address when it runs behind a reverse proxy.
/// </summary>
public static class Security
{
    /// <summary><c>ForwardedHeaders:Enabled</c>: read X-Forwarded-For and X-Forwarded-Proto from the proxies listed.</summary>
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    /// <summary><c>Https:RedirectToHttps</c>, <c>Https:HstsMaxAgeDays</c>.</summary>
    public const string HttpsSection = "Https";

    /// <summary>A DNS name is at most 253 characters; with a port, well under this.</summary>
    public const int MaxHostLength = 260;

    public static WebApplicationBuilder AddCoalitionSecurity(this WebApplicationBuilder builder)
    {
        // No "Server: Kestrel" banner.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddSingleton<ContentSecurityPolicy>();
        builder.Services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, builder.Configuration.GetSection(ForwardedHeadersSection)));
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(builder.Configuration.GetValue($"{HttpsSection}:HstsMaxAgeDays", 365)));
        builder.Services.AddRequestLimits(builder.Configuration);
        return builder;
    }

    /// <summary>The first middleware of the app: everything after it (errors and 429s included) gets the headers.</summary>
    public static WebApplication UseCoalitionSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>($"{ForwardedHeadersSection}:Enabled"))
        {
            app.UseForwardedHeaders();
        }
        var policy = app.Services.GetRequiredService<ContentSecurityPolicy>();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                SetHeaders(context.Response, policy.Value);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.Use((context, next) => IsValidHost(context.Request.Host) ? next(context) : RejectHostAsync(context));
        if (!app.Environment.IsDevelopment())
        {
            // HSTS is only ever sent on HTTPS responses (never for localhost); the redirect only when the app knows an HTTPS port.
            app.UseHsts();
            if (RedirectsToHttps(app.Configuration))
            {
                app.UseHttpsRedirection();
            }
        }
        app.UseHeadAsGet();
        return app;
    }

    private static void SetHeaders(HttpResponse response, string contentSecurityPolicy)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // The dashboard's URLs (with their filters) are not told to the sources' sites a reader follows.
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = PermissionsPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.Server = default;
    }

    /// <summary>Nothing the dashboard does needs a device; full screen is the decks' F key.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), " +
        "payment=(), serial=(), usb=(), fullscreen=(self)";

    /// <summary>
    /// A Host the app cannot build its own address from (empty, overlong, not a host name, a bad port) is a 400 with a
    /// short plain message, before anything else runs; the value itself is never echoed.
    /// </summary>
    public static bool IsValidHost(HostString host)
    {
        var value = host.Value;
        if (string.IsNullOrEmpty(value) || value.Length > MaxHostLength)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '[' or ']'))
            {
                return false;
            }
        }
        return Uri.TryCreate("http://" + value + "/", UriKind.Absolute, out var uri) && uri.HostNameType != UriHostNameType.Unknown;
    }

    private static Task RejectHostAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Bad request: the Host header is missing or is not a valid host name.\n");
    }

    /// <summary>
    /// <c>Https:RedirectToHttps</c> when set; otherwise on when the app itself listens on HTTPS or is told its public
    /// HTTPS port (<c>https_port</c>, <c>HTTPS_PORTS</c>).
    /// </summary>
    public static bool RedirectsToHttps(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{HttpsSection}:RedirectToHttps")
        ?? (!string.IsNullOrEmpty(configuration["https_port"]) || !string.IsNullOrEmpty(configuration["HTTPS_PORTS"])
            || (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Off unless <c>ForwardedHeaders:Enabled</c>. Only the proxies in <c>KnownProxies</c> (addresses) and <c>KnownNetworks</c>
    /// (CIDR) are believed; with neither, only a proxy on this machine (loopback) is.
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = section.GetValue("ForwardLimit", 1);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length > 0 || networks.Length > 0)
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        }
    }

    /// <summary>
    /// HEAD is answered by the GET endpoint with its status and headers and no body (pages, exports, the API, files).
    /// The circuit's own endpoints are left alone.
    /// </summary>
    private static void UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsHead(request.Method) || request.Path.StartsWithSegments("/_blazor"))
        {
            AddHeadToAllow(context);
            await next(context);
            return;
        }
        var body = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!;
        context.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>(new NoBody(body));
        request.Method = HttpMethods.Get;
        AddHeadToAllow(context);
        try
        {
            await next(context);
        }
        finally
        {
            request.Method = HttpMethods.Head;
            context.Features.Set(body);
        }
    });

    // A 405 names HEAD wherever GET is allowed.
    private static void AddHeadToAllow(HttpContext context) => context.Response.OnStarting(() =>
    {
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            var allow = response.Headers.Allow.ToString();
            var methods = allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (methods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase) && !methods.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                response.Headers.Allow = allow + ", " + HttpMethods.Head;
            }
        }
        return Task.CompletedTask;
    });

    /// <summary>The response of a HEAD request: headers go out as for GET, whatever is written to the body is dropped.</summary>
    private sealed class NoBody(Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature inner) : Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature
    {
        private System.IO.Pipelines.PipeWriter? _writer;

        public Stream Stream => Stream.Null;

        public System.IO.Pipelines.PipeWriter Writer => _writer ??= System.IO.Pipelines.PipeWriter.Create(Stream.Null);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task CompleteAsync() => inner.CompleteAsync();
    }
}

/// <summary>
/// The Content-Security-Policy of every response. Scripts only from this host, plus the one inline script the app
/// emits: Blazor's import map (<c>&lt;ImportMap /&gt;</c> in App.razor), named by its SHA-256 hash, computed from the
/// same definition the component renders (its <c>ToString()</c> is the JSON it writes; it changes with every build's fingerprints).
/// </summary>
public sealed class ContentSecurityPolicy(EndpointDataSource endpoints)
{
    private string? _value;

    public string Value => _value ??= Build(endpoints);

    /// <summary>The hash sources of the inline scripts, e.g. <c>'sha256-…'</c>.</summary>
    public static IEnumerable<string> ScriptHashes(EndpointDataSource endpoints) => endpoints.Endpoints
        .Select(e => e.Metadata.GetMetadata<ImportMapDefinition>())
        .OfType<ImportMapDefinition>()
        .Select(definition => definition.ToString())
        .Distinct(StringComparer.Ordinal)
        .Select(json => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}'");

    private static string Build(EndpointDataSource endpoints) => string.Join("; ",
        "default-src 'self'",
        string.Join(' ', ["script-src", "'self'", .. ScriptHashes(endpoints)]),
        // MudBlazor sets style attributes and plotly injects a <style> element and styles its SVG inline: both need
        // 'unsafe-inline' for styles (styles cannot run script; scripts stay restricted to the hashes above).
        "style-src 'self' 'unsafe-inline'",
        // plotly's "download as PNG/SVG" draws through data: and blob: URLs.
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        // The circuit's WebSocket: Chromium, Firefox and Safari (15.4+) match ws:/wss: to this host under 'self'.
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'");
}
