using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>
/// One live session flooded with events (what a stuck key, a script or a hostile client sends) costs its own circuit,
/// not everyone's: a second user in another browser context can still open a page and filter it through the UI.
/// </summary>
public sealed class CircuitFloodTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Clicks the chart's "Show data" toggle without pause: every click is an event the circuit must handle and a
    // table it must render and send. Runs until told to stop; counts what it sent.
    private const string StartFlood = """
        () => {
            const button = document.querySelector('[data-testid="show-data-pledges-by-country"]');
            window.__floodSent = 0;
            window.__flood = setInterval(() => {
                for (let i = 0; i < 200; i++) { button.click(); window.__floodSent++; }
            }, 0);
        }
        """;

    [Fact]
    public async Task FloodedSession_LeavesASecondUserResponsive()
    {
        // Arrange: the flooding user, live on the pledges page
        await Page.GotoAsync("/pledges");
        await WaitForInteractivityAsync();
        var otherUser = await Page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en-GB" });
        var second = await otherUser.NewPageAsync();

        try
        {
            // Act: flood, and meanwhile the second user opens the page and chooses a country through the filter
            await Page.EvaluateAsync(StartFlood);
            await second.GotoAsync("/pledges");
            await WaitForInteractivityAsync(second);
            await second.GetByTestId("filter-toggle").ClickAsync();
            await second.GetByLabel("Add a country").FillAsync("Pola");
            await second.GetByRole(AriaRole.Option, new() { Name = "Poland" }).ClickAsync();

            // Assert: the second user's view followed, while the flood was still running
            await Assertions.Expect(second).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/pledges\?country=POL$"));
            await Assertions.Expect(second.GetByTestId("pledge-grid").Locator("tbody tr")).ToHaveCountAsync(Curated.PledgesNaming("POL"));
            var sent = await Page.EvaluateAsync<int>("() => window.__floodSent");
            Assert.True(sent >= 1000, $"the flood sent only {sent} events");
        }
        finally
        {
            await Page.EvaluateAsync("() => clearInterval(window.__flood)");
            await otherUser.DisposeAsync();
        }

        // And the server is healthy after it
        var health = await Page.APIRequest.GetAsync(new Uri(BaseAddress, "/healthz").ToString());
        Assert.Equal(200, health.Status);
    }
}
