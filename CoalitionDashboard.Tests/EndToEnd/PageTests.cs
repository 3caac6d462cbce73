using CoalitionDashboard.Tests.TestSupport;
using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>Every page renders its content from data/, without console errors and without asking any other host.</summary>
public sealed class PageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("/", "Coalition of the Willing", "[data-testid=kpi-pledges]")]
    [InlineData("/map", "Map", "#map .choroplethlayer path")]
    [InlineData("/countries", "Countries", "[data-testid=country-grid] tbody tr")]
    [InlineData("/countries/DEU", "Germany", "[data-testid=pledge-card]")]
    [InlineData("/pledges", "Pledges and positions", "#pledges-by-category .main-svg")]
    [InlineData("/timeline", "Timeline", "[data-testid=timeline-list] li")]
    [InlineData("/sources", "Sources", "[data-testid=source-grid] tbody tr")]
    [InlineData("/sources/elysee-2026", "Élysée", "[data-testid=source-records] li")]
    [InlineData("/organisations/NATO", "North Atlantic Treaty Organization", "[data-testid=representative]")]
    [InlineData("/quotes", "Quotes", "[data-testid=quote]")]
    [InlineData("/open-issues", "Open issues", "[data-testid=open-issue]")]
    [InlineData("/briefings", "Briefings", "[data-testid=deck-card]")]
    public async Task Page_Opens_ShowsItsContentWithoutErrorsOrExternalRequests(string path, string heading, string content)
    {
        // Act
        await Page.GotoAsync(path);
        await WaitForInteractivityAsync();

        // Assert
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
        await Assertions.Expect(Page.Locator(content).First).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("data-as-of-bar")).ToContainTextAsync(Curated.Short(Curated.AsOf));
        Assert.Empty(ConsoleErrors);
        AssertNoExternalRequests();
    }

    [Fact]
    public async Task Map_DrawsEveryParticipantAndKeepsCrimeaInUkraine()
    {
        // Act
        await Page.GotoAsync("/map?view=world&metric=pledges");
        await WaitForInteractivityAsync();

        // Assert: one filled path per participant in the first (main) trace, outlines served by the app itself
        await Assertions.Expect(Page.Locator("#map .choroplethlayer .trace").First.Locator("path")).ToHaveCountAsync(36);
        Assert.Contains(RequestedUrls, url => System.Text.RegularExpressions.Regex.IsMatch(url, "/topojson/v-[0-9a-f]{12}/world_110m.json$"));
        await Assertions.Expect(Page.GetByTestId("map-disclaimer")).ToContainTextAsync("including Crimea");
        await Assertions.Expect(Page.GetByTestId("map-country-list").GetByRole(AriaRole.Link, new() { Name = "Luxembourg" })).ToBeVisibleAsync();
        AssertNoExternalRequests();
    }

    [Fact]
    public async Task CountryProfile_France_ShowsSeveralThousandTroopsAndItsSource()
    {
        // Act
        await Page.GotoAsync("/countries/FRA");
        await WaitForInteractivityAsync();

        // Assert
        var pledge = Page.GetByTestId("pledge-card").Filter(new() { HasText = "several thousand" });
        await Assertions.Expect(pledge).ToHaveCountAsync(1);
        await Assertions.Expect(pledge.GetByTestId("pledge-quantity")).ToContainTextAsync("several thousand");
        await Assertions.Expect(pledge.GetByTestId("sources").GetByRole(AriaRole.Link).First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://"));
        await Assertions.Expect(pledge).ToContainTextAsync("Contested");
        Assert.Empty(ConsoleErrors);
    }

    /// <summary>
    /// The app serves its own plotly.js bundle with only the trace types it draws: every chart on every page must
    /// find its trace type in it (a chart of a type left out of Tools/build-plotly.mjs would draw nothing).
    /// </summary>
    [Fact]
    public async Task Charts_EveryTraceTypeDrawnOnAnyPage_IsInTheAppsPlotlyBundle()
    {
        var drawn = new SortedSet<string>(StringComparer.Ordinal);
        string[] registered = [];
        foreach (var path in new[] { "/", "/map", "/map?view=world", "/pledges", "/timeline" })
        {
            // Act
            await Page.GotoAsync(path);
            await WaitForInteractivityAsync();
            await DrawEveryChartAsync();
            drawn.UnionWith(await Page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(gd => gd.data.map(t => t.type || 'scatter'))"));
            if (path == "/")
            {
                registered = await Page.EvaluateAsync<string[]>("() => Object.keys(window.Plotly.PlotSchema.get().traces)");
            }
        }

        // Assert: the bundle is the app's (not the full plotly.js) and it covers every chart
        Assert.Equal(["bar", "choropleth", "scatter"], registered.Order(StringComparer.Ordinal));
        Assert.Subset(registered.ToHashSet(), drawn.ToHashSet());
        Assert.Superset(new HashSet<string> { "bar", "choropleth" }, drawn.ToHashSet());
        Assert.Empty(ConsoleErrors);
        AssertNoExternalRequests();
    }

    [Fact]
    public async Task CountryProfile_UnknownCode_ShowsNotFound()
    {
        var response = await Page.GotoAsync("/countries/XYZ");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
    }

    [Fact]
    public async Task Quotes_ChoosingATopic_PutsItInTheUrl_AndListsOnlyQuotesOnIt()
    {
        // Arrange
        await Page.GotoAsync("/quotes?country=FRA");
        await WaitForInteractivityAsync();

        // Act
        await Page.GetByTestId("quote-topic").SelectOptionAsync("troops");

        // Assert
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/quotes\?country=FRA&topic=troops$"));
        await Assertions.Expect(Page.GetByTestId("quote-summary")).ToContainTextAsync("topic troops");
        await Assertions.Expect(Page.GetByTestId("quote").Locator("a.tag").First).ToHaveTextAsync("troops");
        Assert.All(await Page.GetByTestId("quote").Locator("a.tag").AllTextContentsAsync(), t => Assert.Equal("troops", t));
        Assert.Empty(ConsoleErrors);
        AssertNoExternalRequests();
    }

    [Fact]
    public async Task InvalidFilterInUrl_IsReportedAndIgnored()
    {
        await Page.GotoAsync("/pledges?country=FRA,ZZZ&status=maybe");
        await WaitForInteractivityAsync();

        await Assertions.Expect(Page.GetByTestId("filter-error")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.GetByTestId("chip-country-FRA")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("pledge-summary")).ToContainTextAsync($"{Curated.PledgesNaming("FRA")} pledges and positions shown");
        Assert.Empty(ConsoleErrors);
    }
}
