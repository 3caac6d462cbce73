using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Components;
using Bunit;
using CoalitionDashboard.Features.Pledges;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Features.Pledges;

public sealed class PledgesPageTests : DashboardTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_FilteredToFrance_GridAndExportsFollowTheFilter()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Ct);
        UseDatabase(database);
        var filter = await FilterFor(database, "?country=FRA");
        // The grid is an island that reads the filter from the page's URL, as the shell does.
        Services.GetRequiredService<NavigationManager>().NavigateTo("pledges?country=FRA");

        // Act
        var page = Render<PledgesPage>(p => p.AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Contains($"{Curated.PledgesNaming("FRA")} pledges and positions shown", page.Find("[data-testid=pledge-summary]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Coalition-wide pledges are left out", page.Find("[data-testid=pledge-summary]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Coalition-wide", page.Find("[data-testid=pledge-grid] tbody").TextContent, StringComparison.Ordinal);
        Assert.Equal("export/pledges.csv?country=FRA", page.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_NoFilter_ShowsCoalitionWidePledgesAsSuch()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Ct);
        UseDatabase(database);
        var filter = await FilterFor(database, "");

        // Act
        var page = Render<PledgesPage>(p => p.AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Contains($"{Curated.Pledges} pledges and positions shown, of which {Curated.CoalitionWide} coalition-wide", page.Find("[data-testid=pledge-summary]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Coalition-wide", page.Find("[data-testid=pledge-grid] tbody").TextContent, StringComparison.Ordinal);
    }
}
