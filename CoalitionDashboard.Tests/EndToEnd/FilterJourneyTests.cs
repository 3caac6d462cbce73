using CoalitionDashboard.Tests.TestSupport;
using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

public sealed class FilterJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Pledges_FilterByCountryThroughTheUi_UpdatesGridChartsAndUrl_AndTheLinkReproducesIt()
    {
        // Arrange
        await Page.GotoAsync("/pledges");
        await WaitForInteractivityAsync();
        await Assertions.Expect(Page.GetByTestId("pledge-summary")).ToContainTextAsync($"{Curated.Pledges} pledges");

        // Act: open the filter panel, search for Poland and pick it
        await Page.GetByTestId("filter-toggle").ClickAsync();
        var search = Page.GetByLabel("Add a country");
        await search.FillAsync("Pola");
        await Page.GetByRole(AriaRole.Option, new() { Name = "Poland" }).ClickAsync();

        // Assert: URL, chip, grid and chart data all follow
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/pledges\?country=POL$"));
        await Assertions.Expect(Page.GetByTestId("chip-country-POL")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("pledge-summary")).ToContainTextAsync(Shown(Curated.PledgesNaming("POL")));
        await Assertions.Expect(Page.GetByTestId("pledge-grid").Locator("tbody tr")).ToHaveCountAsync(Curated.PledgesNaming("POL"));
        await Page.GetByTestId("show-data-pledges-by-country").ClickAsync();
        await Assertions.Expect(Page.GetByTestId("data-pledges-by-country").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.GetByTestId("data-pledges-by-country")).ToContainTextAsync("Poland");

        // The same URL in a new page reproduces the view
        var second = await Page.Context.NewPageAsync();
        await second.GotoAsync(Page.Url);
        await Assertions.Expect(second.GetByTestId("pledge-summary")).ToContainTextAsync(Shown(Curated.PledgesNaming("POL")));
        await Assertions.Expect(second.GetByTestId("chip-country-POL")).ToBeVisibleAsync();
        await second.CloseAsync();

        // Back returns to the unfiltered view
        await Page.GoBackAsync();
        await Assertions.Expect(Page.GetByTestId("pledge-summary")).ToContainTextAsync($"{Curated.Pledges} pledges");
        Assert.Empty(ConsoleErrors);
        AssertNoExternalRequests();
    }

    [Fact]
    public async Task Map_FilterByCountry_RecoloursOnlyThatCountry()
    {
        // Arrange
        await Page.GotoAsync("/map?metric=forces");
        await WaitForInteractivityAsync();
        var mainTrace = Page.Locator("#map .choroplethlayer .trace").First.Locator("path");
        await Assertions.Expect(mainTrace).ToHaveCountAsync(36);

        // Act: filter from the chips bar through a link a briefer would share
        await Page.GotoAsync("/map?metric=forces&country=FRA,DEU");
        await WaitForInteractivityAsync();

        // Assert
        await Assertions.Expect(mainTrace).ToHaveCountAsync(2);
        await Assertions.Expect(Page.GetByTestId("map-country-list").Locator("li")).ToHaveCountAsync(2);
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task Map_ClickOnCountry_OpensItsProfile()
    {
        // Arrange
        await Page.GotoAsync("/map?metric=forces&country=FRA");
        await WaitForInteractivityAsync();
        var france = Page.Locator("#map .choroplethlayer .trace").First.Locator("path").First;
        await Assertions.Expect(france).ToBeVisibleAsync();

        // Act: plotly reacts to a real pointer (hover, then click)
        var box = (await france.BoundingBoxAsync())!;
        await Page.Locator("[data-testid=chart-map][data-clicks-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);

        // Assert
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/countries/FRA\?country=FRA$"));
        await Assertions.Expect(Page.GetByTestId("country-name")).ToHaveTextAsync("France");
    }

    private static string Shown(int count) => count == 1 ? "1 pledge or position shown" : $"{count} pledges and positions shown";
}
