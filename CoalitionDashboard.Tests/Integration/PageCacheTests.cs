using System.Net;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>
/// Pages are rendered once per URL, theme and data version, then served from the output cache: a room full of
/// people opening the same view costs one render. The cache must never mix themes or outlive an import.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PageCacheTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Page_RequestedTwice_IsServedFromTheCacheTheSecondTime_WithoutAnyCookie()
    {
        // Arrange
        await using var factory = new DashboardAppFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/healthz", Token);

        // Act
        var first = await client.GetAsync("/pledges?country=FRA", Token);
        var second = await client.GetAsync("/pledges?country=FRA", Token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Contains("Age"), "the first request must be rendered");
        Assert.True(second.Headers.Contains("Age"), "the second request should come from the output cache");
        Assert.False(first.Headers.Contains("Set-Cookie"), "a page response must not set a cookie (it would be shared by the cache)");
        Assert.Equal(await first.Content.ReadAsStringAsync(Token), await second.Content.ReadAsStringAsync(Token));
    }

    /// <summary>
    /// Every filter change and link is an enhanced navigation: blazor.web.js merges the fetched page into the
    /// document only when the response says <c>blazor-enhanced-nav: allow</c>, exactly. A stored full-page response
    /// (no header) or the cache's own spelling of it ("Allow") made the browser load the whole page again, closing
    /// the filter panel and restarting every island.
    /// </summary>
    [Fact]
    public async Task EnhancedNavigation_AfterAFullLoadOfTheSamePage_IsAllowedToMerge_AlsoFromTheCache()
    {
        // Arrange
        await using var factory = new DashboardAppFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/pledges?country=POL", Token);

        // Act: the same URL fetched by enhanced navigation, twice (the second from the cache)
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/pledges?country=POL");
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            answers.Add(await client.SendAsync(request, Token));
        }

        // Assert
        Assert.True(answers[1].Headers.Contains("Age"), "the second enhanced request should come from the output cache");
        Assert.All(answers, answer => Assert.Equal(["allow"], answer.Headers.GetValues("blazor-enhanced-nav")));
    }

    /// <summary>
    /// A repeat visit costs no page body: the stored render has an entity tag, the browser keeps the page
    /// (<c>no-cache</c>, not Blazor's <c>no-store</c>) and asks again with it, and the cache answers 304.
    /// </summary>
    [Fact]
    public async Task Page_AskedAgainWithItsEntityTag_Is304_AndTheBrowserMayKeepIt()
    {
        // Arrange
        await using var factory = new DashboardAppFactory();
        var client = factory.CreateClient();
        var first = await client.GetAsync("/?country=ITA", Token);
        var tag = first.Headers.ETag;

        // Act
        using var again = new HttpRequestMessage(HttpMethod.Get, "/?country=ITA");
        again.Headers.IfNoneMatch.Add(tag!);
        var second = await client.SendAsync(again, Token);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/?country=ESP");
        other.Headers.IfNoneMatch.Add(tag!);
        var otherPage = await client.SendAsync(other, Token);

        // Assert
        Assert.NotNull(tag);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("no-cache", second.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, otherPage.StatusCode);
        Assert.NotEqual(tag, otherPage.Headers.ETag);
    }

    [Fact]
    public async Task Page_DifferentFilterOrTheme_IsRenderedForThatFilterAndTheme()
    {
        // Arrange
        await using var factory = new DashboardAppFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/pledges?country=FRA", Token);
        await client.GetAsync("/pledges?country=FRA", Token);

        // Act
        var otherFilter = await client.GetStringAsync("/pledges?country=DEU", Token);
        using var dark = new HttpRequestMessage(HttpMethod.Get, "/pledges?country=FRA");
        dark.Headers.Add("Cookie", "cd-theme=dark");
        var darkResponse = await client.SendAsync(dark, Token);

        // Assert
        Assert.Contains("chip-country-DEU", otherFilter, StringComparison.Ordinal);
        Assert.DoesNotContain("chip-country-FRA", otherFilter, StringComparison.Ordinal);
        Assert.False(darkResponse.Headers.Contains("Age"), "a page cached for the light theme was served to a dark-theme visitor");
    }

    /// <summary>
    /// A parameter no page reads (<c>?bust=N</c>) changes nothing on the page, so it must not cost a render: before
    /// the cache was keyed on the parameters the pages read, each of these 50 requests rendered the page again.
    /// </summary>
    [Fact]
    public async Task Page_WithFiftyDifferentUnknownParameters_IsRenderedOnce()
    {
        // Arrange
        await using var factory = new DashboardAppFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/healthz", Token);

        // Act
        var rendered = new List<int>();
        string? first = null;
        for (var n = 0; n < 50; n++)
        {
            var response = await client.GetAsync($"/pledges?country=FRA&bust={n}", Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            first ??= await response.Content.ReadAsStringAsync(Token);
            if (!response.Headers.Contains("Age"))
            {
                rendered.Add(n);
            }
        }

        // Assert: one render; the page is the filtered one
        Assert.Equal([0], rendered);
        Assert.Contains("chip-country-FRA", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/map?metric=forces", "/map?metric=pledges")]
    [InlineData("/map?view=world", "/map?view=europe")]
    [InlineData("/timeline?kind=summit", "/timeline")]
    [InlineData("/quotes?topic=troops", "/quotes?speaker=Macron")]
    [InlineData("/briefings/paris-summit-2026?slide=2", "/briefings/paris-summit-2026?slide=3")]
    [InlineData("/briefings/paris-summit-2026?presenter=1", "/briefings/paris-summit-2026")]
    [InlineData("/pledges?country=FRA", "/pledges?Country=DEU")]
    public async Task Page_ParametersThePageReads_StillKeyTheCache(string url, string other)
    {
        // Arrange
        await using var factory = new DashboardAppFactory();
        var client = factory.CreateClient();
        await client.GetAsync(url, Token);
        await client.GetAsync(url, Token);

        // Act
        var response = await client.GetAsync(other, Token);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Age"), $"{other} was served the page cached for {url}");
    }

    [Fact]
    public async Task Api_RequestedTwice_IsServedFromTheCache_AndADifferentFilterIsNot()
    {
        // Arrange
        await using var factory = new DashboardAppFactory();
        var client = factory.CreateClient();
        await client.GetAsync("/healthz", Token);

        // Act
        var first = await client.GetAsync("/api/pledges?country=FRA", Token);
        var second = await client.GetAsync("/api/pledges?country=FRA", Token);
        var busted = await client.GetAsync("/api/pledges?country=FRA&bust=1", Token);
        var other = await client.GetAsync("/api/pledges?country=DEU", Token);
        var problem = await client.GetAsync("/api/pledges?country=XXX", Token);
        var problemAgain = await client.GetAsync("/api/pledges?country=XXX", Token);

        // Assert
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), "the same API call should come from the output cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(Token), await second.Content.ReadAsStringAsync(Token));
        Assert.False(other.Headers.Contains("Age"), "another filter was served the cached answer");
        Assert.Equal(HttpStatusCode.BadRequest, busted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, problemAgain.StatusCode);
        Assert.False(problemAgain.Headers.Contains("Age") || problem.Headers.Contains("Age"), "a problem response was cached");
    }

    [Fact]
    public async Task Page_AfterAnImport_IsRenderedAgainFromTheNewData()
    {
        // Arrange
        using var data = TestData.CopyOfRealData();
        await using var factory = DashboardAppFactory.WithData(data.Directory);
        var client = factory.CreateClient();
        await client.GetAsync("/healthz", Token);
        var before = await client.GetStringAsync("/countries/FRA", Token);
        await client.GetAsync("/countries/FRA", Token);

        // Act: the curated data changes and is imported while the app runs
        data.ReplaceFirst(DataFiles.Countries, "\"name\": \"France\"", "\"name\": \"French Republic\"");
        var outcome = await factory.Services.GetRequiredService<DataImporter>().ImportAsync(cancellationToken: Token);
        var after = await client.GetAsync("/countries/FRA", Token);

        // Assert
        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.DoesNotContain("French Republic", before, StringComparison.Ordinal);
        Assert.False(after.Headers.Contains("Age"), "a page cached before the import was served after it");
        Assert.Contains("French Republic", await after.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }
}
