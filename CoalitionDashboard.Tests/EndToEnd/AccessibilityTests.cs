using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>
/// axe-core, with the WCAG 2.2 AA rules, finds no serious or critical violation on any page, in the light and the dark
/// theme, with every chart's data table open (tables that scroll, as a keyboard user meets them).
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly AxeRunOptions Wcag22 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static TheoryData<string, string> Pages =>
        SitePages.InBothThemes("/briefings/paris-summit-2026/print", "/briefings/paris-summit-2026?slide=3&presenter=1");

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousOrCriticalAxeViolations(string path, string theme)
    {
        // Arrange
        await Page.Context.AddCookiesAsync([new Cookie { Name = "cd-theme", Value = theme, Domain = BaseAddress.Host, Path = "/" }]);
        await Page.GotoAsync(path);
        await WaitForInteractivityAsync();

        var showData = Page.Locator("[data-testid^=show-data-]:visible");
        var charts = await showData.CountAsync();
        for (var i = 0; i < charts; i++)
        {
            await showData.Nth(i).ClickAsync();
        }
        await Assertions.Expect(Page.Locator(".chart-panel__table")).ToHaveCountAsync(charts);

        // Act
        var results = await Page.RunAxe(Wcag22);

        // Assert
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{path} ({theme}):\n" + string.Join("\n", serious));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task FilterPanel_WithThePickerAndEachSelectOpen_HasNoSeriousOrCriticalAxeViolations(string theme)
    {
        // Arrange
        await Page.Context.AddCookiesAsync([new Cookie { Name = "cd-theme", Value = theme, Domain = BaseAddress.Host, Path = "/" }]);
        await Page.GotoAsync("/pledges");
        await WaitForInteractivityAsync();
        await Page.GetByTestId("filter-toggle").ClickAsync();
        var found = new List<string>();

        // Act: the country picker with its suggestions, then each select with its list open
        await Page.GetByLabel("Add a country").FillAsync("Po");
        await Assertions.Expect(Page.GetByRole(AriaRole.Option, new() { Name = "Poland" })).ToBeVisibleAsync();
        found.AddRange(Serious(await Page.RunAxe(Wcag22), "country picker"));
        await Page.GetByLabel("Add a country").FillAsync("");
        await Page.Keyboard.PressAsync("Escape");
        foreach (var select in new[] { "filter-bloc", "filter-category", "filter-status", "filter-reliability" })
        {
            await Page.GetByTestId(select).ClickAsync();
            await Assertions.Expect(Page.Locator(".mud-popover-open [role=option], .mud-popover-open .mud-list-item").First).ToBeVisibleAsync();
            // The list fades in: axe measures contrast on what is drawn, so it waits until the list is fully opaque.
            await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-popover-open')].every(e => getComputedStyle(e).opacity === '1')");
            found.AddRange(Serious(await Page.RunAxe(Wcag22), select));
            await Page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        }

        // Assert
        Assert.True(found.Count == 0, $"filter panel ({theme}):\n" + string.Join("\n", found));
    }

    private static IEnumerable<string> Serious(AxeResult results, string state) =>
        results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{state}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}");
}
