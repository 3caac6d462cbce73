using System.Text.RegularExpressions;
using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>
/// A presentation survives the server going away (a laptop that slept, a dropped network, a restart): the
/// audience never sees an error dialog, and once the server answers again the deck reloads on the same slide.
/// The app runs here as a real process so that it can be stopped and started again on the same port.
/// </summary>
public sealed class ReconnectTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Deck_ServerRestartedUnderAnOpenDeck_ReloadsOnTheSameSlideWithoutAnErrorDialog()
    {
        // Arrange
        var port = AppProcess.FreePort();
        var database = Path.Combine(Path.GetTempPath(), $"coalition-reconnect-{Guid.NewGuid():N}.db");
        var server = StartApp(port, database);
        try
        {
            await WaitUntilHealthyAsync(server);
            var url = $"http://127.0.0.1:{port}/briefings/paris-summit-2026?slide=3";
            await Page.GotoAsync(url);
            await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync(new Regex(@"^3 / \d+$"));
            await Page.Locator("html[data-deck-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            // Act: the server goes away, then comes back
            server.Dispose();
            // Blazor has noticed the loss and is reconnecting (or has given up) before the dialog is looked for.
            await Page.Locator("html[data-reconnect-state]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            Assert.False(await Page.Locator("#components-reconnect-modal[open]").IsVisibleAsync(), "the reconnect dialog was shown to the audience");
            await Assertions.Expect(Page.GetByTestId("slide")).ToBeVisibleAsync();
            server = StartApp(port, database);
            await WaitUntilHealthyAsync(server);

            // Assert: reloaded by itself (the interactive circuit is new), same slide, no dialog
            await Page.WaitForFunctionAsync("() => performance.getEntriesByType('navigation')[0]?.type === 'reload'", null, new() { Timeout = 90_000 });
            await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"slide=3$"));
            await Assertions.Expect(Page.GetByTestId("slide-number")).ToHaveTextAsync(new Regex(@"^3 / \d+$"));
            Assert.False(await Page.Locator("#components-reconnect-modal[open]").IsVisibleAsync());
        }
        finally
        {
            server.Dispose();
            AppProcess.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task Page_ServerRestartedUnderAnOpenTab_NoDialog_AndTheNextClickWorks()
    {
        // Arrange: a page rendered on the server, with only the filter bar as an island (what a laptop that slept
        // finds: its circuit gone on the server)
        var port = AppProcess.FreePort();
        var database = Path.Combine(Path.GetTempPath(), $"coalition-reconnect-{Guid.NewGuid():N}.db");
        var server = StartApp(port, database);
        try
        {
            await WaitUntilHealthyAsync(server);
            await Page.GotoAsync($"http://127.0.0.1:{port}/open-issues");
            await WaitForInteractivityAsync();
            // Any moment the reconnect dialog is open is recorded (in session storage: it survives a reload).
            await Page.Context.AddInitScriptAsync("""
                document.addEventListener('DOMContentLoaded', () => {
                  const dialog = document.getElementById('components-reconnect-modal');
                  if (dialog) new MutationObserver(() => { if (dialog.open) sessionStorage.setItem('dialog-shown', '1'); }).observe(dialog, { attributes: true });
                });
                """);
            await Page.ReloadAsync();
            await WaitForInteractivityAsync();

            // Act: the server goes away and comes back with no memory of the circuit
            server.Dispose();
            await Page.Locator("html[data-reconnect-state]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            server = StartApp(port, database);
            await WaitUntilHealthyAsync(server);
            await Page.Locator("html[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 90_000 });
            var dialogShown = await Page.EvaluateAsync<bool>("() => sessionStorage.getItem('dialog-shown') === '1'");
            await Page.Locator(".app-nav a", new() { HasText = "Pledges" }).ClickAsync();

            // Assert: the click took the visitor to the next page, whose islands are live, and no dialog was shown
            await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/pledges$"));
            await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pledges and positions");
            await WaitForInteractivityAsync();
            Assert.False(dialogShown, "the reconnect dialog was shown");
            Assert.False(await Page.Locator("#components-reconnect-modal[open]").IsVisibleAsync());
        }
        finally
        {
            server.Dispose();
            AppProcess.DeleteDatabase(database);
        }
    }

    private static AppProcess StartApp(int port, string database) =>
        AppProcess.Start(AppProcess.BuildOutputDirectory, database, port, TestData.RealDataDirectory, environment: "Development");

    private static async Task WaitUntilHealthyAsync(AppProcess app) =>
        Assert.True(await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60)), $"the app did not become healthy on port {app.Port}: {app.RecentOutput}");
}
