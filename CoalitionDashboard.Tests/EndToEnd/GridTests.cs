using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>
/// The grids as an analyst uses them: the pledges grid's sort order is in the address (a reload or a shared link shows
/// the same order), and a click on a row opens what the row is about (a pledge on its country's page, a country, a source).
/// </summary>
public sealed partial class GridTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task PledgesGrid_SortOrder_IsInTheAddress_AndAReloadKeepsIt()
    {
        // Arrange
        await Page.GotoAsync("/pledges?bloc=eu");
        await WaitForInteractivityAsync();
        var date = Page.GetByRole(AriaRole.Columnheader, new() { Name = "Date" });

        // Act: date, then date the other way round
        await date.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(date).ToHaveAttributeAsync("aria-sort", "ascending");
        await date.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(date).ToHaveAttributeAsync("aria-sort", "descending");
        var firstRow = await Page.GetByTestId("pledge-grid").Locator("tbody tr").First.Locator("td").First.InnerTextAsync();

        // Assert: the address says so, the filter stays, and a reload shows the same order
        await Assertions.Expect(Page).ToHaveURLAsync(BlocAndSortByDateDescending());
        await Page.ReloadAsync();
        await WaitForInteractivityAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Date" })).ToHaveAttributeAsync("aria-sort", "descending");
        await Assertions.Expect(Page.GetByTestId("pledge-grid").Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync(firstRow);
        Assert.Empty(ConsoleErrors);
    }

    [Theory]
    [InlineData("/countries?sort=-pledges", "country-grid", "Ukraine")]
    [InlineData("/sources?sort=-outlet", "source-grid", "Zazoom")]
    public async Task DataGrid_OpenedWithASort_ShowsItsRowsInThatOrderFromTheFirstPaint(string path, string grid, string first)
    {
        // The server-rendered page already holds the rows in order (no reshuffle once the grid comes alive).
        await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });

        await Assertions.Expect(Page.GetByTestId(grid).Locator("tbody tr").First).ToContainTextAsync(first);
        await Assertions.Expect(Page.GetByTestId(grid).Locator("th[aria-sort=descending]")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task PledgesGrid_SortOrder_SurvivesAFilterChange()
    {
        // Arrange: sorted by date, newest first
        await Page.GotoAsync("/pledges?bloc=eu");
        await WaitForInteractivityAsync();
        var date = Page.GetByRole(AriaRole.Columnheader, new() { Name = "Date" });
        await date.GetByRole(AriaRole.Button).ClickAsync();
        await date.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(BlocAndSortByDateDescending());

        // Act: the bloc filter is removed from its chip
        await Page.GetByTestId("chip-bloc").GetByRole(AriaRole.Button).ClickAsync();

        // Assert: the new view keeps the order
        await Assertions.Expect(Page).ToHaveURLAsync(SortByDateDescendingOnly());
        await Assertions.Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Date" })).ToHaveAttributeAsync("aria-sort", "descending");
    }

    [Fact]
    public async Task PledgesGrid_UnknownSort_ShowsTheDefaultOrder()
    {
        var response = await Page.GotoAsync("/pledges?sort=nonsense");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(Page.Locator("[data-testid=pledge-grid] th[aria-sort=ascending], [data-testid=pledge-grid] th[aria-sort=descending]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PledgesGrid_ClickOnARow_OpensThePledgeOnItsCountrysPage()
    {
        // Arrange
        await Page.GotoAsync("/pledges?country=POL");
        await WaitForInteractivityAsync();
        var row = Page.GetByTestId("pledge-grid").Locator("tbody tr").First;
        var id = (await row.Locator("td").First.InnerTextAsync()).Trim();

        // Act: a click on the row's text, not on a link
        await row.Locator(".pledge-grid__pledge .muted").ClickAsync();

        // Assert
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex($@"/countries/[A-Z]{{3}}#{id}$"));
        await Assertions.Expect(Page.Locator($"[id='{id}']")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("/countries", "[data-testid=grid-country]", @"/countries/[A-Z]{3}$")]
    [InlineData("/sources", "a[data-row-link]", @"/sources/[^/?#]+$")]
    public async Task Grid_ClickOnARow_OpensItsRecord(string path, string link, string expected)
    {
        // Arrange
        await Page.GotoAsync(path);
        await WaitForInteractivityAsync();
        var row = Page.Locator("[data-row-links] tbody tr").Nth(2);
        var href = await row.Locator(link).GetAttributeAsync("href");

        // Act: a click on a cell of the row that holds no link
        await row.Locator("td:visible:not(:has(a))").First.ClickAsync(new() { Position = new Position { X = 2, Y = 2 } });

        // Assert
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(expected));
        Assert.EndsWith(href!, Page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/countries?bloc=eu", "country-grid", "Pledges", @"/countries\?bloc=eu&sort=-pledges$")]
    [InlineData("/sources", "source-grid", "Outlet", @"/sources\?sort=-outlet$")]
    public async Task DataGrid_SortOrder_IsInTheAddress_AndAReloadKeepsIt(string path, string grid, string column, string expected)
    {
        // Arrange
        await Page.GotoAsync(path);
        await WaitForInteractivityAsync();
        var th = Page.GetByTestId(grid).Locator("th").Filter(new() { HasText = column });
        var header = th.Locator(".sortable-column-header").First;
        var firstRow = Page.GetByTestId(grid).Locator("tbody tr").First;
        var before = await firstRow.InnerTextAsync();

        // Act: the column, then the column the other way round
        await header.ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(expected.Replace("-", "", StringComparison.Ordinal)));
        await header.ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(expected));
        await Assertions.Expect(th).ToHaveAttributeAsync("aria-sort", "descending");
        var sorted = await firstRow.InnerTextAsync();

        // Assert: a reload shows the same order, and it is not the order the page opened in
        await Page.ReloadAsync();
        await WaitForInteractivityAsync();
        await Assertions.Expect(Page.GetByTestId(grid).Locator("tbody tr").First).ToHaveTextAsync(sorted, new() { UseInnerText = true });
        Assert.NotEqual(before, sorted);
        Assert.Empty(ConsoleErrors);
    }

    [GeneratedRegex(@"/pledges\?sort=-date$")]
    private static partial Regex SortByDateDescendingOnly();

    [GeneratedRegex(@"/pledges\?bloc=eu&sort=-date$")]
    private static partial Regex BlocAndSortByDateDescending();
}
