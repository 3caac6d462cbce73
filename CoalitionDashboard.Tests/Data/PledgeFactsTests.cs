using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;
using CoalitionDashboard.Tests.Performance.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Tests.Data;

/// <summary>
/// The in-memory pledge facts answer every filter exactly as the SQL filter does (the two are twins: one serves the
/// counts and charts, the other the lists, exports and API), on the curated data and on a generated data set with
/// many countries, blocs, categories, statuses and dates.
/// </summary>
public sealed class PledgeFactsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] CuratedFilters =
    [
        "", "?country=FRA", "?country=FRA,DEU,UKR", "?country=USA", "?bloc=eu", "?bloc=nato", "?bloc=non-eu", "?category=ground-forces",
        "?category=maritime&status=announced", "?status=declined", "?from=2026-01-01", "?to=2025-12-31", "?from=2025-09-01&to=2026-01-06",
        "?country=GBR&category=military-hubs", "?bloc=eu&status=conditional-offer&from=2025-01-01",
    ];

    private static readonly string[] SyntheticFilters =
    [
        "", "?country=XAB", "?country=XAB,XAC,XBZ", "?bloc=eu", "?bloc=nato", "?bloc=non-eu", "?category=air", "?status=draft",
        "?category=reconstruction&status=announced", "?from=2024-06-01", "?to=2023-01-31", "?from=2025-01-01&to=2025-03-31",
        "?country=XAA&bloc=nato&category=other", "?bloc=non-eu&from=2025-06-01&status=declined",
    ];

    [Fact]
    public async Task CuratedData_EveryFilter_SelectsTheSamePledgesAsSql() =>
        await AssertSameAsSqlAsync(TestData.RealDataDirectory, CuratedFilters);

    [Fact]
    public async Task SyntheticData_EveryFilter_SelectsTheSamePledgesAsSql()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"coalition-facts-{Guid.NewGuid():N}");
        try
        {
            new SyntheticDataSet(Countries: 60, Pledges: 3000, Events: 200, Sources: 300, Quotes: 50, OpenIssues: 10).WriteTo(directory);
            await AssertSameAsSqlAsync(directory, SyntheticFilters);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AssertSameAsSqlAsync(string dataDirectory, string[] filters)
    {
        await using var database = await TestDatabase.CreateAsync(dataDirectory);
        var outcome = await database.Importer.ImportAsync(cancellationToken: Ct);
        Assert.Empty(outcome.Problems);
        var facts = await database.Get<PledgeFactsStore>().GetAsync();
        var reference = await database.Get<ReferenceData>().GetAsync();
        await using var db = await database.OpenAsync();
        var nonEmpty = 0;
        foreach (var query in filters)
        {
            var parsed = FilterParser.Parse(query, reference.Codes);
            Assert.True(parsed.Errors.Count == 0, $"{query}: {string.Join("; ", parsed.Errors)}");
            var filter = parsed.Filter;

            var fromSql = await db.Pledges.Apply(filter).OrderBy(p => p.SortOrder).Select(p => p.Id).ToListAsync(Ct);
            var fromFacts = facts.Ids(filter);

            Assert.True(fromSql.SequenceEqual(fromFacts), $"{query}: SQL selects {fromSql.Count} pledges, the facts {fromFacts.Count}");
            nonEmpty += fromSql.Count > 0 ? 1 : 0;
        }
        Assert.True(nonEmpty >= filters.Length - 2, "most filters should select something, or the comparison proves little");
    }

    [Fact]
    public async Task Facts_AfterAnImport_AreRebuiltFromTheNewData()
    {
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await database.Importer.ImportAsync(cancellationToken: Ct);
        var store = database.Get<PledgeFactsStore>();
        var before = await store.GetAsync();
        using var data = TestData.CopyOfRealData();
        data.ReplaceFirst(CoalitionDashboard.Data.Import.DataFiles.Pledges, "\"id\": \"P54\"", "\"id\": \"P99\"");
        var importer = database.Importer;

        await importer.ImportAsync(await Task.FromResult(CoalitionDashboard.Data.Import.DataSetLoader.Load(data.Directory)), TimeSpan.Zero, CoalitionDashboard.Data.Import.DataImporter.ByCommand, Ct);
        var after = await store.GetAsync();

        Assert.NotSame(before, after);
        Assert.Contains("P99", after.Ids(DashboardFilter.None));
        Assert.DoesNotContain("P99", before.Ids(DashboardFilter.None));
    }
}
