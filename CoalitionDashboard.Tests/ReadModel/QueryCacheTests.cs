using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Tests.ReadModel;

public sealed class QueryCacheTests
{
    private static DashboardFilter Countries(params string[] codes) => DashboardFilter.None.With(countries: codes);

    [Fact]
    public async Task EqualFilters_ShareOneResult_AndTheLoadRunsOnce()
    {
        var cache = new QueryCache(new DataGeneration());
        var loads = 0;

        var first = await cache.GetAsync(("pledges", Countries("FRA", "DEU")), () => { loads++; return Task.FromResult(new List<string> { "a" }); });
        var second = await cache.GetAsync(("pledges", Countries("DEU", "FRA")), () => { loads++; return Task.FromResult(new List<string> { "b" }); });

        Assert.Same(first, second);
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task KeysAreValues_TextWithSeparatorsCannotCollide_AndResultTypesAreKeptApart()
    {
        var cache = new QueryCache(new DataGeneration());

        // Formatted as "page|a|b" both keys used to be the same string.
        var one = await cache.GetAsync(("page", "a|b", ""), () => Task.FromResult("one"));
        var two = await cache.GetAsync(("page", "a", "b"), () => Task.FromResult("two"));
        var list = await cache.GetAsync(("page", "a|b", ""), () => Task.FromResult(new List<int> { 3 }));

        Assert.Equal("one", one);
        Assert.Equal("two", two);
        Assert.Equal([3], list);
    }

    [Fact]
    public async Task NewDataGeneration_DropsEveryResult()
    {
        var generation = new DataGeneration();
        generation.Publish("first");
        var cache = new QueryCache(generation);
        await cache.GetAsync(("summary", 0), () => Task.FromResult("old"));

        generation.Publish("second");
        var after = await cache.GetAsync(("summary", 0), () => Task.FromResult("new"));

        Assert.Equal("new", after);
    }

    [Fact]
    public async Task FailedLoad_IsNotKept()
    {
        var cache = new QueryCache(new DataGeneration());

        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetAsync(("rows", 1), () => Task.FromException<string>(new InvalidOperationException("busy"))));
        var retried = await cache.GetAsync(("rows", 1), () => Task.FromResult("rows"));

        Assert.Equal("rows", retried);
    }
}
