using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Entities;
using CoalitionDashboard.ReadModel.Filtering;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Events of the timeline: under a filter, the latest, and those of one country or organisation.
/// Every result is kept in the <see cref="QueryCache"/> until the next import.
/// </summary>
public sealed class EventQueries(IDbContextFactory<CoalitionDbContext> contextFactory, QueryCache cache)
{
    public Task<IReadOnlyList<EventRow>> GetEventsAsync(DashboardFilter filter, bool coalitionInScope, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("events", filter, coalitionInScope), () => LoadGetEventsAsync(filter, coalitionInScope));

    private async Task<IReadOnlyList<EventRow>> LoadGetEventsAsync(DashboardFilter filter, bool coalitionInScope)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.Apply(filter, coalitionInScope).OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder)
            .Select(ReadProjections.Event).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The latest <paramref name="count"/> events under the filter, newest first.</summary>
    public Task<IReadOnlyList<EventRow>> GetLatestEventsAsync(DashboardFilter filter, bool coalitionInScope, int count, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("latest-events", filter, coalitionInScope, count), () => LoadLatestEventsAsync(filter, coalitionInScope, count));

    private async Task<IReadOnlyList<EventRow>> LoadLatestEventsAsync(DashboardFilter filter, bool coalitionInScope, int count)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.Apply(filter, coalitionInScope).OrderByDescending(e => e.DateStart).ThenByDescending(e => e.SortOrder).Take(count)
            .Select(ReadProjections.Event).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public Task<IReadOnlyList<EventRow>> GetEventsOfCountryAsync(string iso3, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = ReadProjections.KnownOnly(filter);
        return cache.GetAsync(("country-events", iso3, known), () => LoadGetEventsOfCountryAsync(iso3, known));
    }

    /// <summary>
    /// The events of one country, as the timeline filtered to it shows them: for a coalition member, the coalition-wide
    /// events (the Paris summit) too.
    /// </summary>
    private async Task<IReadOnlyList<EventRow>> LoadGetEventsOfCountryAsync(string iso3, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var member = await db.Countries.AnyAsync(c => c.Iso3 == iso3 && c.Role == CoalitionRole.Member, cancellationToken);
        var filter = known.With(countries: [iso3]);
        return await db.Events.Apply(filter, coalitionInScope: member).OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder)
            .Select(ReadProjections.Event).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The events an organisation is named in (an organisation is not a coalition member: coalition-wide events count only where it is named).</summary>
    public Task<IReadOnlyList<EventRow>> GetEventsOfOrganisationAsync(string id, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = ReadProjections.KnownOnly(filter);
        return cache.GetAsync(("organisation-events", id, known), () => LoadGetEventsOfOrganisationAsync(id, known));
    }

    private async Task<IReadOnlyList<EventRow>> LoadGetEventsOfOrganisationAsync(string id, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.Where(e => e.Organisations.Any(o => o.Id == id)).Apply(known, coalitionInScope: false).OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder)
            .Select(ReadProjections.Event).AsSplitQuery().ToListAsync(cancellationToken);
    }
}
