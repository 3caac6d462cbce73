using System.Linq.Expressions;
using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Entities;
using CoalitionDashboard.ReadModel;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Features.Api;

/// <summary>
/// Read queries behind the JSON API. One short-lived context per call; every list is a single projection
/// (split into a few queries for its collections), never a query per row.
/// </summary>
public sealed class ApiQueries(IDbContextFactory<CoalitionDbContext> contextFactory, ReadModel.DashboardQueries dashboard)
{
    private static readonly Expression<Func<Source, SourceRef>> s_sourceRef =
        s => new SourceRef(s.Id, s.Outlet, s.Title, s.DateText, s.Url, s.SeedFile, s.Reliability);

    private static readonly Expression<Func<Pledge, PledgeDto>> s_pledge = p => new PledgeDto(
        p.Id, p.Title, p.Description, p.IsCoalitionWide,
        p.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
        p.Organisations.OrderBy(o => o.SortOrder).Select(o => o.Id).ToList(),
        p.Categories.OrderBy(c => c.Position).Select(c => c.Category).ToList(),
        p.Status, p.StatusNote, p.Troops, p.Condition,
        p.QuantityText == null ? null : new QuantityDto(p.QuantityText, p.QuantityValue, p.QuantityUnit),
        p.DateText, p.DateNote, p.Speaker, p.Contested,
        p.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_sourceRef).ToList(),
        p.Parties.OrderBy(x => x.Position).Select(x => new PartyDto(x.Party, x.Role)).ToList(),
        p.Supersedes.Select(x => x.SupersededId).ToList(),
        null);

    private static readonly Expression<Func<TimelineEvent, EventDto>> s_event = e => new EventDto(
        e.Id, e.DateText, e.DateStart, e.DateEnd, e.Title, e.Summary, e.Kind, e.IncludesCoalition,
        e.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
        e.Organisations.OrderBy(o => o.SortOrder).Select(o => o.Id).ToList(),
        e.PartiesNote, e.Contested,
        e.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_sourceRef).ToList(),
        e.Status);

    private static readonly Expression<Func<Quote, QuoteDto>> s_quote = q => new QuoteDto(
        q.Id, q.Speaker, q.Office, q.CountryIso3, q.OrganisationId, q.DateText, q.Text, q.Original, q.Translated, q.Direct,
        q.Context, q.Topic, q.Attribution,
        q.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_sourceRef).ToList());

    private static readonly Expression<Func<Country, CountryDto>> s_country = c => new CountryDto(
        c.Iso3, c.Name, c.IsEu, c.IsNato, c.IsG7, c.Role, c.Attendance, c.AttendanceNote,
        c.Representatives.OrderBy(r => r.SortOrder)
            .Select(r => new RepresentativeDto(r.Name, r.NameConfirmed, r.Office, r.Level, r.Format, r.Note)).ToList(),
        c.Notes, c.Contested, c.Pledges.Count,
        c.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_sourceRef).ToList(),
        null);

    /// <summary>Every country with its standing on the filter's day (from the one place standings are computed).</summary>
    public async Task<IReadOnlyList<CountryDto>> GetCountriesAsync(KnownFilter known, CancellationToken cancellationToken = default)
    {
        var standings = await dashboard.Pledges.GetStandingsAsync(known.ToFilter(), cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var countries = await db.Countries.OrderBy(c => c.SortOrder).Select(s_country).AsSplitQuery().ToListAsync(cancellationToken);
        var counts = await CountPledgesAsync(db, known, cancellationToken);
        return countries.Select(c => c with { PledgeCount = counts.GetValueOrDefault(c.Iso3), Standing = ToDto(standings[c.Iso3]) }).ToList();
    }

    public async Task<CountryDetailDto?> GetCountryAsync(string iso3, KnownFilter known, CancellationToken cancellationToken = default)
    {
        var filter = known.ToFilter();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var country = await db.Countries.Where(c => c.Iso3 == iso3).Select(s_country).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (country is null)
        {
            return null;
        }
        var standings = await dashboard.Pledges.GetStandingsAsync(filter, cancellationToken);
        var pledges = await ReadModel.PledgeFilters.Apply(db.Pledges.Where(p => p.Countries.Any(c => c.Iso3 == iso3)), filter).OrderBy(p => p.SortOrder)
            .Select(s_pledge).AsSplitQuery().ToListAsync(cancellationToken);
        var quotes = await Known(db.Quotes.Where(q => q.CountryIso3 == iso3), known).OrderBy(q => q.SortOrder)
            .Select(s_quote).AsSplitQuery().ToListAsync(cancellationToken);
        var events = await ReadModel.PledgeFilters.Apply(db.Events.Where(e => e.Countries.Any(c => c.Iso3 == iso3)), filter, coalitionInScope: false)
            .OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder).Select(s_event).AsSplitQuery().ToListAsync(cancellationToken);
        // Each pledge says what this country is in it: a lead, a party, a partner named but not bound, a host.
        var withRoles = pledges.Select(p => p with { Role = p.Parties.First(x => x.Id == iso3).Role }).ToList();
        return new CountryDetailDto(country with { PledgeCount = withRoles.Count(p => p.Role != PartyRole.Partner), Standing = ToDto(standings[iso3]) },
            withRoles, quotes, events);
    }

    private static StandingDto ToDto(ReadModel.Standing standing) => new(
        ReadModel.Filtering.DashboardFilter.Format(standing.AsOf), standing.ForcesSlug,
        standing.StrongestCommitment is { } status ? Slug.Of(status) : null, standing.Basis);

    private static async Task<Dictionary<string, int>> CountPledgesAsync(CoalitionDbContext db, KnownFilter known, CancellationToken cancellationToken) =>
        await ReadModel.PledgeFilters.Apply(db.Pledges, known.ToFilter())
            .SelectMany(p => p.Parties.Where(x => x.Role != PartyRole.Partner), (p, x) => x.Party)
            .GroupBy(code => code).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    private static IQueryable<Quote> Known(IQueryable<Quote> quotes, KnownFilter known) => quotes.Known(known.ToFilter());

    /// <summary>The pledges under the whole page filter (countries, bloc, category, status, dates, as of, grade), as the pages and exports apply it.</summary>
    public async Task<IReadOnlyList<PledgeDto>> GetPledgesAsync(ReadModel.Filtering.DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReadModel.PledgeFilters.Apply(db.Pledges, filter).OrderBy(p => p.SortOrder).Select(s_pledge).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EventDto>> GetEventsAsync(KnownFilter known, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ReadModel.PledgeFilters.Apply(db.Events, known.ToFilter(), coalitionInScope: false).OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder).Select(s_event).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QuoteDto>> GetQuotesAsync(KnownFilter known, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Known(db.Quotes, known).OrderBy(q => q.SortOrder).Select(s_quote).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OpenIssueDto>> GetOpenIssuesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.OpenIssues.OrderBy(o => o.Order)
            .Select(o => new OpenIssueDto(
                o.Id, o.Order, o.Title, o.Description,
                o.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
                o.Organisations.OrderBy(c => c.SortOrder).Select(c => c.Id).ToList(),
                o.Pledges.OrderBy(p => p.SortOrder).Select(p => p.Id).ToList(),
                o.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_sourceRef).ToList()))
            .AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The sources published by the filter's day (or undated) and at least as reliable as its threshold.</summary>
    public async Task<IReadOnlyList<SourceDto>> GetSourcesAsync(KnownFilter known, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<Source> sources = db.Sources;
        if (known.AsOf is { } asOf)
        {
            sources = sources.Where(s => s.Date == null || s.Date <= asOf);
        }
        if (known.MinReliability is not null)
        {
            var grades = known.ToFilter().Grades;
            sources = sources.Where(s => grades.Contains(s.Reliability));
        }
        return await sources.OrderBy(s => s.SortOrder)
            .Select(s => new SourceDto(
                s.Id, s.Outlet, s.Title, s.DateText, s.Url, s.SeedFile, s.Reliability, s.Language, s.Note,
                s.Countries.Count + s.Organisations.Count + s.Pledges.Count + s.Events.Count + s.Quotes.Count + s.OpenIssues.Count))
            .ToListAsync(cancellationToken);
    }
}
