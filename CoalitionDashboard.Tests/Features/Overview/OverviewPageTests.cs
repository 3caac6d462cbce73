using Bunit;
using CoalitionDashboard.Features.Overview;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Features.Overview;

public sealed class OverviewPageTests : DashboardTestContext
{
    [Fact]
    public async Task Render_SeededData_ShowsFiguresAsOfDateAndEveryMember()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Xunit.TestContext.Current.CancellationToken);
        Services.AddSingleton(database.Get<OverviewQueries>());

        // Act
        var page = Render<OverviewPage>();

        // Assert
        page.WaitForAssertion(() => Assert.Equal(35, page.FindAll("[data-testid=member-table] tbody tr").Count));
        Assert.Contains("35", page.Find("[data-testid=kpi-members]").TextContent, StringComparison.Ordinal);
        Assert.Contains("27 at head of state or government level", page.Find("[data-testid=kpi-members]").TextContent, StringComparison.Ordinal);
        Assert.Contains("data as of 6 February 2026", page.Find("[data-testid=data-as-of]").TextContent, StringComparison.Ordinal);
        var montenegro = page.FindAll("[data-testid=member-table] tbody tr").Single(r => r.QuerySelector("td")!.TextContent == "Montenegro");
        Assert.Contains("not identified", montenegro.TextContent, StringComparison.Ordinal);
        Assert.Contains("unconfirmed", montenegro.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_EmptyDatabase_SaysNoDataInsteadOfFailing()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        Services.AddSingleton(database.Get<OverviewQueries>());

        // Act
        var page = Render<OverviewPage>();

        // Assert
        page.WaitForAssertion(() => Assert.Contains("No data has been imported yet", page.Markup, StringComparison.Ordinal));
    }
}
