using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

// Not "...Tests.Reliability": that namespace would hide the Data.Reliability enum from every other test namespace.
namespace CoalitionDashboard.Tests.ReliabilityTests;

/// <summary>
/// Every kind of response (page, cached page, API, export, static file, 404, 400, 405, 429) carries the security
/// headers, and a browser can run the page under its policy (every inline script is named by hash).
/// The app runs on Kestrel here, so the Server header and raw Host headers are what a real client gets.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class SecurityHeadersTests(SecurityHeadersTests.App app) : IClassFixture<SecurityHeadersTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Kestrel, one new session a minute per client: the second negotiation is a 429.</summary>
    public sealed class App() : ConfiguredAppFactory(kestrel: true, new Dictionary<string, string?>
    {
        ["RateLimits:Enabled"] = "true",
        ["RateLimits:Circuits:Burst"] = "1",
        ["RateLimits:Circuits:PerMinute"] = "1",
    });

    public static TheoryData<string, string, string, int> Responses => new()
    {
        { "page", "GET", "/pledges?country=FRA", 200 },
        { "API", "GET", "/api/countries", 200 },
        { "export", "GET", "/export/countries.csv", 200 },
        { "static file", "GET", "/favicon.svg", 200 },
        { "framework script", "GET", "/_framework/blazor.web.js", 200 },
        { "theme stylesheet", "GET", "/theme.css", 200 },
        { "health", "GET", "/healthz", 200 },
        { "unknown page (404)", "GET", "/no-such-page", 404 },
        { "unknown API (404)", "GET", "/api/no-such-thing", 404 },
        { "bad input (400)", "GET", "/api/countries/FR4NCE", 400 },
        { "bad export filter (400)", "GET", "/export/pledges.csv?status=maybe", 400 },
        { "wrong method on the API (405)", "PUT", "/api/countries", 405 },
        { "wrong method on a page (405)", "DELETE", "/pledges", 405 },
        { "HEAD of a page", "HEAD", "/countries", 200 },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryKindOfResponse_CarriesTheSecurityHeaders(string kind, string method, string path, int status)
    {
        using var client = app.CreateHttpClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal((kind, status), (kind, (int)response.StatusCode));
        AssertSecurityHeaders(kind, response);
    }

    [Fact]
    public async Task PageServedFromTheCache_CarriesTheSecurityHeaders()
    {
        using var client = app.CreateHttpClient();
        await client.GetAsync("/timeline", Ct);

        var cached = await client.GetAsync("/timeline", Ct);

        Assert.True(cached.Headers.Contains("Age"), "the second request should come from the output cache");
        AssertSecurityHeaders("cached page", cached);
    }

    [Fact]
    public async Task TooManyNewSessions_The429_CarriesTheSecurityHeadersAndRetryAfter()
    {
        using var client = app.CreateHttpClient();

        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 3 && refused is null; attempt++)
        {
            var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Ct);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 429 says when to try again");
        AssertSecurityHeaders("429", refused);
    }

    [Fact]
    public async Task BadHostHeader_The400_CarriesTheSecurityHeaders()
    {
        var response = await RawHttp.SendAsync(app.Address, "GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n", Ct);

        Assert.StartsWith("HTTP/1.1 400", response.StatusLine, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", response.Header("Content-Security-Policy") ?? "", StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Null(response.Header("Server"));
    }

    /// <summary>The policy names every inline script of the page by hash, so the browser runs Blazor's import map and nothing else inline.</summary>
    [Fact]
    public async Task Page_EveryInlineScriptIsNamedInThePolicyByItsHash()
    {
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync("/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scriptSources = Directive(policy, "script-src");
        var inline = InlineScript().Matches(html).Select(m => m.Groups["body"].Value).ToList();
        Assert.NotEmpty(inline); // the import map
        Assert.All(inline, body =>
            Assert.Contains($"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}'", scriptSources));
        Assert.DoesNotContain("'unsafe-inline'", scriptSources);
        Assert.DoesNotContain("'unsafe-eval'", scriptSources);
        Assert.DoesNotMatch(InlineHandler(), html);
    }

    internal static void AssertSecurityHeaders(string kind, HttpResponseMessage response)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

        var policy = Header("Content-Security-Policy");
        Assert.True(policy is not null, $"{kind}: no Content-Security-Policy");
        Assert.Equal(["'self'"], Directive(policy, "default-src"));
        Assert.Equal("'self'", Directive(policy, "script-src")[0]);
        Assert.All(Directive(policy, "script-src").Skip(1), source => Assert.StartsWith("'sha256-", source, StringComparison.Ordinal));
        Assert.Equal(["'self'"], Directive(policy, "connect-src"));
        Assert.Equal(["'self'", "data:", "blob:"], Directive(policy, "img-src"));
        Assert.Equal(["'none'"], Directive(policy, "frame-ancestors"));
        Assert.Equal(["'self'"], Directive(policy, "base-uri"));
        Assert.Equal(["'self'"], Directive(policy, "form-action"));
        Assert.Equal(["'none'"], Directive(policy, "object-src"));
        Assert.Equal((kind, "nosniff"), (kind, Header("X-Content-Type-Options")));
        Assert.Equal((kind, "no-referrer"), (kind, Header("Referrer-Policy")));
        Assert.Equal((kind, "DENY"), (kind, Header("X-Frame-Options")));
        var permissions = Header("Permissions-Policy") ?? "";
        Assert.All(new[] { "camera=()", "microphone=()", "geolocation=()" }, p => Assert.Contains(p, permissions, StringComparison.Ordinal));
        Assert.True(Header("Server") is null, $"{kind}: a Server banner ({Header("Server")})");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{kind}: HSTS over plain HTTP");
    }

    internal static string[] Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .SingleOrDefault(parts => parts[0] == name)?.Skip(1).ToArray()
        ?? throw new Xunit.Sdk.XunitException($"no {name} in the policy '{policy}'");

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    // An inline event handler attribute (onclick="…") in any tag: the policy would block it.
    [GeneratedRegex(@"<[a-zA-Z][^>]*\son[a-z]+\s*=")]
    private static partial Regex InlineHandler();
}

/// <summary>HSTS and the HTTPS redirect outside Development, behind a TLS-terminating proxy that sends X-Forwarded-Proto.</summary>
[Trait("Category", "Integration")]
public sealed class HttpsBehindAProxyTests(HttpsBehindAProxyTests.App app) : IClassFixture<HttpsBehindAProxyTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Production, forwarded headers from this machine's proxy, redirect to the public HTTPS port 443.</summary>
    public sealed class App() : ConfiguredAppFactory(kestrel: true, new Dictionary<string, string?>
    {
        ["ForwardedHeaders:Enabled"] = "true",
        ["https_port"] = "443",
    }, environment: "Production");

    [Fact]
    public async Task RequestThatReachedTheProxyOverHttps_GetsHsts_AndIsNotRedirected()
    {
        var response = await RawHttp.SendAsync(app.Address,
            "GET /healthz HTTP/1.1\r\nHost: dashboard.example\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 198.51.100.7\r\nConnection: close\r\n\r\n", Ct);

        Assert.StartsWith("HTTP/1.1 200", response.StatusLine, StringComparison.Ordinal);
        Assert.Matches(@"^max-age=\d{7,}", response.Header("Strict-Transport-Security") ?? "");
    }

    [Fact]
    public async Task PlainHttpRequest_IsRedirectedToHttps_WithoutHsts()
    {
        var response = await RawHttp.SendAsync(app.Address, "GET /pledges?country=FRA HTTP/1.1\r\nHost: dashboard.example\r\nConnection: close\r\n\r\n", Ct);

        Assert.Matches(@"^HTTP/1.1 30[78]", response.StatusLine);
        Assert.Equal("https://dashboard.example/pledges?country=FRA", response.Header("Location"));
        Assert.Null(response.Header("Strict-Transport-Security"));
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
    }
}
