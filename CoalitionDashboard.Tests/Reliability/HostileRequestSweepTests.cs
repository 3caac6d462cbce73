using System.Text;
using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Http;

// Not "...Tests.Reliability": that namespace would hide the Data.Reliability enum from every other test namespace.
namespace CoalitionDashboard.Tests.ReliabilityTests;

/// <summary>
/// A sweep of generated hostile requests over every route: payloads in every query parameter the app reads and in
/// every path segment, traversal, NUL, broken percent-encoding, overlong values, huge numbers, wrong methods and odd
/// headers. None may answer 5xx, show a stack trace or an exception's name, or hand a payload back unescaped.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class HostileRequestSweepTests(HostileRequestSweepTests.App app) : IClassFixture<HostileRequestSweepTests.App>
{
    /// <summary>The in-memory server with the rate limits off: the sweep is one client sending hundreds of requests.</summary>
    public sealed class App() : ConfiguredAppFactory(kestrel: false, new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });

    private static readonly string[] Routes =
    [
        "/", "/map", "/pledges", "/countries", "/countries/FRA", "/timeline", "/sources", "/sources/seed-axadle", "/organisations/EU",
        "/quotes", "/open-issues", "/briefings", "/briefings/paris-summit-2026", "/briefings/paris-summit-2026/print", "/briefings/view",
        "/api/countries", "/api/countries/FRA", "/api/pledges", "/api/events", "/api/quotes", "/api/sources", "/api/open-issues",
        "/export/pledges.csv", "/export/pledges.json", "/export/countries.csv", "/healthz", "/theme.css", "/not-found",
    ];

    /// <summary>Every query parameter a page or endpoint reads.</summary>
    private static readonly string[] Keys =
        ["country", "category", "status", "bloc", "from", "to", "asof", "minReliability", "metric", "cat", "view", "kind", "topic", "speaker", "slide", "presenter", "v"];

    /// <summary>Payloads that must never come back as markup.</summary>
    private static readonly string[] Scripts = ["<script>alert(1)</script>", "\"><svg onload=alert(1)>", "'><img src=x onerror=alert(1)>", "</textarea><script>x</script>"];

    /// <summary>Raw (already percent-encoded or deliberately broken) query values.</summary>
    private static readonly string[] RawValues =
    [
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%22%3E%3Csvg%20onload%3Dalert(1)%3E", "..%2F..%2F..%2Fetc%2Fpasswd", "%00", "a%00b", "%ZZ", "%", "%E0%A4",
        "%C0%AE%C0%AE", "99999999999999999999999999", "-99999999999", "1e308", "NaN", "0x7fffffff", "%0d%0aSet-Cookie:%20x=1", "%E2%80%AE",
        new string('A', 6000), string.Concat(Enumerable.Repeat("FRA,", 400)), "2026-02-30", "9999-12-31", "0001-01-01",
    ];

    private static readonly string[] PathSegments =
    [
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fappsettings.json", "%2e%2e%2f%2e%2e%2f", "a%00b", "%ZZ", "%", new string('x', 3000),
        "99999999999999999999", "FRA%3Cb%3E", "%22%3E%3Csvg%20onload%3Dalert(1)%3E", ".git", "~root", "%C0%AF",
    ];

    private static readonly string[] SegmentRoutes = ["/countries/{0}", "/sources/{0}", "/organisations/{0}", "/briefings/{0}", "/briefings/{0}/print", "/api/countries/{0}", "/{0}", "/export/{0}", "/_content/{0}", "/js/{0}"];

    private static readonly string[] Methods = ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "FOO"];

    private sealed record Probe(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string? Payload)
    {
        public override string ToString() => $"{Method} {Path}{(Query.Length > 120 ? Query[..120] + "…" : Query)}";
    }

    private static IEnumerable<Probe> Probes()
    {
        var none = new Dictionary<string, string>();
        // Raw values in every parameter at once: each route gets a third of them, each value goes to a third of the routes.
        for (var r = 0; r < Routes.Length; r++)
        {
            for (var v = r % 3; v < RawValues.Length; v += 3)
            {
                yield return new("GET", Routes[r], "?" + string.Join('&', Keys.Select(k => $"{k}={RawValues[v]}")), none, null);
            }
        }
        // A script payload in each parameter on its own (the payloads taking turns), on the routes that read parameters,
        // and all of them in every parameter at once.
        var turn = 0;
        foreach (var route in new[] { "/", "/pledges", "/map", "/countries/FRA", "/timeline", "/quotes", "/briefings/view", "/briefings/paris-summit-2026", "/api/pledges", "/export/pledges.csv", "/export/pledges.json" })
        {
            foreach (var key in Keys)
            {
                var script = Scripts[turn++ % Scripts.Length];
                yield return new("GET", route, $"?{key}={Uri.EscapeDataString(script)}", none, script);
            }
            foreach (var script in Scripts)
            {
                yield return new("GET", route, "?" + string.Join('&', Keys.Select(k => $"{k}={Uri.EscapeDataString(script)}")), none, script);
            }
        }
        // Payloads in path segments.
        foreach (var pattern in SegmentRoutes)
        {
            foreach (var segment in PathSegments)
            {
                yield return new("GET", string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Uri.UnescapeDataString(segment)), "", none,
                    segment.Contains("%3C", StringComparison.Ordinal) ? Uri.UnescapeDataString(segment) : null);
            }
        }
        // Overlong path and query, and a path of many segments.
        yield return new("GET", "/" + new string('a', 8000), "", none, null);
        yield return new("GET", "/pledges", "?" + new string('q', 20000), none, null);
        yield return new("GET", string.Concat(Enumerable.Repeat("/countries", 300)), "", none, null);
        // Wrong methods everywhere.
        foreach (var route in Routes.Append("/_blazor").Append("/_blazor/negotiate"))
        {
            foreach (var method in Methods)
            {
                yield return new(method, route, "", none, null);
            }
        }
        // Odd headers.
        var odd = new Dictionary<string, string>[]
        {
            new() { ["Cookie"] = "cd-theme=<script>alert(1)</script>" },
            new() { ["Cookie"] = "cd-theme=" + new string('d', 4000) },
            new() { ["Accept"] = "*/*;q=abc, text/html;level=99999999999" },
            new() { ["Accept-Encoding"] = "br;q=2, gzip;q=-1, zz" },
            new() { ["Accept-Language"] = "<script>;q=1" },
            new() { ["Range"] = "bytes=99999999999-1" },
            new() { ["If-None-Match"] = "\"<script>\"" },
            new() { ["If-Modified-Since"] = "yesterday" },
            new() { ["X-Forwarded-For"] = "<script>, ::::, 999.1.1.1" },
            new() { ["X-Forwarded-Proto"] = "javascript" },
            new() { ["X-Forwarded-Host"] = "evil.example\"><script>" },
            new() { ["Content-Type"] = "multipart/form-data; boundary=" },
            new() { ["Referer"] = "javascript:alert(1)" },
            new() { ["User-Agent"] = new string('u', 8000) },
        };
        foreach (var headers in odd)
        {
            foreach (var route in new[] { "/", "/pledges?country=FRA", "/api/countries", "/export/countries.csv", "/favicon.svg", "/theme.css" })
            {
                var query = route.Contains('?', StringComparison.Ordinal) ? route[route.IndexOf('?', StringComparison.Ordinal)..] : "";
                var path = query.Length > 0 ? route[..route.IndexOf('?', StringComparison.Ordinal)] : route;
                yield return new("GET", path, query, headers, headers.Values.Any(v => v.Contains("<script>", StringComparison.Ordinal)) ? "<script>" : null);
            }
        }
    }

    [Fact]
    public async Task HostileRequests_NeverAnswer5xx_NorShowAStackTrace_NorReflectAPayload()
    {
        var probes = Probes().ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(4);
        var server = app.Server;

        await Task.WhenAll(probes.Select(async probe =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                var context = await server.SendAsync(c =>
                {
                    c.Request.Method = probe.Method;
                    c.Request.Path = probe.Path;
                    c.Request.QueryString = probe.Query.Length == 0 ? QueryString.Empty : new QueryString(probe.Query);
                    foreach (var (name, value) in probe.Headers)
                    {
                        c.Request.Headers[name] = value;
                    }
                }, TestContext.Current.CancellationToken);
                var body = await new StreamReader(context.Response.Body, Encoding.UTF8).ReadToEndAsync(TestContext.Current.CancellationToken);
                var status = context.Response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{probe}: {status}");
                }
                if (body.Contains("   at ", StringComparison.Ordinal) || ExceptionName().IsMatch(body))
                {
                    failures.Add($"{probe}: a stack trace or exception name in the body: {ExceptionName().Match(body).Value}");
                }
                if (probe.Payload is { } payload && (body.Contains(payload, StringComparison.Ordinal) || Headers(context).Contains(payload, StringComparison.Ordinal)))
                {
                    failures.Add($"{probe}: the payload came back unescaped ({status})");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{probe}: {e.GetType().Name}: {e.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));

        TestContext.Current.TestOutputHelper?.WriteLine($"{probes.Count} hostile requests sent, {failures.Count} misbehaved");
        Assert.True(probes.Count > 500, $"only {probes.Count} requests generated");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {probes.Count} requests misbehaved:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal).Take(40)));
    }

    private static string Headers(HttpContext context) => string.Join("\n", context.Response.Headers.Select(h => $"{h.Key}: {h.Value}"));

    [GeneratedRegex(@"\b(System|Microsoft)\.[A-Za-z.]*(Exception|Error)\b|\b[A-Z][A-Za-z]+Exception\b")]
    private static partial Regex ExceptionName();
}
