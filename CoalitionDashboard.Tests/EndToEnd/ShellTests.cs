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

        // Act: the circuit may still be connecting, so retry the click until the label changes
        for (var attempt = 0; attempt < 20 && await toggle.GetAttributeAsync("aria-label") == initial; attempt++)
        {
            await toggle.ClickAsync();
            await Page.WaitForTimeoutAsync(250);
        }
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-label", expected);
        await Page.ReloadAsync();

        // Assert: the prerendered page already has the chosen theme
        await Assertions.Expect(Page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("aria-label", expected);
        var cookies = await Page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "cd-theme" && c.Value == (expected == "Switch to light theme" ? "dark" : "light"));
        Assert.Empty(ConsoleErrors);
    }
}
