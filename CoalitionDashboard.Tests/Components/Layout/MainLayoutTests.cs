using Bunit;
using CoalitionDashboard.Components.Layout;
using CoalitionDashboard.ReadModel.Filtering;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Components.Layout;

/// <summary>The shell, rendered on the server without a circuit (as every page is).</summary>
public sealed class MainLayoutTests : DashboardTestContext
{
    [Fact]
    public async Task Shell_RendersWithoutAnyScript_AndItsLinksKeepTheUrlsFilter()
    {
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken);
        UseDatabase(database);
        Services.AddSingleton(database.Get<FreshnessCheck>());
        Services.GetRequiredService<NavigationManager>().NavigateTo("pledges?country=FRA");

        var layout = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=\"body\">page</p>"))));

        layout.WaitForAssertion(() => Assert.NotNull(layout.Find("#body")));
        Assert.Contains("app--drawer-auto", layout.Find("[data-testid=app-layout]").ClassName, StringComparison.Ordinal);
        Assert.Contains($"Data as of {Curated.Short(Curated.AsOf)}", layout.Find("[data-testid=data-as-of-bar]").TextContent, StringComparison.Ordinal);
        // The page's own link is marked, and every filtered page's link carries the filter.
        var active = layout.Find(".app-nav a[aria-current=page]");
        Assert.Equal("pledges?country=FRA", active.GetAttribute("href"));
        Assert.Equal("map?country=FRA", layout.Find(".app-nav a[href^=map]").GetAttribute("href"));
        Assert.Equal("briefings", layout.Find(".app-nav a[href^=briefings]").GetAttribute("href"));
        Assert.NotNull(layout.Find("[data-testid=chip-country-FRA]"));
    }
}
