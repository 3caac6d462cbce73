using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

public sealed class ShellTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Home_Opens_ShowsTitleAndFiguresWithoutErrorsOrExternalRequests()
    {
        // Act
        await Page.GotoAsync("/");
        await WaitForInteractivityAsync();

        // Assert
        await Assertions.Expect(Page).ToHaveTitleAsync("Overview · Coalition dashboard");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Coalition of the Willing");
        await Assertions.Expect(Page.GetByTestId("app-title")).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByTestId("kpi-members").Locator(".kpi-value")).ToHaveTextAsync("35");
        await Assertions.Expect(Page.Locator("#map .main-svg").First).ToBeVisibleAsync();
        Assert.Empty(ConsoleErrors);
        AssertNoExternalRequests();
    }

    [Fact]
    public async Task ThemeToggle_Clicked_SwitchesAndSurvivesAReload()
    {
        // Arrange
        await Page.GotoAsync("/");
        await WaitForInteractivityAsync();
        var toggle = Page.GetByTestId("theme-toggle");
        var initial = await toggle.GetAttributeAsync("aria-label");
        var expected = initial == "Switch to dark theme" ? "Switch to light theme" : "Switch to dark theme";

        // Act: one click, once the shell's script is live (the toggle no longer goes through the circuit).
        await Page.Locator("html[data-shell-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", expected);
        await Page.ReloadAsync();

        // Assert: the prerendered page already has the chosen theme
        await Assertions.Expect(Page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", expected);
        var cookies = await Page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "cd-theme" && c.Value == (expected == "Switch to light theme" ? "dark" : "light"));
        Assert.Empty(ConsoleErrors);
    }

    [Fact]
    public async Task ThemeToggle_Clicked_RecoloursThePageAtOnce()
    {
        // Arrange
        await Page.Context.AddCookiesAsync([new Cookie { Name = "cd-theme", Value = "light", Domain = BaseAddress.Host, Path = "/" }]);
        await Page.GotoAsync("/countries");
        await WaitForInteractivityAsync();
        const string Background = "() => getComputedStyle(document.querySelector('[data-testid=app-layout]')).backgroundColor";
        var light = await Page.EvaluateAsync<string>(Background);

        // Act
        await Page.GetByTestId("theme-toggle").ClickAsync();

        // Assert: MudBlazor's dark palette (from /theme.css) applies without a reload
        await Assertions.Expect(Page.Locator("html")).ToHaveAttributeAsync("data-theme", "dark");
        await Page.WaitForFunctionAsync($"() => ({Background})() !== '{light}'");
        Assert.Equal("rgb(18, 20, 23)", await Page.EvaluateAsync<string>(Background));
    }

    [Fact]
    public async Task Navigation_MarksTheCurrentPage_AndKeepsTheFilterInItsLinks()
    {
        // Act
        await Page.GotoAsync("/pledges?country=FRA");
        await WaitForInteractivityAsync();

        // Assert
        var nav = Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation" });
        await Assertions.Expect(nav.Locator("[aria-current=page]")).ToHaveTextAsync("Pledges");
        await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Map" })).ToHaveAttributeAsync("href", "map?country=FRA");

        // Act: to another page through the drawer
        await nav.GetByRole(AriaRole.Link, new() { Name = "Timeline" }).ClickAsync();

        // Assert
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/timeline\?country=FRA$"));
        await Assertions.Expect(nav.Locator("[aria-current=page]")).ToHaveTextAsync("Timeline");
    }

    [Fact]
    public async Task DrawerToggle_HidesAndShowsTheNavigation_AndANarrowScreenStartsWithItClosed()
    {
        // Arrange: wide screen, drawer open
        await Page.GotoAsync("/");
        await WaitForInteractivityAsync();
        var drawer = Page.Locator("#app-drawer");
        var toggle = Page.GetByTestId("drawer-toggle");
        await Assertions.Expect(drawer).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");

        // Act + Assert
        await toggle.ClickAsync();
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(drawer).ToBeVisibleAsync();

        // Narrow screen: closed until asked for, then over the content
        await Page.SetViewportSizeAsync(600, 800);
        await Page.ReloadAsync();
        await WaitForInteractivityAsync();
        await Assertions.Expect(drawer).ToBeHiddenAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(drawer).ToBeVisibleAsync();
        Assert.Empty(ConsoleErrors);
    }
}
