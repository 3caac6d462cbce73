using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Entities;
using CoalitionDashboard.ReadModel.Filtering;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Quotes: under a filter (and the quotes page's topic and speaker), the key ones, and those of one country or organisation.
/// Every result is kept in the <see cref="QueryCache"/> until the next import.
/// </summary>
public sealed class QuoteQueries(IDbContextFactory<CoalitionDbContext> contextFactory, QueryCache cache)
{
    public Task<IReadOnlyList<QuoteRow>> GetQuotesAsync(DashboardFilter filter, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("quotes", filter), () => LoadGetQuotesAsync(filter, directOnly: false, take: null));

    /// <summary>The first <paramref name="count"/> verbatim quotations under the filter (the overview's key quotes).</summary>
    public Task<IReadOnlyList<QuoteRow>> GetKeyQuotesAsync(DashboardFilter filter, int count, CancellationToken cancellationToken = default) =>
        cache.GetAsync(("key-quotes", filter, count), () => LoadGetQuotesAsync(filter, directOnly: true, take: count));

    /// <summary>
    /// The quotes page: the quotes under the filter, narrowed to one topic and/or one speaker (exact values, as the data
    /// spells them; the page checks what the URL asks for against <see cref="GetQuotesAsync(DashboardFilter, CancellationToken)"/>
    /// without a filter, so only known values become cache keys).
    /// </summary>
    public Task<IReadOnlyList<QuoteRow>> GetQuotesAsync(DashboardFilter filter, string? topic, string? speaker, CancellationToken cancellationToken = default) =>
        topic is null && speaker is null
            ? GetQuotesAsync(filter, cancellationToken)
            : cache.GetAsync(("quotes", filter, topic, speaker),
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
        return await (take is { } n ? ordered.Take(n) : ordered).Select(ReadProjections.Quote).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>The country's quotes, as known under the filter's date and reliability.</summary>
    public Task<IReadOnlyList<QuoteRow>> GetQuotesOfCountryAsync(string iso3, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = ReadProjections.KnownOnly(filter);
        return cache.GetAsync(("country-quotes", iso3, known), () => LoadGetQuotesOfCountryAsync(iso3, known));
    }

    private async Task<IReadOnlyList<QuoteRow>> LoadGetQuotesOfCountryAsync(string iso3, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Quotes.Where(q => q.CountryIso3 == iso3).Known(known).OrderBy(q => q.SortOrder).Select(ReadProjections.Quote).AsSplitQuery().ToListAsync(cancellationToken);
    }

    public Task<IReadOnlyList<QuoteRow>> GetQuotesOfOrganisationAsync(string id, DashboardFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var known = ReadProjections.KnownOnly(filter);
        return cache.GetAsync(("organisation-quotes", id, known), () => LoadGetQuotesOfOrganisationAsync(id, known));
    }

    private async Task<IReadOnlyList<QuoteRow>> LoadGetQuotesOfOrganisationAsync(string id, DashboardFilter known)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Quotes.Where(q => q.OrganisationId == id).Known(known).OrderBy(q => q.SortOrder).Select(ReadProjections.Quote).AsSplitQuery().ToListAsync(cancellationToken);
    }
}
