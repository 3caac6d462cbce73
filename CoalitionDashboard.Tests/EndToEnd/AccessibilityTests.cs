using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CoalitionDashboard.Tests.EndToEnd;

/// <summary>axe-core finds no serious or critical violation on any page, in the light and the dark theme.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    public static TheoryData<string, string> Pages => SitePages.InBothThemes();

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
