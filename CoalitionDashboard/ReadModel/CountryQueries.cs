using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Entities;
using CoalitionDashboard.ReadModel.Filtering;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Countries and organisations: the rows of the grid and the map with their standings, profiles, the headline figures.
/// Every result is kept in the <see cref="QueryCache"/> until the next import.
/// </summary>
public sealed class CountryQueries(IDbContextFactory<CoalitionDbContext> contextFactory, QueryCache cache, PledgeFactsStore facts, ReferenceData reference, PledgeQueries pledges)
{
    /// <summary>
    /// Every country in scope (from the database) with its standing under the filter: pledge counts per status, forces
    /// positions and categories from the facts; the strongest status and troop position are read off those.
    /// </summary>
    public Task<IReadOnlyList<CountryRow>> GetCountryRowsAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("country-rows", filter), () => LoadGetCountryRowsAsync(filter));

    private async Task<IReadOnlyList<CountryRow>> LoadGetCountryRowsAsync(DashboardFilter filter)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var countries = await db.Countries.Apply(filter).OrderBy(c => c.Name)
            .Select(c => new
            {
                c.Iso3, c.Name, c.IsEu, c.IsNato, c.IsG7, c.Role, c.Attendance, c.Contested,
                Representative = c.Representatives.OrderBy(r => r.SortOrder).Select(r => new { r.Name, r.NameConfirmed, r.Office, r.Level }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var byCountry = (await facts.GetAsync()).ByCountry(filter);
        var standings = await pledges.GetStandingsAsync(filter, cancellationToken);
        var snapshot = await reference.GetAsync();
        // Attendance and representatives are those of the summit: not yet known on an earlier day.
        var beforeSummit = snapshot.SummitDate is { } summit && snapshot.ViewDate(filter) < summit;
        return countries.Select(c =>
        {
            var own = byCountry.GetValueOrDefault(c.Iso3);
            var byStatus = own?.ByStatus ?? new Dictionary<PledgeStatus, int>();
            var representative = beforeSummit ? null : c.Representative;
            return new CountryRow(
                c.Iso3, c.Name, c.IsEu, c.IsNato, c.IsG7, c.Role, beforeSummit ? null : c.Attendance,
                representative?.Name, representative?.NameConfirmed ?? true, representative?.Office, representative?.Level,
                byStatus.Values.Sum(), standings[c.Iso3], own?.Categories ?? [], byStatus, c.Contested);
        }).ToList();
    }

    /// <summary>Per country, the pledges in one category (under the filter).</summary>
    public Task<IReadOnlyDictionary<string, int>> CountByCountryInCategoryAsync(DashboardFilter filter, PledgeCategory category, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("country-category", filter, category), () => LoadCountByCountryInCategoryAsync(filter, category));

    private async Task<IReadOnlyDictionary<string, int>> LoadCountByCountryInCategoryAsync(DashboardFilter filter, PledgeCategory category) =>
        (await facts.GetAsync()).CountByCountryInCategory(filter, category);

    public const string HostCountry = "UKR";

    /// <summary>
    /// The headline figures of a view: members (the roster of the view's date: named members where the data names them,
    /// the count the sources give where it does not, "not recorded" where it has none), pledges, and the members' forces
    /// positions from their standings.
    /// </summary>
    public static Kpis ComputeKpis(IReadOnlyList<CountryRow> countries, PledgeStats pledges, ReferenceSnapshot reference, DashboardFilter filter)
    {
        var members = countries.Where(c => c.Role == CoalitionRole.Member).ToList();
        var day = reference.ViewDate(filter);
        var roster = reference.RosterOn(day);
        var leaders = members.Count(c => c.Level == RepresentativeLevel.Leader);
        string value, note;
        if (roster is null)
        {
            value = "—";
            note = reference.Rosters.Count > 0
                ? $"No membership count on record before {ReferenceSnapshot.Day(reference.Rosters[0].Date)} ({reference.Rosters[0].EventTitle})"
                : "No membership count on record";
        }
        else if (roster.Named)
        {
            value = members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            note = reference.SummitDate is { } summit && day < summit
                ? $"As counted on {ReferenceSnapshot.Day(roster.Date)}: {roster.Note}"
                : $"{leaders} represented at head of state or government level on {ReferenceSnapshot.Day(reference.SummitDate)}";
        }
        else
        {
            value = filter.LimitsCountries || roster.Count is null ? "not recorded" : roster.Count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            note = $"{roster.EventTitle}, {ReferenceSnapshot.Day(roster.Date)}: {roster.Note.TrimEnd('.')}. Which countries, the data does not record.";
        }
        return new Kpis(
            value, note, leaders,
            pledges.Total,
            pledges.CoalitionWide,
            pledges.ByStatus,
            members.Count(c => c.Troops == TroopsPosition.Offered),
            members.Count(c => c.Troops == TroopsPosition.Possible),
            members.Count(c => c.Troops == TroopsPosition.OutsideUkraine),
            members.Count(c => c.Troops == TroopsPosition.Declined));
    }

    public async Task<CountryProfile?> GetCountryProfileAsync(string iso3, CancellationToken cancellationToken = default) =>
        (await cache.GetAsync(("profile", iso3), async () => new CachedValue<CountryProfile?>(await LoadGetCountryProfileAsync(iso3)))).Value;

    private async Task<CountryProfile?> LoadGetCountryProfileAsync(string iso3)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Countries.Where(c => c.Iso3 == iso3)
            .Select(c => new CountryProfile(
                c.Iso3, c.Name, c.IsEu, c.IsNato, c.IsG7, c.Role, c.Attendance, c.AttendanceNote, c.Notes, c.Contested,
                c.Representatives.OrderBy(r => r.SortOrder).Select(r => new RepresentativeRow(r.Name, r.NameConfirmed, r.Office, r.Level, r.Format, r.Note)).ToList(),
                c.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(ReadProjections.Source).ToList()))
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every organisation (EU, NATO, G7) with the names of its representatives.</summary>
    public Task<IReadOnlyList<OrganisationRow>> GetOrganisationsAsync(CancellationToken cancellationToken = default) =>
        cache.GetAsync("organisations", LoadGetOrganisationsAsync);

    private async Task<IReadOnlyList<OrganisationRow>> LoadGetOrganisationsAsync()
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organisations.OrderBy(o => o.SortOrder)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Attended,
                o.Representatives.OrderBy(r => r.SortOrder).Where(r => r.Name != null).Select(r => r.Name!).ToList()))
            .AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <param name="id">An id from <see cref="GetOrganisationsAsync"/> (the page checks it first).</param>
    public async Task<OrganisationProfile?> GetOrganisationProfileAsync(string id, CancellationToken cancellationToken = default) =>
        (await cache.GetAsync(("organisation", id), async () => new CachedValue<OrganisationProfile?>(await LoadGetOrganisationProfileAsync(id)))).Value;

    private async Task<OrganisationProfile?> LoadGetOrganisationProfileAsync(string id)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organisations.Where(o => o.Id == id)
            .Select(o => new OrganisationProfile(
                o.Id, o.Name, o.Attended, o.Notes,
                o.Representatives.OrderBy(r => r.SortOrder).Select(r => new RepresentativeRow(r.Name, r.NameConfirmed, r.Office, r.Level, r.Format, r.Note)).ToList(),
                o.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(ReadProjections.Source).ToList()))
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
    }
}
