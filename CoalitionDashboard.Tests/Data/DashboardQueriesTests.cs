using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Data;

/// <summary>
/// The aggregates that replaced loading every pledge: each must agree with what the full list of pledges says,
/// so the overview, the map and the pledges page show the same numbers as before, at any scale.
/// </summary>
public sealed class DashboardQueriesTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase _database = null!;

    private DashboardQueries Queries => _database.Get<DashboardQueries>();

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await _database.Importer.ImportAsync(cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task<DashboardFilter> FilterAsync(string query) =>
        FilterParser.Parse(query, (await _database.Get<ReferenceData>().GetAsync()).Codes).Filter;

    [Theory]
    [InlineData("")]
    [InlineData("?country=FRA,DEU")]
    [InlineData("?category=ground-forces")]
    [InlineData("?bloc=nato&from=2026-01-01")]
    public async Task PledgeStats_AgreeWithTheFullList(string query)
    {
        var filter = await FilterAsync(query);
        var pledges = await Queries.Pledges.GetPledgesAsync(filter, Ct);

        var stats = await Queries.Pledges.GetPledgeStatsAsync(filter, Ct);

        Assert.Equal(pledges.Count, stats.Total);
        Assert.Equal(pledges.Count(p => p.CoalitionWide), stats.CoalitionWide);
        Assert.Equal(pledges.GroupBy(p => p.Status).ToDictionary(g => g.Key, g => g.Count()), stats.ByStatus);
    }

    [Fact]
    public async Task MainCategoryAndStatusCounts_AgreeWithTheFullList()
    {
        var filter = await FilterAsync("?bloc=eu");
        var pledges = await Queries.Pledges.GetPledgesAsync(filter, Ct);

        var counts = await Queries.Pledges.CountByMainCategoryAndStatusAsync(filter, Ct);

        var expected = pledges.GroupBy(p => (p.MainCategory, p.Status)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected, counts.ToDictionary(c => (c.Category, c.Status), c => c.Count));
    }

    [Fact]
    public async Task FilteredByACategory_TheCategoryChartsShowOnlyThatCategory()
    {
        // The ground-forces pledges also fall in other categories (hubs, air...): a reader who chose ground forces
        // sees ground forces charted, every one of its pledges under it, and no other category.
        var filter = await FilterAsync("?category=ground-forces");
        var pledges = await Queries.Pledges.GetPledgesAsync(filter, Ct);
        Assert.Contains(pledges, p => p.MainCategory != PledgeCategory.GroundForces);

        var byCategory = await Queries.Pledges.CountByCategoryAsync(filter, Ct);
        var byCategoryAndStatus = await Queries.Pledges.CountByMainCategoryAndStatusAsync(filter, Ct);

        var point = Assert.Single(byCategory);
        Assert.Equal(pledges.Count, point.Count);
        Assert.All(byCategoryAndStatus, c => Assert.Equal(PledgeCategory.GroundForces, c.Category));
        Assert.Equal(pledges.Count, byCategoryAndStatus.Sum(c => c.Count));
    }

    [Fact]
    public async Task TitlesPerCountry_AreEachCountrysFirstPledges_AtMostTheLimit()
    {
        var filter = await FilterAsync("");
        var pledges = await Queries.Pledges.GetPledgesAsync(filter, Ct);

        var titles = await Queries.Pledges.GetPledgeTitlesByCountryAsync(filter, 2, Ct);

        foreach (var country in new[] { "FRA", "GBR", "UKR", "POL" })
        {
            var expected = pledges.Where(p => p.RoleOf(country) is { } role && CoalitionDashboard.Data.PartyRoles.IsBound(role)).Take(2).Select(p => p.Title).ToList();
            Assert.Equal(expected, titles[country]);
        }
        Assert.All(titles.Values, t => Assert.InRange(t.Count, 1, 2));
        // Russia is named in records (as a partner, not bound by them), but made no pledge.
        Assert.Contains(pledges, p => p.RoleOf("RUS") == CoalitionDashboard.Data.PartyRole.Partner);
        Assert.False(titles.ContainsKey("RUS"), "Russia made no pledge");
    }

    [Fact]
    public async Task LatestEvents_AreTheNewestFirst_AndKeyQuotesOnlyVerbatimOnes()
    {
        var filter = await FilterAsync("");
        var events = await Queries.Events.GetEventsAsync(filter, coalitionInScope: true, Ct);
        var quotes = await Queries.Quotes.GetQuotesAsync(filter, Ct);

        var latest = await Queries.Events.GetLatestEventsAsync(filter, coalitionInScope: true, 5, Ct);
        var key = await Queries.Quotes.GetKeyQuotesAsync(filter, 4, Ct);

        Assert.Equal(events.TakeLast(5).Reverse().Select(e => e.Id), latest.Select(e => e.Id));
        // Verbatim quotes, those carried by an official page or an established outlet (A or B) first.
        var expected = quotes.Where(q => q.Direct).OrderBy(q => q.Sources.Any(s => s.Reliability != CoalitionDashboard.Data.Reliability.C) ? 0 : 1).Take(4);
        Assert.Equal(expected.Select(q => q.Id), key.Select(q => q.Id));
        Assert.All(key, q => Assert.False(q.WeakEvidence, q.Id));
    }

    [Fact]
    public async Task PledgePage_SearchIsCaseInsensitiveAndTakesPercentAndUnderscoreLiterally()
    {
        var filter = await FilterAsync("");

        var (rows, total) = await Queries.Pledges.GetPledgePageAsync(filter, "GRIPEN", PledgeSort.Default, false, 0, 25, Ct);
        var (none, zero) = await Queries.Pledges.GetPledgePageAsync(filter, "%", PledgeSort.Default, false, 0, 25, Ct);

        Assert.True(total >= 1 && rows.All(r => (r.Title + r.Description).Contains("Gripen", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(0, zero);
        Assert.Empty(none);
    }
}
