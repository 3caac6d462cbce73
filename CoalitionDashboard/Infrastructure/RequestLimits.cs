using CoalitionDashboard.Infrastructure.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// <c>RateLimits:</c> how much one client (one IP address; behind a proxy, the forwarded client address; an IPv6
/// client's whole /64) may cost the server. A bucket holds <see cref="RequestBucket.Burst"/> requests and refills at
/// <see cref="RequestBucket.PerMinute"/>; past it the client gets 429 with Retry-After until the bucket refills.
/// </summary>
/// <remarks>
/// The defaults are meant never to trouble a room of 30 analysts behind one NAT: a page rendered once is served from
/// the output cache without counting, in-app navigation and filter changes go over the open circuit (no requests),
/// so a full page load is a few a minute per person at most. They stop one client from holding hundreds of
/// sessions or rendering pages as fast as it can send requests.
/// </remarks>
public sealed class RequestLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Unset: on, except in benchmark mode (whose load generator is one client by design).</summary>
    public bool? Enabled { get; set; }

    /// <summary>New sessions (Blazor circuit negotiations, <c>POST /_blazor/negotiate</c>): every full page load and reconnection.</summary>
    public RequestBucket Circuits { get; set; } = new() { Burst = 120, PerMinute = 120 };

    /// <summary>Live circuit connections (WebSockets) one client may hold open at a time: 5 tabs each for 30 people.</summary>
    public int OpenCircuitsPerClient { get; set; } = 150;

    /// <summary>Page renders: requests for pages (and unknown URLs) that the page cache could not answer.</summary>
    public RequestBucket Pages { get; set; } = new() { Burst = 120, PerMinute = 120 };

    /// <summary>Calls of <c>/api/…</c> (scripts may page through everything at once).</summary>
    public RequestBucket Api { get; set; } = new() { Burst = 300, PerMinute = 300 };

    /// <summary>Downloads under <c>/export/…</c> (each builds a whole file).</summary>
    public RequestBucket Exports { get; set; } = new() { Burst = 60, PerMinute = 60 };

    public bool IsEnabled(IConfiguration configuration) => Enabled ?? !BenchmarkMode.IsEnabled(configuration);
}

public sealed class RequestBucket
{
    public int Burst { get; set; }

    public int PerMinute { get; set; }

    internal TokenBucketRateLimiterOptions ToOptions()
    {
        var perMinute = Math.Max(1, PerMinute);
        // Refilled every second when the rate allows, otherwise one token at a time.
        var (tokens, period) = perMinute >= 60
            ? (perMinute / 60, TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromMinutes(1) / perMinute);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, Burst),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}

public static class RequestLimits
{
    /// <summary>What a refusal of a live connection (which has no refill time) tells the client to wait.</summary>
    private static readonly TimeSpan ConnectionRetryAfter = TimeSpan.FromSeconds(10);

    private enum Kind { None, Circuit, Connection, Page, Api, Export }

    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.SectionName);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RequestLimitOptions>, ILoggerFactory>((options, limits, loggers) =>
        {
            var settings = limits.Value;
            var logger = loggers.CreateLogger("CoalitionDashboard.RateLimits");
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Classify(context) switch
            {
                Kind.Circuit => RateLimitPartition.GetTokenBucketLimiter("circuit|" + ClientKey(context), _ => settings.Circuits.ToOptions()),
                Kind.Connection => RateLimitPartition.GetConcurrencyLimiter("connection|" + ClientKey(context), _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, settings.OpenCircuitsPerClient),
                    QueueLimit = 0,
                }),
                Kind.Page => RateLimitPartition.GetTokenBucketLimiter("page|" + ClientKey(context), _ => settings.Pages.ToOptions()),
                Kind.Api => RateLimitPartition.GetTokenBucketLimiter("api|" + ClientKey(context), _ => settings.Api.ToOptions()),
                Kind.Export => RateLimitPartition.GetTokenBucketLimiter("export|" + ClientKey(context), _ => settings.Exports.ToOptions()),
                _ => RateLimitPartition.GetNoLimiter(""),
            });
            options.OnRejected = (rejected, cancellationToken) => RejectAsync(rejected, logger);
        });
        return services;
    }

    /// <summary>After the output cache (a cached page costs nothing and is never refused), before the endpoints.</summary>
    public static IApplicationBuilder UseRequestLimits(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<RequestLimitOptions>>().Value.IsEnabled(app.Configuration))
        {
            app.UseRateLimiter();
        }
        return app;
    }

    /// <summary>The client a request counts against: its address, IPv4-mapped addresses as IPv4, IPv6 by its /64.</summary>
    public static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address))
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    private static Kind Classify(HttpContext context)
    {
        // An error or not-found page re-executed for a request that was already counted.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null)
        {
            return Kind.None;
        }
        var path = context.Request.Path;
        if (path.StartsWithSegments("/_blazor", out var rest))
        {
            return rest.Equals("/negotiate", StringComparison.OrdinalIgnoreCase) ? Kind.Circuit
                : !rest.HasValue || rest.Value == "/" ? Kind.Connection
                : Kind.None;
        }
        if (path.StartsWithSegments("/api"))
        {
            return Kind.Api;
        }
        if (path.StartsWithSegments("/export"))
        {
            return Kind.Export;
        }
        // Pages, and unknown URLs (no endpoint: the not-found page is rendered for them). Files, /theme.css and /healthz are free.
        var endpoint = context.GetEndpoint();
        return endpoint is null || endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null ? Kind.Page : Kind.None;
    }

    private static long s_lastWarning;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, ILogger logger)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : ConnectionRetryAfter;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";

        // One warning a minute at most: a flood must not become a flood of log lines.
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref s_lastWarning);
        if (now - last > 60_000 && Interlocked.CompareExchange(ref s_lastWarning, now, last) == last)
        {
            RequestLimitsLog.RateLimited(logger, ClientKey(context), context.Request.Path.Value ?? "", seconds);
        }

        var message = $"Too many requests from your address; try again in {seconds} s.";
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/export"))
        {
            await TypedResults.Problem(title: "Too many requests", detail: message, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
        }
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(message + "\n", context.RequestAborted);
        }
    }
}

internal static partial class RequestLimitsLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Warning, Message = "Rate limit reached by {Client} on {Path}: answered 429, retry after {Seconds} s (further refusals are not logged for a minute)")]
    public static partial void RateLimited(ILogger logger, string client, string path, int seconds);
}
