using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Entities;
using CoalitionDashboard.ReadModel.Filtering;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Pledges: lists, counts and groupings under a filter, standings, and one page of the grid at a time. Counts and
/// groupings come from <see cref="PledgeFacts"/>, the shared in-memory projection of every pledge (about a millisecond
/// at 100,000 pledges); lists are one projection each from the database.
/// Every result is kept in the <see cref="QueryCache"/> until the next import.
/// </summary>
public sealed class PledgeQueries(IDbContextFactory<CoalitionDbContext> contextFactory, QueryCache cache, PledgeFactsStore facts, ReferenceData reference)
{
    public Task<IReadOnlyList<PledgeRow>> GetPledgesAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("pledges", filter), () => LoadGetPledgesAsync(filter));

    private async Task<IReadOnlyList<PledgeRow>> LoadGetPledgesAsync(DashboardFilter filter)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Pledges.Apply(filter).OrderBy(p => p.SortOrder).Select(ReadProjections.Pledge).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The pledges that name the country (in any role), as known under the filter's date and reliability.</summary>
    public Task<IReadOnlyList<PledgeRow>> GetPledgesOfCountryAsync(string iso3, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = ReadProjections.KnownOnly(filter);
        return cache.GetAsync(("country-pledges", iso3, known), () => LoadGetPledgesOfCountryAsync(iso3, known));
    }

    private async Task<IReadOnlyList<PledgeRow>> LoadGetPledgesOfCountryAsync(string iso3, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Pledges.Where(p => p.Countries.Any(c => c.Iso3 == iso3)).Apply(known).OrderBy(p => p.SortOrder)
            .Select(ReadProjections.Pledge).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every country's standing on the view's date (see <see cref="PledgeFacts.Standings"/>): the one source of the
    /// map's colours, the KPIs, the countries grid and its exports, the profiles, the slides and the API.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Standing>> GetStandingsAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        var day = (await reference.GetAsync()).ViewDate(filter);
        if (day == DateOnly.MaxValue)
        {
            day = DateOnly.FromDateTime(DateTime.UtcNow);
        }
        return await cache.GetAsync(("standings", day, filter.MinReliability),
            async () => (await facts.GetAsync()).Standings(day, filter.MinReliability));
    }

    /// <summary>Pledges per category (a pledge counts once in each of its categories).</summary>
    public Task<IReadOnlyList<CountPoint>> CountByCategoryAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("by-category", filter), () => LoadCountByCategoryAsync(filter));

    private async Task<IReadOnlyList<CountPoint>> LoadCountByCategoryAsync(DashboardFilter filter)
    {
        var counts = (await facts.GetAsync()).CountByCategory(filter);
        return Enum.GetValues<PledgeCategory>().Where(counts.ContainsKey)
            .Select(c => new CountPoint(Slug.Of(c), Vocabulary.Label(c), counts[c])).OrderByDescending(p => p.Count).ToList();
    }

    public async Task<IReadOnlyList<CountPoint>> CountByStatusAsync(DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        var stats = await GetPledgeStatsAsync(filter, cancellationToken);
        return Enum.GetValues<PledgeStatus>().Where(stats.ByStatus.ContainsKey)
            .Select(s => new CountPoint(Slug.Of(s), Vocabulary.Label(s), stats.ByStatus[s])).ToList();
    }

    /// <summary>How many pledges the filter selects, how many are coalition-wide, and how many of each status.</summary>
    public Task<PledgeStats> GetPledgeStatsAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("pledge-stats", filter), () => LoadPledgeStatsAsync(filter));

    private async Task<PledgeStats> LoadPledgeStatsAsync(DashboardFilter filter) => (await facts.GetAsync()).Stats(filter);

    /// <summary>Pledges per main category and status.</summary>
    public Task<IReadOnlyList<CategoryStatusCount>> CountByMainCategoryAndStatusAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("category-status", filter), () => LoadCountByMainCategoryAndStatusAsync(filter));

    private async Task<IReadOnlyList<CategoryStatusCount>> LoadCountByMainCategoryAndStatusAsync(DashboardFilter filter) =>
        (await facts.GetAsync()).CountByMainCategoryAndStatus(filter);

    /// <summary>
    /// Per country, the titles of its first <paramref name="perCountry"/> pledges under the filter (for the map's hover
    /// text; the count of the others is in <see cref="CountryRow.Pledges"/>).
    /// </summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPledgeTitlesByCountryAsync(DashboardFilter filter, int perCountry, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("titles", filter, perCountry), () => LoadPledgeTitlesByCountryAsync(filter, perCountry));

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> LoadPledgeTitlesByCountryAsync(DashboardFilter filter, int perCountry) =>
        (await facts.GetAsync()).TitlesByCountry(filter, perCountry);

    /// <summary>
    /// One page of the pledges grid: filtered, searched (title, description, id, speaker, country name; case-insensitive)
    /// and sorted over the facts, then read by id, with the number of matches. The grid never holds more than a page.
    /// </summary>
    /// <remarks>Shared like every other read (the query cache is bounded): the first page in the default order is what
    /// every visitor of /pledges sees, and a re-render must not cost its seven queries again.</remarks>
    public async Task<(IReadOnlyList<PledgeRow> Rows, int Total)> GetPledgePageAsync(
        DashboardFilter filter, string? search, PledgeSort sort, bool descending, int skip, int take, CancellationToken cancellationToken = default)
    {
        var page = await cache.GetAsync(("pledge-page", filter, sort, descending, skip, take, search),
            () => LoadPledgePageAsync(filter, search, sort, descending, skip, take));
        return (page.Rows, page.Total);
    }

    private sealed record PledgePage(IReadOnlyList<PledgeRow> Rows, int Total);

    private async Task<PledgePage> LoadPledgePageAsync(
        DashboardFilter filter, string? search, PledgeSort sort, bool descending, int skip, int take)
    {
        var cancellationToken = CancellationToken.None;
        // Which pledges, in which order: from the facts; the rows themselves: from the database, by id.
        var (ids, total) = (await facts.GetAsync()).Page(filter, search, sort, descending, skip, take);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Pledges.Where(p => ids.Contains(p.Id)).Select(ReadProjections.Pledge).AsSplitQuery().ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        return new PledgePage(rows.OrderBy(r => position[r.Id]).ToList(), total);
    }

    public Task<IReadOnlyList<PledgeRow>> GetPledgesOfOrganisationAsync(string id, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = ReadProjections.KnownOnly(filter);
        return cache.GetAsync(("organisation-pledges", id, known), () => LoadGetPledgesOfOrganisationAsync(id, known));
    }

    private async Task<IReadOnlyList<PledgeRow>> LoadGetPledgesOfOrganisationAsync(string id, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Pledges.Where(p => p.Organisations.Any(o => o.Id == id)).Apply(known).OrderBy(p => p.SortOrder)
            .Select(ReadProjections.Pledge).AsSplitQuery().ToListAsync(cancellationToken);
    }
}
