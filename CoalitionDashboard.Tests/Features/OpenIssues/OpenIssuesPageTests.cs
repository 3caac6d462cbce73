using Bunit;
using CoalitionDashboard.Features.OpenIssues;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Tests.Features.OpenIssues;

public sealed class OpenIssuesPageTests(ImportedDatabase data) : DashboardTestContext, IClassFixture<ImportedDatabase>
{
    [Fact]
    public async Task Render_ListsEveryOpenIssueInItsOrder_WithPartiesPledgesAndSources()
    {
        // Arrange
        UseDatabase(data.Database);
        var filter = await FilterFor(data.Database, "");
        await using var db = await data.Database.OpenAsync();
        var expected = await db.OpenIssues.OrderBy(o => o.Order).Select(o => o.Title).ToListAsync(Xunit.TestContext.Current.CancellationToken);

        // Act
        var page = Render<OpenIssuesPage>(p => p.AddCascadingValue(filter));

        // Assert
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=open-issue]")));
        var issues = page.FindAll("[data-testid=open-issue]");
        Assert.Equal(expected, issues.Select(i => i.QuerySelector("h2")!.TextContent));
        Assert.StartsWith("Territory", expected[0], StringComparison.Ordinal);
        Assert.All(issues, i => Assert.NotNull(i.QuerySelector("[data-testid=sources] a.reliability")));
        Assert.Contains(page.FindAll("[data-testid=open-issue] a"), a => a.GetAttribute("href") == "countries/BEL");
        // A related pledge links to the pledges grid at its parties and status.
        Assert.Contains(page.FindAll("[data-testid=open-issue] a"), a => a.GetAttribute("href") == "pledges?country=BEL&status=announced"
            && a.TextContent.Contains("P31", StringComparison.Ordinal));
    }
}
