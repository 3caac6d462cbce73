using Bunit;
using CoalitionDashboard.Features.Overview;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Features.Overview;

public sealed class OverviewPageTests : DashboardTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_NoFilter_ShowsHeadlineFiguresIssuesAndAsOfDate()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Ct);
        UseDatabase(database);
        var filter = await FilterFor(database, "");

        // Act
        var page = Render<OverviewPage>(p => p.AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Equal("35", Kpi(page, "kpi-members")));
        Assert.Contains("27 represented at head of state or government level", page.Find("[data-testid=kpi-members]").TextContent, StringComparison.Ordinal);
        Assert.Equal(Curated.Pledges.ToString(System.Globalization.CultureInfo.InvariantCulture), Kpi(page, "kpi-pledges"));
        Assert.Contains($"Data as of {Curated.Short(Curated.AsOf)} · reviewed {Curated.Short(Curated.ReviewedOn)}", page.Find("[data-testid=data-as-of]").TextContent, StringComparison.Ordinal);
        // The territorial question comes first among the open issues.
        Assert.StartsWith("Territory", page.Find("[data-testid=open-issues] li strong").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=map-disclaimer]"));
    }

    [Fact]
    public async Task Render_FilteredToPoland_CountsOnlyPolandAndItsRefusal()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Ct);
        UseDatabase(database);
        var filter = await FilterFor(database, "?country=POL");

        // Act
        var page = Render<OverviewPage>(p => p.AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Equal("1", Kpi(page, "kpi-members")));
        Assert.Equal("1", Kpi(page, "kpi-declined"));
        Assert.Equal("0", Kpi(page, "kpi-forces"));
    }

    private static string Kpi(IRenderedComponent<OverviewPage> page, string id) => page.Find($"[data-testid={id}] .kpi-value").TextContent.Trim();

    [Fact]
    public async Task Render_EmptyDatabase_SaysNoDataInsteadOfFailing()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        UseDatabase(database);
        var filter = await FilterFor(database, "");

        // Act
        var page = Render<OverviewPage>(p => p.AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.Contains("No data has been imported yet", page.Markup, StringComparison.Ordinal));
    }
}
