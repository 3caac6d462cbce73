using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CoalitionDashboard.Data;
using Microsoft.Net.Http.Headers;

namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// Conditional requests for the API and the exports, as scripts and tools that poll them expect: every 200 carries an
/// entity tag made from the data generation's stamp (the data's content hash and import time) and the address with its
/// query, <c>Last-Modified</c> from the import time and <c>Cache-Control: no-cache</c> (use the copy after asking);
/// a request whose <c>If-None-Match</c> (or, without one, <c>If-Modified-Since</c>) still matches is answered 304 with no
/// body and no work. The tag is weak: a JSON export's "exported at" differs between two copies of the same data.
/// The same data and query give the same tag across restarts and instances; a new import gives a new one.
/// </summary>
public static class DataEntityTags
{
    public static IApplicationBuilder UseDataEntityTags(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        var stamp = context.RequestServices.GetRequiredService<DataGeneration>().Stamp;
        if (stamp is null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return next(context);
        }
        var tag = new EntityTagHeaderValue(Tag(stamp, request.Path + request.QueryString), isWeak: true);
        var modified = ImportedAt(stamp);
        if (NotModified(request, tag, modified))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            Stamp(context.Response, tag, modified);
            return Task.CompletedTask;
        }
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                Stamp(context.Response, tag, modified);
            }
            else
            {
                context.Response.Headers.Remove(HeaderNames.ETag);
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static void Stamp(HttpResponse response, EntityTagHeaderValue tag, DateTimeOffset? modified)
    {
        response.Headers.ETag = tag.ToString();
        if (modified is { } at)
        {
            response.Headers.LastModified = at.ToString("R", CultureInfo.InvariantCulture);
        }
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = HeaderNames.AcceptEncoding;
    }

    private static bool NotModified(HttpRequest request, EntityTagHeaderValue tag, DateTimeOffset? modified)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } match)
        {
            // Weak comparison (RFC 9110, 13.1.2): the opaque tags agree, whatever their W/.
            return match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(tag, useStrongComparison: false));
        }
        return modified is { } at && headers.IfModifiedSince is { } since && at <= since;
    }

    private static string Tag(string stamp, string address) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stamp + "\n" + address)))[..32] + "\"";

    // The stamp is "content-hash@import-ticks" (DataGeneration.StampOf); HTTP dates are to the second.
    private static DateTimeOffset? ImportedAt(string stamp) =>
        stamp.LastIndexOf('@') is var at and >= 0 && long.TryParse(stamp.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks is > 0 && ticks <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(new DateTime(ticks - ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc))
            : null;
}
