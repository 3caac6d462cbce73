using System.Linq.Expressions;
using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Entities;
using CoalitionDashboard.ReadModel.Filtering;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Filtered read models for the dashboard pages. Lists are read from the database, each method one projection (split
/// into a few queries for its collections), never one query per row. Counts and groupings of pledges are computed
/// over <see cref="PledgeFacts"/>, the shared in-memory projection of every pledge, which answers them in about a
/// millisecond at 100,000 pledges.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<CoalitionDbContext> contextFactory, QueryCache cache, PledgeFactsStore facts, ReferenceData reference)
{
    private static readonly Expression<Func<Source, SourceLink>> s_source = s => new SourceLink(s.Id, s.Outlet, s.Url, s.Reliability);

    private static readonly Expression<Func<Pledge, PledgeRow>> s_pledge = p => new PledgeRow(
        p.Id, p.Title, p.Description, p.IsCoalitionWide,
        p.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
        p.Organisations.OrderBy(o => o.SortOrder).Select(o => o.Id).ToList(),
        p.Categories.OrderBy(c => c.Position).Select(c => c.Category).ToList(),
        p.Status, p.StatusNote, p.Troops, p.Condition, p.QuantityText, p.DateStart, p.DateText, p.Speaker, p.Contested,
        p.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_source).ToList(),
        p.Parties.OrderBy(x => x.Position).Select(x => new PartyRef(x.Party, x.Role)).ToList(),
        p.Supersedes.Select(x => x.SupersededId).ToList());

    private static readonly Expression<Func<TimelineEvent, EventRow>> s_event = e => new EventRow(
        e.Id, e.DateStart, e.DateEnd, e.DateText, e.Title, e.Summary, e.Kind, e.IncludesCoalition,
        e.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
        e.Organisations.OrderBy(o => o.SortOrder).Select(o => o.Id).ToList(),
        e.PartiesNote, e.Contested,
        e.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_source).ToList(), e.Status);

    private static readonly Expression<Func<Quote, QuoteRow>> s_quote = q => new QuoteRow(
        q.Id, q.Speaker, q.Office, q.CountryIso3, q.OrganisationId, q.Date, q.DateText, q.Text, q.Original, q.Translated, q.Direct,
        q.Context, q.Topic, q.Attribution,
        q.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_source).ToList());

    /// <summary>
    /// A value built from these queries' results (a chart spec, a map), kept and shared like the results themselves
    /// until the next import. <paramref name="key"/> names everything the value depends on besides the data.
    /// </summary>
    public Task<T> MemoizeAsync<T>(string key, Func<Task<T>> build) where T : class => cache.GetAsync("memo|" + key, build);

    public Task<IReadOnlyList<PledgeRow>> GetPledgesAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"pledges|{filter.Query}", () => LoadGetPledgesAsync(filter));

    private async Task<IReadOnlyList<PledgeRow>> LoadGetPledgesAsync(DashboardFilter filter)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Pledges.Apply(filter).OrderBy(p => p.SortOrder).Select(s_pledge).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The pledges that name the country (in any role), as known under the filter's date and reliability.</summary>
    public Task<IReadOnlyList<PledgeRow>> GetPledgesOfCountryAsync(string iso3, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = KnownOnly(filter);
        return cache.GetAsync($"country-pledges|{iso3}|{known.Query}", () => LoadGetPledgesOfCountryAsync(iso3, known));
    }

    private async Task<IReadOnlyList<PledgeRow>> LoadGetPledgesOfCountryAsync(string iso3, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Pledges.Where(p => p.Countries.Any(c => c.Iso3 == iso3)).Apply(known).OrderBy(p => p.SortOrder)
            .Select(s_pledge).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>Only the parts of a filter that say what was known: its date and its reliability threshold.</summary>
    private static DashboardFilter KnownOnly(DashboardFilter? filter) =>
        filter is null ? DashboardFilter.None : DashboardFilter.None.With(asOf: filter.AsOf, minReliability: filter.MinReliability);

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
        return await cache.GetAsync($"standings|{DashboardFilter.Format(day)}|{filter.MinReliability}",
            async () => (await facts.GetAsync()).Standings(day, filter.MinReliability));
    }

    /// <summary>Pledges per category (a pledge counts once in each of its categories).</summary>
    public Task<IReadOnlyList<CountPoint>> CountByCategoryAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"by-category|{filter.Query}", () => LoadCountByCategoryAsync(filter));

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
        cache.GetAsync($"pledge-stats|{filter.Query}", () => LoadPledgeStatsAsync(filter));

    private async Task<PledgeStats> LoadPledgeStatsAsync(DashboardFilter filter) => (await facts.GetAsync()).Stats(filter);

    /// <summary>Pledges per main category and status.</summary>
    public Task<IReadOnlyList<CategoryStatusCount>> CountByMainCategoryAndStatusAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"category-status|{filter.Query}", () => LoadCountByMainCategoryAndStatusAsync(filter));

    private async Task<IReadOnlyList<CategoryStatusCount>> LoadCountByMainCategoryAndStatusAsync(DashboardFilter filter) =>
        (await facts.GetAsync()).CountByMainCategoryAndStatus(filter);

    /// <summary>
    /// Per country, the titles of its first <paramref name="perCountry"/> pledges under the filter (for the map's hover
    /// text; the count of the others is in <see cref="CountryRow.Pledges"/>).
    /// </summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPledgeTitlesByCountryAsync(DashboardFilter filter, int perCountry, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"titles|{filter.Query}|{perCountry}", () => LoadPledgeTitlesByCountryAsync(filter, perCountry));

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
        var page = await cache.GetAsync(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pledge-page|{filter.Query}|{sort}|{descending}|{skip}|{take}|{search}"),
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
        var rows = await db.Pledges.Where(p => ids.Contains(p.Id)).Select(s_pledge).AsSplitQuery().ToListAsync(cancellationToken);
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        return new PledgePage(rows.OrderBy(r => position[r.Id]).ToList(), total);
    }

    /// <summary>
    /// Every country in scope (from the database) with its standing under the filter: pledge counts per status, forces
    /// positions and categories from the facts; the strongest status and troop position are read off those.
    /// </summary>
    public Task<IReadOnlyList<CountryRow>> GetCountryRowsAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"country-rows|{filter.Query}", () => LoadGetCountryRowsAsync(filter));

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
        var standings = await GetStandingsAsync(filter, cancellationToken);
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
        cache.GetAsync($"country-category|{filter.Query}|{category}", () => LoadCountByCountryInCategoryAsync(filter, category));

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

    public Task<IReadOnlyList<EventRow>> GetEventsAsync(DashboardFilter filter, bool coalitionInScope, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"events|{filter.Query}|{coalitionInScope}", () => LoadGetEventsAsync(filter, coalitionInScope));

    private async Task<IReadOnlyList<EventRow>> LoadGetEventsAsync(DashboardFilter filter, bool coalitionInScope)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.Apply(filter, coalitionInScope).OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder)
            .Select(s_event).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The latest <paramref name="count"/> events under the filter, newest first.</summary>
    public Task<IReadOnlyList<EventRow>> GetLatestEventsAsync(DashboardFilter filter, bool coalitionInScope, int count, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"latest-events|{filter.Query}|{coalitionInScope}|{count}", () => LoadLatestEventsAsync(filter, coalitionInScope, count));

    private async Task<IReadOnlyList<EventRow>> LoadLatestEventsAsync(DashboardFilter filter, bool coalitionInScope, int count)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.Apply(filter, coalitionInScope).OrderByDescending(e => e.DateStart).ThenByDescending(e => e.SortOrder).Take(count)
            .Select(s_event).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public Task<IReadOnlyList<QuoteRow>> GetQuotesAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"quotes|{filter.Query}", () => LoadGetQuotesAsync(filter, directOnly: false, take: null));

    /// <summary>The first <paramref name="count"/> verbatim quotations under the filter (the overview's key quotes).</summary>
    public Task<IReadOnlyList<QuoteRow>> GetKeyQuotesAsync(DashboardFilter filter, int count, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"key-quotes|{filter.Query}|{count}", () => LoadGetQuotesAsync(filter, directOnly: true, take: count));

    /// <summary>
    /// The quotes page: the quotes under the filter, narrowed to one topic and/or one speaker (exact values, as the data
    /// spells them; the page checks what the URL asks for against <see cref="GetQuotesAsync(DashboardFilter, CancellationToken)"/>
    /// without a filter, so only known values become cache keys).
    /// </summary>
    public Task<IReadOnlyList<QuoteRow>> GetQuotesAsync(DashboardFilter filter, string? topic, string? speaker, CancellationToken cancellationToken = default) =>
        topic is null && speaker is null
            ? GetQuotesAsync(filter, cancellationToken)
            : cache.GetAsync($"quotes|{filter.Query}|{Uri.EscapeDataString(topic ?? "")}|{Uri.EscapeDataString(speaker ?? "")}",
                () => LoadGetQuotesAsync(filter, directOnly: false, take: null, topic, speaker));

    private async Task<IReadOnlyList<QuoteRow>> LoadGetQuotesAsync(DashboardFilter filter, bool directOnly, int? take, string? topic = null, string? speaker = null)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<Quote> quotes = directOnly ? db.Quotes.Where(q => q.Direct) : db.Quotes;
        if (topic is not null)
        {
            quotes = quotes.Where(q => q.Topic == topic);
        }
        if (speaker is not null)
        {
            quotes = quotes.Where(q => q.Speaker == speaker);
        }
        if (filter.Countries.Count > 0)
        {
            var codes = filter.Countries;
            quotes = quotes.Where(q => q.CountryIso3 != null && codes.Contains(q.CountryIso3));
        }
        quotes = filter.Bloc switch
        {
            Bloc.Eu => quotes.Where(q => q.Country != null && q.Country.IsEu),
            Bloc.Nato => quotes.Where(q => q.Country != null && q.Country.IsNato),
            Bloc.NonEu => quotes.Where(q => q.Country != null && !q.Country.IsEu),
            _ => quotes,
        };
        if (filter.From is { } from)
        {
            quotes = quotes.Where(q => q.Date == null || q.Date >= from);
        }
        if (filter.To is { } to)
        {
            quotes = quotes.Where(q => q.Date == null || q.Date <= to);
        }
        quotes = quotes.Known(filter);
        // The key quotes prefer those an official page or an established outlet carries (A or B) over C-grade sites.
        var ordered = directOnly
            ? quotes.OrderBy(q => q.Sources.Any(s => s.Reliability == Reliability.A || s.Reliability == Reliability.B) ? 0 : 1).ThenBy(q => q.SortOrder)
            : quotes.OrderBy(q => q.SortOrder);
        return await (take is { } n ? ordered.Take(n) : ordered).Select(s_quote).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The country's quotes, as known under the filter's date and reliability.</summary>
    public Task<IReadOnlyList<QuoteRow>> GetQuotesOfCountryAsync(string iso3, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = KnownOnly(filter);
        return cache.GetAsync($"country-quotes|{iso3}|{known.Query}", () => LoadGetQuotesOfCountryAsync(iso3, known));
    }

    private async Task<IReadOnlyList<QuoteRow>> LoadGetQuotesOfCountryAsync(string iso3, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Quotes.Where(q => q.CountryIso3 == iso3).Known(known).OrderBy(q => q.SortOrder).Select(s_quote).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public Task<IReadOnlyList<OpenIssueRow>> GetOpenIssuesAsync(string? iso3 = null, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"issues|{iso3}", () => LoadGetOpenIssuesAsync(iso3));

    /// <summary>The open issues that name the organisation or one of its pledges.</summary>
    public Task<IReadOnlyList<OpenIssueRow>> GetOpenIssuesOfOrganisationAsync(string id, CancellationToken cancellationToken = default) =>
        cache.GetAsync($"organisation-issues|{id}", () => LoadGetOpenIssuesAsync(iso3: null, organisation: id));

    private async Task<IReadOnlyList<OpenIssueRow>> LoadGetOpenIssuesAsync(string? iso3 = null, string? organisation = null)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<OpenIssue> issues = db.OpenIssues;
        if (iso3 is not null)
        {
            issues = issues.Where(o => o.Countries.Any(c => c.Iso3 == iso3) || o.Pledges.Any(p => p.Countries.Any(c => c.Iso3 == iso3)));
        }
        if (organisation is not null)
        {
            issues = issues.Where(o => o.Organisations.Any(c => c.Id == organisation) || o.Pledges.Any(p => p.Organisations.Any(c => c.Id == organisation)));
        }
        return await issues.OrderBy(o => o.Order)
            .Select(o => new OpenIssueRow(
                o.Id, o.Order, o.Title, o.Description,
                o.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
                o.Organisations.OrderBy(c => c.SortOrder).Select(c => c.Id).ToList(),
                o.Pledges.OrderBy(p => p.SortOrder).Select(p => p.Id).ToList(),
                o.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_source).ToList()))
            .AsSplitQuery().ToListAsync(cancellationToken);
    }

    public async Task<CountryProfile?> GetCountryProfileAsync(string iso3, CancellationToken cancellationToken = default) =>
        (await cache.GetAsync($"profile|{iso3}", async () => new Box<CountryProfile?>(await LoadGetCountryProfileAsync(iso3)))).Value;

    private async Task<CountryProfile?> LoadGetCountryProfileAsync(string iso3)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Countries.Where(c => c.Iso3 == iso3)
            .Select(c => new CountryProfile(
                c.Iso3, c.Name, c.IsEu, c.IsNato, c.IsG7, c.Role, c.Attendance, c.AttendanceNote, c.Notes, c.Contested,
                c.Representatives.OrderBy(r => r.SortOrder).Select(r => new RepresentativeRow(r.Name, r.NameConfirmed, r.Office, r.Level, r.Format, r.Note)).ToList(),
                c.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_source).ToList()))
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
    }

    public Task<IReadOnlyList<EventRow>> GetEventsOfCountryAsync(string iso3, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = KnownOnly(filter);
        return cache.GetAsync($"country-events|{iso3}|{known.Query}", () => LoadGetEventsOfCountryAsync(iso3, known));
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
            .Select(s_event).AsSplitQuery().ToListAsync(cancellationToken);
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
        (await cache.GetAsync($"organisation|{id}", async () => new Box<OrganisationProfile?>(await LoadGetOrganisationProfileAsync(id)))).Value;

    private async Task<OrganisationProfile?> LoadGetOrganisationProfileAsync(string id)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organisations.Where(o => o.Id == id)
            .Select(o => new OrganisationProfile(
                o.Id, o.Name, o.Attended, o.Notes,
                o.Representatives.OrderBy(r => r.SortOrder).Select(r => new RepresentativeRow(r.Name, r.NameConfirmed, r.Office, r.Level, r.Format, r.Note)).ToList(),
                o.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_source).ToList()))
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
    }

    public Task<IReadOnlyList<PledgeRow>> GetPledgesOfOrganisationAsync(string id, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = KnownOnly(filter);
        return cache.GetAsync($"organisation-pledges|{id}|{known.Query}", () => LoadGetPledgesOfOrganisationAsync(id, known));
    }

    private async Task<IReadOnlyList<PledgeRow>> LoadGetPledgesOfOrganisationAsync(string id, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Pledges.Where(p => p.Organisations.Any(o => o.Id == id)).Apply(known).OrderBy(p => p.SortOrder)
            .Select(s_pledge).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public Task<IReadOnlyList<QuoteRow>> GetQuotesOfOrganisationAsync(string id, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = KnownOnly(filter);
        return cache.GetAsync($"organisation-quotes|{id}|{known.Query}", () => LoadGetQuotesOfOrganisationAsync(id, known));
    }

    private async Task<IReadOnlyList<QuoteRow>> LoadGetQuotesOfOrganisationAsync(string id, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Quotes.Where(q => q.OrganisationId == id).Known(known).OrderBy(q => q.SortOrder).Select(s_quote).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The events an organisation is named in (an organisation is not a coalition member: coalition-wide events count only where it is named).</summary>
    public Task<IReadOnlyList<EventRow>> GetEventsOfOrganisationAsync(string id, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = KnownOnly(filter);
        return cache.GetAsync($"organisation-events|{id}|{known.Query}", () => LoadGetEventsOfOrganisationAsync(id, known));
    }

    private async Task<IReadOnlyList<EventRow>> LoadGetEventsOfOrganisationAsync(string id, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.Where(e => e.Organisations.Any(o => o.Id == id)).Apply(known, coalitionInScope: false).OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder)
            .Select(s_event).AsSplitQuery().ToListAsync(cancellationToken);
    }

    private sealed record Box<T>(T Value);
}
