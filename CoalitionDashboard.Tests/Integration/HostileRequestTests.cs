using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoalitionDashboard.Tests.ReliabilityTests;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>Requests that used to be turned against the app (issue 11): each answers as it should, never with a 500.</summary>
[Trait("Category", "Integration")]
public sealed class HostileRequestTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/briefings/paris-summit-2026?slide=abc", "'abc' is not a slide number; showing slide 1.")]
    [InlineData("/briefings/paris-summit-2026?slide=1e5", "'1e5' is not a slide number; showing slide 1.")]
    [InlineData("/briefings/paris-summit-2026?slide=-3", "'-3' is not a slide number; showing slide 1.")]
    [InlineData("/briefings/paris-summit-2026?slide=99999999999999", "slides; showing slide")]
    [InlineData("/briefings/view?slide=0", "slides; showing slide 1.")]
    [InlineData("/briefings/view?slide=1e5&country=FRA", "'1e5' is not a slide number; showing slide 1.")]
    public async Task BadSlideNumber_IsReportedOnTheDeck_NotA500(string url, string expected)
    {
        var response = await factory.CreateClient().GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"slide-number-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodSlideNumber_ShowsThatSlide_WithoutAMessage()
    {
        var html = await factory.CreateClient().GetStringAsync("/briefings/paris-summit-2026?slide=3", Ct);

        Assert.Matches(@"data-testid=""slide-number"">3 / \d+<", html);
        Assert.DoesNotContain("slide-number-error", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/_bench/memory")]
    [InlineData("POST", "/_bench/clear-cache")]
    [InlineData("POST", "/_bench/queries")]
    public async Task BenchmarkEndpoints_AreNotThere_UnlessTheHarnessTurnsBenchmarkModeOn(string method, string url)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Nobody can drop the shared caches or force a full collection on a running dashboard: no endpoint answers
        // (a GET is the not-found page; a POST is refused by the pages' form handling, which wants an antiforgery token).
        Assert.Equal(method == "GET" ? System.Net.HttpStatusCode.NotFound : System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AfterTheNotFoundPageWasAskedFor_UnknownUrlsStill404()
    {
        var client = factory.CreateClient();

        await client.GetAsync("/not-found", Ct);
        await client.GetAsync("/not-found", Ct);

        foreach (var url in new[] { "/zzz", "/.git/config", "/appsettings.json", "/countries/FRA/nothing" })
        {
            var response = await client.GetAsync(url, Ct);
            Assert.Equal((url, HttpStatusCode.NotFound), (url, response.StatusCode));
            Assert.False(response.Headers.Contains("Age"), $"{url} was served from the page cache");
        }
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("TRACE")]
    [InlineData("FOO")]
    public async Task Healthz_AnswersOnlyGetAndHead(string method)
    {
        var client = factory.CreateClient();

        var wrong = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/healthz"), Ct);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"), Ct);
        var get = await client.GetAsync("/healthz", Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrong.StatusCode);
        Assert.Contains("GET", string.Join(",", wrong.Content.Headers.Allow), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/pledges?country=FRA")]
    [InlineData("/countries/FRA")]
    [InlineData("/briefings/paris-summit-2026?slide=2")]
    [InlineData("/export/pledges.csv?country=FRA")]
    [InlineData("/export/pledges.json")]
    [InlineData("/export/countries.csv")]
    [InlineData("/api/countries")]
    [InlineData("/api/pledges?country=FRA")]
    [InlineData("/api/countries/FRA")]
    [InlineData("/favicon.svg")]
    [InlineData("/no-such-page")]
    public async Task Head_AnswersLikeGet_WithTheSameStatusAndHeaders_AndNoBody(string url)
    {
        var client = factory.CreateClient();

        var get = await client.GetAsync(url, Ct);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), Ct);

        Assert.Equal((url, get.StatusCode), (url, head.StatusCode));
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Content.Headers.ContentDisposition?.FileName, head.Content.Headers.ContentDisposition?.FileName);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("POST", "/api/countries")]
    [InlineData("PUT", "/api/countries/FRA")]
    [InlineData("DELETE", "/api/pledges")]
    [InlineData("PATCH", "/api/open-issues")]
    [InlineData("POST", "/api/no-such-thing")]
    public async Task WrongMethodOnTheApi_Is405NamingTheAllowedMethods_InProblemDetails(string method, string url)
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var allow = string.Join(",", response.Content.Headers.Allow);
        Assert.Contains("GET", allow, StringComparison.Ordinal);
        Assert.Contains("HEAD", allow, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(405, problem.GetProperty("status").GetInt32());
    }
}

/// <summary>Host headers the app cannot build its own address from: a short 400 on Kestrel, not a 500 with an empty body.</summary>
[Trait("Category", "Integration")]
public sealed class HostHeaderTests(HostHeaderTests.App app) : IClassFixture<HostHeaderTests.App>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class App() : ConfiguredAppFactory(kestrel: true, new Dictionary<string, string?>(), environment: "Production");

    public static TheoryData<string, string> BadHosts => new()
    {
        { "empty", "GET / HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n" },
        { "5 KB", $"GET / HTTP/1.1\r\nHost: {new string('a', 5 * 1024)}\r\nConnection: close\r\n\r\n" },
        { "5 KB, API", $"GET /api/countries HTTP/1.1\r\nHost: {new string('a', 5 * 1024)}.example\r\nConnection: close\r\n\r\n" },
        { "bad port", "GET /pledges HTTP/1.1\r\nHost: dashboard.example:99999\r\nConnection: close\r\n\r\n" },
        { "none (HTTP/1.0)", "GET /countries HTTP/1.0\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(BadHosts))]
    public async Task BadHostHeader_Is400WithAShortPlainMessage(string kind, string request)
    {
        var response = await RawHttp.SendAsync(app.Address, request, Ct);

        Assert.Equal((kind, "HTTP/1.1 400 Bad Request"), (kind, response.StatusLine));
        Assert.Contains("Host header", response.Body, StringComparison.Ordinal);
        Assert.InRange(response.Body.Length, 10, 200);
        Assert.DoesNotContain("   at ", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnusualButValidHost_IsServed_AndNotReflectedUnescaped()
    {
        var response = await RawHttp.SendAsync(app.Address, "GET /pledges?country=FRA HTTP/1.1\r\nHost: briefing-room_7.example:8080\r\nConnection: close\r\n\r\n", Ct);

        Assert.Equal("HTTP/1.1 200 OK", response.StatusLine);
        Assert.Contains("chip-country-FRA", response.Body, StringComparison.Ordinal);
    }
}

/// <summary>
/// One client cannot take the server's capacity: past a bucket it gets 429 with Retry-After, other clients are not
/// affected, and a page the cache already holds is still served. The limits are set low here; the defaults are far higher.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConfiguredAppFactory Limited(string bucket) => new(kestrel: false, new Dictionary<string, string?>
    {
        ["RateLimits:Enabled"] = "true",
        [$"RateLimits:{bucket}:Burst"] = "3",
        [$"RateLimits:{bucket}:PerMinute"] = "1",
        ["ForwardedHeaders:Enabled"] = "true",
    });

    /// <summary>A request as it arrives from <paramref name="client"/>, or through the proxy on this machine for the forwarded client.</summary>
    private static Task<HttpContext> SendAsync(TestServer server, string client, string method, string pathAndQuery, string? forwardedFor = null) =>
        server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(client);
            context.Request.Method = method;
            var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
            context.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
            context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        }, Ct);

    private static async Task<string> BodyAsync(HttpContext context) => await new StreamReader(context.Response.Body).ReadToEndAsync(Ct);

    [Theory]
    [InlineData("Pages", "/countries/{0}", "text/plain")]
    [InlineData("Api", "/api/countries/{0}", "application/problem+json")]
    [InlineData("Exports", "/export/pledges.csv?country={0}", "application/problem+json")]
    public async Task OneClientPastItsBucket_Gets429WithRetryAfter_OtherClientsDoNot(string bucket, string pattern, string mediaType)
    {
        await using var factory = Limited(bucket);
        var server = factory.Server;
        var urls = new[] { "FRA", "DEU", "POL", "ITA", "ESP" }.Select(code => string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, code)).ToList();

        var statuses = new List<int>();
        HttpContext? refused = null;
        foreach (var url in urls)
        {
            var context = await SendAsync(server, "198.51.100.1", "GET", url);
            statuses.Add(context.Response.StatusCode);
            refused ??= context.Response.StatusCode == 429 ? context : null;
        }
        var other = await SendAsync(server, "198.51.100.2", "GET", urls[^1]);

        Assert.Equal([200, 200, 200, 429, 429], statuses);
        Assert.NotNull(refused);
        Assert.True(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.StartsWith(mediaType, refused.Response.ContentType, StringComparison.Ordinal);
        var body = await BodyAsync(refused);
        Assert.Contains("Too many requests", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.Equal(200, other.Response.StatusCode);
    }

    [Fact]
    public async Task PagesInTheCache_AreStillServedToAClientPastItsRenderBucket()
    {
        // Over a real socket: the output cache's stored response is what this is about.
        await using var factory = new ConfiguredAppFactory(kestrel: true, new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "true",
            ["RateLimits:Pages:Burst"] = "3",
            ["RateLimits:Pages:PerMinute"] = "1",
        });
        using var client = factory.CreateHttpClient();
        foreach (var url in new[] { "/", "/pledges", "/map" })
        {
            (await client.GetAsync(url, Ct)).EnsureSuccessStatusCode();
        }

        var refused = await client.GetAsync("/timeline", Ct);
        var cached = await client.GetAsync("/pledges?bust=1", Ct);

        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal(200, (int)cached.StatusCode);
        Assert.True(cached.Headers.Age is not null, "served from the page cache");
    }

    [Fact]
    public async Task NewSessions_PastTheBucket_Get429WithRetryAfter()
    {
        await using var factory = Limited("Circuits");
        var server = factory.Server;

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SendAsync(server, "198.51.100.1", "POST", "/_blazor/negotiate?negotiateVersion=1")).Response.StatusCode);
        }
        var other = await SendAsync(server, "198.51.100.2", "POST", "/_blazor/negotiate?negotiateVersion=1");

        Assert.Equal([200, 200, 200, 429, 429], statuses);
        Assert.Equal(200, other.Response.StatusCode);
    }

    [Fact]
    public async Task BehindAProxy_EachForwardedClientHasItsOwnBucket()
    {
        await using var factory = Limited("Api");
        var server = factory.Server;

        // Different addresses each time: a response the API cache already holds would not count.
        var first = new List<int>();
        foreach (var code in new[] { "FRA", "DEU", "POL", "ITA" })
        {
            first.Add((await SendAsync(server, "127.0.0.1", "GET", $"/api/countries/{code}", forwardedFor: "203.0.113.1")).Response.StatusCode);
        }
        var second = await SendAsync(server, "127.0.0.1", "GET", "/api/countries/ESP", forwardedFor: "203.0.113.2");

        Assert.Equal([200, 200, 200, 429], first);
        Assert.Equal(200, second.Response.StatusCode);
    }

    [Fact]
    public async Task LimitsTurnedOff_NoClientIsRefused()
    {
        await using var factory = new ConfiguredAppFactory(kestrel: false, new Dictionary<string, string?>
        {
            ["RateLimits:Enabled"] = "false",
            ["RateLimits:Api:Burst"] = "1",
            ["RateLimits:Api:PerMinute"] = "1",
        });

        var statuses = new List<int>();
        foreach (var code in new[] { "FRA", "DEU", "POL", "ITA", "ESP" })
        {
            statuses.Add((await SendAsync(factory.Server, "198.51.100.1", "GET", $"/api/countries/{code}")).Response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(200, status));
    }
}
