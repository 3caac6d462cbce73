using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>axe-core finds no serious or critical violation on any page, in the light and the dark theme.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string, string> Pages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var theme in new[] { "light", "dark" })
            {
                foreach (var path in new[] { "/", "/map", "/countries", "/countries/FRA", "/pledges", "/timeline", "/sources", "/sources/seed-axadle", "/organisations/EU", "/quotes", "/open-issues", "/briefings", "/briefings/paris-summit-2026?slide=5", "/briefings/paris-summit-2026?slide=10" })
                {
                    data.Add(path, theme);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoSeriousOrCriticalAxeViolations(string path, string theme)
    {
        // Arrange
        await Page.Context.AddCookiesAsync([new Cookie { Name = "cd-theme", Value = theme, Domain = BaseAddress.Host, Path = "/" }]);
        await Page.GotoAsync(path);
        await WaitForInteractivityAsync();

        // Act
        var results = await Page.RunAxe();

        // Assert
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{path} ({theme}):\n" + string.Join("\n", serious));
    }
}
