using Bunit;
using CoalitionDashboard.Features.Pledges;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.AspNetCore.Components.Web;

namespace CoalitionDashboard.Tests.Features.Pledges;

/// <summary>The pledges grid pages, sorts and searches in the database and shows where the reader is.</summary>
public sealed class PledgeGridTests : DashboardTestContext, IAsyncLifetime
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await _database.Importer.ImportAsync(cancellationToken: Ct);
        UseDatabase(_database);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<IRenderedComponent<PledgeGrid>> RenderGridAsync(string query = "")
    {
        var grid = Render<PledgeGrid>(p => p.Add(g => g.Uri, "http://localhost/pledges" + (query.Length > 0 && query[0] != '?' ? "?" + query : query)));
        grid.WaitForAssertion(() => Assert.NotEmpty(grid.FindAll("[data-testid=pledge-grid] tbody tr")));
        return Task.FromResult(grid);
    }

    private static List<string> Ids(IRenderedComponent<PledgeGrid> grid) =>
        grid.FindAll("[data-testid=pledge-grid] tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();

    [Fact]
    public async Task FirstPage_Shows25OfAll_InTheCuratedOrder()
    {
        var grid = await RenderGridAsync();

        Assert.Equal(25, Ids(grid).Count);
        Assert.Equal("P01", Ids(grid)[0]);
        Assert.Equal($"1–25 of {Curated.Pledges}", grid.Find("[data-testid=pledge-range]").TextContent);
        Assert.True(grid.Find("[data-testid=pledge-previous]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Next_ThenLast_PagesThroughEveryPledge()
    {
        var grid = await RenderGridAsync();

        grid.Find("[data-testid=pledge-next]").Click();
        grid.WaitForAssertion(() => Assert.Equal($"26–50 of {Curated.Pledges}", grid.Find("[data-testid=pledge-range]").TextContent));
        grid.Find("[data-testid=pledge-next]").Click();

        var total = Curated.Pledges;
        Assert.InRange(total, 51, 75);
        grid.WaitForAssertion(() => Assert.Equal($"51–{total} of {total}", grid.Find("[data-testid=pledge-range]").TextContent));
        Assert.Equal(Curated.PledgeIds.Skip(50), Ids(grid));
        Assert.True(grid.Find("[data-testid=pledge-next]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task StatusHeader_SortsByStrength_StrongestFirstThenWeakestFirst()
    {
        var grid = await RenderGridAsync();

        grid.FindAll("th button").Single(b => b.TextContent.Trim() == "Status").Click();
        grid.WaitForAssertion(() => Assert.Equal("P13", Ids(grid)[0])); // the FR–UK–UA Declaration of Intent, the only signed one
        Assert.Equal("ascending", grid.FindAll("th").Single(h => h.TextContent.Trim() == "Status").GetAttribute("aria-sort"));

        grid.FindAll("th button").Single(b => b.TextContent.Trim() == "Status").Click();
        grid.WaitForAssertion(() => Assert.Equal("P10", Ids(grid)[0])); // the US backstop, dropped from the final text
        Assert.Equal("descending", grid.FindAll("th").Single(h => h.TextContent.Trim() == "Status").GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Search_MatchesCountryNamesAndTextWhateverTheCase_AndSaysWhenNothingMatches()
    {
        var grid = await RenderGridAsync();

        grid.Find("[data-testid=pledge-search]").Input("sWeDeN");
        var sweden = Curated.PledgesMentioning("sweden", "SWE");
        Assert.True(sweden >= 3);
        grid.WaitForAssertion(() => Assert.Equal($"1–{sweden} of {sweden}", grid.Find("[data-testid=pledge-range]").TextContent), TimeSpan.FromSeconds(5));
        Assert.All(grid.FindAll("[data-testid=pledge-grid] tbody tr"), r => Assert.Contains("Sweden", r.TextContent, StringComparison.Ordinal));

        grid.Find("[data-testid=pledge-search]").Input("100% _no such pledge_");
        grid.WaitForAssertion(() => Assert.Contains("No pledge matches “100% _no such pledge_”", grid.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Filter_NarrowsTheGridAndItsCount()
    {
        var grid = await RenderGridAsync("?country=POL");

        // Every record that names Poland, in any role (its own refusal, and where it is named as a partner).
        var poland = Curated.PledgesNaming("POL");
        Assert.InRange(poland, 1, Curated.Pledges - 1);
        Assert.Equal($"1–{poland} of {poland}", grid.Find("[data-testid=pledge-range]").TextContent);
    }
}
