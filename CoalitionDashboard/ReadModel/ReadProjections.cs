using System.Linq.Expressions;
using CoalitionDashboard.Data.Entities;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.ReadModel;

/// <summary>The projections from entities to read rows that several query areas share, so each row is shaped in one place.</summary>
internal static class ReadProjections
{
    public static readonly Expression<Func<Source, SourceLink>> Source = s => new SourceLink(s.Id, s.Outlet, s.Url, s.Reliability);

    public static readonly Expression<Func<Pledge, PledgeRow>> Pledge = p => new PledgeRow(
        p.Id, p.Title, p.Description, p.IsCoalitionWide,
        p.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
        p.Organisations.OrderBy(o => o.SortOrder).Select(o => o.Id).ToList(),
        p.Categories.OrderBy(c => c.Position).Select(c => c.Category).ToList(),
        p.Status, p.StatusNote, p.Troops, p.Condition, p.QuantityText, p.DateStart, p.DateText, p.Speaker, p.Contested,
        p.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(Source).ToList(),
        p.Parties.OrderBy(x => x.Position).Select(x => new PartyRef(x.Party, x.Role)).ToList(),
        p.Supersedes.Select(x => x.SupersededId).ToList(),
        p.QuantityValue, p.QuantityUnit);

    public static readonly Expression<Func<TimelineEvent, EventRow>> Event = e => new EventRow(
        e.Id, e.DateStart, e.DateEnd, e.DateText, e.Title, e.Summary, e.Kind, e.IncludesCoalition,
        e.Countries.OrderBy(c => c.SortOrder).Select(c => c.Iso3).ToList(),
        e.Organisations.OrderBy(o => o.SortOrder).Select(o => o.Id).ToList(),
        e.PartiesNote, e.Contested,
        e.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(Source).ToList(), e.Status, e.Label);

    public static readonly Expression<Func<Quote, QuoteRow>> Quote = q => new QuoteRow(
        q.Id, q.Speaker, q.Office, q.CountryIso3, q.OrganisationId, q.Date, q.DateText, q.Text, q.Original, q.Translated, q.Direct,
        q.Context, q.Topic, q.Attribution,
        q.Sources.AsQueryable().OrderBy(s => s.Reliability).ThenBy(s => s.SortOrder).Select(Source).ToList());

    /// <summary>Only the parts of a filter that say what was known: its date and its reliability threshold.</summary>
    public static DashboardFilter KnownOnly(DashboardFilter? filter) =>
        filter is null ? DashboardFilter.None : DashboardFilter.None.With(asOf: filter.AsOf, minReliability: filter.MinReliability);



}

/// <summary>A cached result that may be null (the cache keeps only reference types).</summary>
internal sealed record CachedValue<T>(T Value);
