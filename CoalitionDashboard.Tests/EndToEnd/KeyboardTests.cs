using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>What a keyboard user meets: a skip link first, the filters before the navigation, a ring on every stop.</summary>
public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // What has focus: its test id, its text, and whether it shows a focus indicator (an outline or a box shadow).
    private const string Focused = """
        () => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
            return {
                id: e.dataset.testid ?? '',
                text: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 60) + ' ' + e.className + ' ' + (e.type ?? ''),
                tag: e.tagName,
                inFilters: !!e.closest('.filter-bar'),
                inNav: !!e.closest('#app-drawer'),
                inMain: !!e.closest('main'),
                ring,
            };
        }
        """;

    // Playwright fills a class with a default constructor (not a positional record).
    private sealed class Stop
    {
        public string Id { get; set; } = "";
        public string Text { get; set; } = "";
        public string Tag { get; set; } = "";
        public bool InFilters { get; set; }
        public bool InNav { get; set; }
        public bool InMain { get; set; }
        public bool Ring { get; set; }
    }

    [Fact]
    public async Task FirstTab_IsTheSkipLink_AndItTakesFocusToTheContent()
    {
        // Arrange
        await Page.SetViewportSizeAsync(1366, 768);
        await Page.GotoAsync("/pledges");
        await WaitForInteractivityAsync();

        // Act
        await Page.Keyboard.PressAsync("Tab");
        var first = await Page.EvaluateAsync<Stop>(Focused);
        var shown = await Page.GetByTestId("skip-link").BoundingBoxAsync();
        await Page.Keyboard.PressAsync("Enter");

        // Assert
        Assert.Equal("skip-link", first.Id);
        Assert.True(first.Ring, "the skip link shows a focus ring");
        Assert.True(shown is { Y: >= 0 }, "the focused skip link is on screen");
        await Assertions.Expect(Page.Locator("main#main")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("/", "light")]
    [InlineData("/", "dark")]
    [InlineData("/timeline", "light")]
    [InlineData("/countries/FRA", "dark")]
    public async Task TabOrder_IsHeaderFiltersNavigationContent_AndEveryStopShowsAFocusRing(string path, string theme)
    {
        // Arrange
        await Page.Context.AddCookiesAsync([new Cookie { Name = "cd-theme", Value = theme, Domain = BaseAddress.Host, Path = "/" }]);
        await Page.SetViewportSizeAsync(1366, 768);
        await Page.GotoAsync(path);
        await WaitForInteractivityAsync();

        // Act: the first 40 Tab stops
        var stops = new List<Stop>();
        for (var i = 0; i < 40; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            stops.Add(await Page.EvaluateAsync<Stop>(Focused));
        }

        // Assert
        var firstFilter = stops.FindIndex(s => s.InFilters);
        var firstNav = stops.FindIndex(s => s.InNav);
        var firstContent = stops.FindIndex(s => s.InMain);
        Assert.Equal("skip-link", stops[0].Id);
        Assert.True(firstFilter > 0 && firstFilter < firstNav, $"filters ({firstFilter}) come before the navigation ({firstNav})");
        Assert.True(firstNav < firstContent, $"the navigation ({firstNav}) comes before the content ({firstContent})");
        var withoutRing = stops.Where(s => !s.Ring).Select(s => $"{s.Tag} '{s.Text}'").ToList();
        Assert.True(withoutRing.Count == 0, $"{withoutRing.Count} of 40 stops show no focus ring: " + string.Join("; ", withoutRing));
    }
}
