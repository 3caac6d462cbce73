namespace CoalitionDashboard.Tests.EndToEnd.Infrastructure;

/// <summary>One address of every kind of page, for the tests that must hold on all of them (accessibility, CSP).</summary>
public static class SitePages
{
    public static readonly string[] All =
    [
        "/", "/map", "/countries", "/countries/FRA", "/pledges", "/timeline", "/sources", "/sources/seed-axadle", "/organisations/EU",
        "/quotes", "/open-issues", "/briefings", "/briefings/paris-summit-2026?slide=5", "/briefings/paris-summit-2026?slide=10",
    ];

    /// <summary>Every page (and <paramref name="more"/>) in the light and the dark theme: (path, theme).</summary>
    public static TheoryData<string, string> InBothThemes(params string[] more)
    {
        var data = new TheoryData<string, string>();
        foreach (var theme in new[] { "light", "dark" })
        {
            foreach (var path in All.Concat(more))
            {
                data.Add(path, theme);
            }
        }
        return data;
    }
}
