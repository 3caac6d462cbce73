using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Base for browser journeys: a fresh context per test, console errors, page errors and every request
/// recorded so a test can assert that nothing went wrong and nothing left this machine.
/// </summary>
[Trait("Category", "E2E")]
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private IBrowserContext? _context;

    protected IPage Page { get; private set; } = null!;

    protected Uri BaseAddress => fixture.BaseAddress!;

    protected List<string> ConsoleErrors { get; } = [];

    protected List<string> RequestedUrls { get; } = [];

    public async ValueTask InitializeAsync()
    {
        if (fixture.UnavailableReason is { } reason)
        {
            // Under CI a missing browser is a failure, not a skip: .ci/run installs it.
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }
            Assert.Skip(reason);
        }
        _context = await fixture.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "en-GB",
        });
        _context.SetDefaultTimeout(30_000);
        // Charts load plotly.js on first use; a loaded 2-core CI machine needs more than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                ConsoleErrors.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => ConsoleErrors.Add(error);
        Page.Request += (_, request) => RequestedUrls.Add(request.Url);
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>Every request went to this app (or stayed inside the browser: data:, blob:).</summary>
    protected void AssertNoExternalRequests()
    {
        var external = RequestedUrls
            .Select(url => new Uri(url))
            .Where(uri => uri.Scheme is "http" or "https" or "ws" or "wss")
            .Where(uri => uri.Host != BaseAddress.Host || uri.Port != BaseAddress.Port)
            .Select(uri => uri.ToString())
            .ToList();
        Assert.True(external.Count == 0, "requests to other hosts: " + string.Join(", ", external));
    }

    /// <summary>
    /// Prerendered pages are visible before the circuit connects; wait until the app has rendered
    /// interactively (the root component marks <c>html[data-interactive]</c> after its first interactive render).
    /// </summary>
    protected Task WaitForInteractivityAsync() => WaitForInteractivityAsync(Page);

    protected static async Task WaitForInteractivityAsync(IPage page)
    {
        await page.Locator("html[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>
    /// Scrolls to each chart in turn and waits until plotly has drawn it: charts below the fold draw only when they
    /// come into view, as a reader scrolling down would see them.
    /// </summary>
    protected async Task DrawEveryChartAsync()
    {
        var plots = Page.Locator(".chart-panel__plot");
        for (var i = 0; i < await plots.CountAsync(); i++)
        {
            await plots.Nth(i).ScrollIntoViewIfNeededAsync();
            await plots.Nth(i).Locator(".main-svg").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }
    }
}
