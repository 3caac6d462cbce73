using System.Linq.Expressions;
using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Features.Api;

/// <summary>
/// Read queries behind the JSON API. One short-lived context per call; every list is a single projection
/// (split into a few queries for its collections), never a query per row.
/// </summary>
public sealed class ApiQueries(IDbContextFactory<CoalitionDbContext> contextFactory)
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
        p.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_sourceRef).ToList());

    private static readonly Expression<Func<TimelineEvent, EventDto>> s_event = e => new EventDto(
        e.Id, e.DateText, e.DateStart, e.DateEnd, e.Title, e.Summary, e.Kind, e.IncludesCoalition,
        e.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
        e.Organisations.OrderBy(o => o.SortOrder).Select(o => o.Id).ToList(),
        e.PartiesNote, e.Contested,
        e.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_sourceRef).ToList());

    private static readonly Expression<Func<Quote, QuoteDto>> s_quote = q => new QuoteDto(
        q.Id, q.Speaker, q.Office, q.CountryIso3, q.OrganisationId, q.DateText, q.Text, q.Original, q.Translated, q.Direct,
        q.Context, q.Topic, q.Attribution,
        q.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_sourceRef).ToList());

    private static readonly Expression<Func<Country, CountryDto>> s_country = c => new CountryDto(
        c.Iso3, c.Name, c.IsEu, c.IsNato, c.IsG7, c.Role, c.Attendance, c.AttendanceNote,
        c.Representatives.OrderBy(r => r.SortOrder)
            .Select(r => new RepresentativeDto(r.Name, r.NameConfirmed, r.Office, r.Level, r.Format, r.Note)).ToList(),
        c.Notes, c.Contested, c.Pledges.Count,
        c.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(s_sourceRef).ToList());

    public async Task<IReadOnlyList<CountryDto>> GetCountriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Countries.OrderBy(c => c.SortOrder).Select(s_country).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public async Task<CountryDetailDto?> GetCountryAsync(string iso3, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var country = await db.Countries.Where(c => c.Iso3 == iso3).Select(s_country).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (country is null)
        {
            return null;
        }
        var pledges = await db.Pledges.Where(p => p.Countries.Any(c => c.Iso3 == iso3)).OrderBy(p => p.SortOrder)
            .Select(s_pledge).AsSplitQuery().ToListAsync(cancellationToken);
        var quotes = await db.Quotes.Where(q => q.CountryIso3 == iso3).OrderBy(q => q.SortOrder)
            .Select(s_quote).AsSplitQuery().ToListAsync(cancellationToken);
        var events = await db.Events.Where(e => e.Countries.Any(c => c.Iso3 == iso3)).OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder)
            .Select(s_event).AsSplitQuery().ToListAsync(cancellationToken);
        return new CountryDetailDto(country, pledges, quotes, events);
    }

    public async Task<IReadOnlySet<string>> GetCountryCodesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await db.Countries.Select(c => c.Iso3).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<PledgeDto>> GetPledgesAsync(PledgeFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<Pledge> query = db.Pledges;
        if (filter.Countries.Count > 0)
        {
            var countries = filter.Countries;
            query = query.Where(p => p.Countries.Any(c => countries.Contains(c.Iso3)));
        }
        if (filter.Category is { } category)
        {
            query = query.Where(p => p.Categories.Any(c => c.Category == category));
        }
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        return await query.OrderBy(p => p.SortOrder).Select(s_pledge).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EventDto>> GetEventsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Events.OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder).Select(s_event).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QuoteDto>> GetQuotesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Quotes.OrderBy(q => q.SortOrder).Select(s_quote).AsSplitQuery().ToListAsync(cancellationToken);
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

    public async Task<IReadOnlyList<SourceDto>> GetSourcesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sources.OrderBy(s => s.SortOrder)
            .Select(s => new SourceDto(
                s.Id, s.Outlet, s.Title, s.DateText, s.Url, s.SeedFile, s.Reliability, s.Language, s.Note,
                s.Countries.Count + s.Organisations.Count + s.Pledges.Count + s.Events.Count + s.Quotes.Count + s.OpenIssues.Count))
            .ToListAsync(cancellationToken);
    }
}
