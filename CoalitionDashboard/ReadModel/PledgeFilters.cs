using CoalitionDashboard.Data.Entities;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.ReadModel;

/// <summary>The global filter translated to SQL predicates (one place, so every page agrees on what "filtered" means).</summary>
public static class PledgeFilters
{
    public static IQueryable<Pledge> Apply(this IQueryable<Pledge> pledges, DashboardFilter filter)
    {
        if (filter.Countries.Count > 0)
        {
            var codes = filter.Countries;
            pledges = pledges.Where(p => p.Countries.Any(c => codes.Contains(c.Iso3)));
        }
        pledges = filter.Bloc switch
        {
            Bloc.Eu => pledges.Where(p => p.Countries.Any(c => c.IsEu)),
            Bloc.Nato => pledges.Where(p => p.Countries.Any(c => c.IsNato)),
            Bloc.NonEu => pledges.Where(p => p.Countries.Any(c => !c.IsEu)),
            _ => pledges,
        };
        if (filter.Category is { } category)
        {
            pledges = pledges.Where(p => p.Categories.Any(c => c.Category == category));
        }
        if (filter.Status is { } status)
        {
            pledges = pledges.Where(p => p.Status == status);
        }
        if (filter.From is { } from)
        {
            pledges = pledges.Where(p => (p.DateEnd ?? p.DateStart) >= from);
        }
        if (filter.To is { } to)
        {
            pledges = pledges.Where(p => p.DateStart <= to);
        }
        if (filter.AsOf is { } asOf)
        {
            pledges = pledges.Where(p => p.DateStart <= asOf);
        }
        if (filter.MinReliability is not null)
        {
            var grades = filter.Grades;
            pledges = pledges.Where(p => p.Sources.Any(s => grades.Contains(s.Reliability)));
        }
        return pledges;
    }

    /// <summary>Countries in scope: the selected ones (or all), narrowed by bloc.</summary>
    public static IQueryable<Country> Apply(this IQueryable<Country> countries, DashboardFilter filter)
    {
        if (filter.Countries.Count > 0)
        {
            var codes = filter.Countries;
            countries = countries.Where(c => codes.Contains(c.Iso3));
        }
        return filter.Bloc switch
        {
            Bloc.Eu => countries.Where(c => c.IsEu),
            Bloc.Nato => countries.Where(c => c.IsNato),
            Bloc.NonEu => countries.Where(c => !c.IsEu),
            _ => countries,
        };
    }

    /// <param name="coalitionInScope">Whether the selected countries include a coalition member: a coalition-wide
    /// event (the Paris summit) involves every member.</param>
    public static IQueryable<TimelineEvent> Apply(this IQueryable<TimelineEvent> events, DashboardFilter filter, bool coalitionInScope)
    {
        if (filter.Countries.Count > 0)
        {
            var codes = filter.Countries;
            events = events.Where(e => e.Countries.Any(c => codes.Contains(c.Iso3)) || (coalitionInScope && e.IncludesCoalition));
        }
        events = filter.Bloc switch
        {
            Bloc.Eu => events.Where(e => e.IncludesCoalition || e.Countries.Any(c => c.IsEu)),
            Bloc.Nato => events.Where(e => e.IncludesCoalition || e.Countries.Any(c => c.IsNato)),
            Bloc.NonEu => events.Where(e => e.IncludesCoalition || e.Countries.Any(c => !c.IsEu)),
            _ => events,
        };
        if (filter.From is { } from)
        {
            events = events.Where(e => (e.DateEnd ?? e.DateStart) >= from);
        }
        if (filter.To is { } to)
        {
            events = events.Where(e => e.DateStart <= to);
        }
        if (filter.AsOf is { } asOf)
        {
            events = events.Where(e => e.DateStart <= asOf);
        }
        if (filter.MinReliability is not null)
        {
            var grades = filter.Grades;
            events = events.Where(e => e.Sources.Any(s => grades.Contains(s.Reliability)));
        }
        return events;
    }

    /// <summary>Quotes known on the filter's <c>asof</c> day (undated ones included) and resting on a source at least as reliable as its threshold.</summary>
    public static IQueryable<Quote> Known(this IQueryable<Quote> quotes, DashboardFilter filter)
    {
        if (filter.AsOf is { } asOf)
        {
            quotes = quotes.Where(q => q.Date == null || q.Date <= asOf);
        }
        if (filter.MinReliability is not null)
        {
            var grades = filter.Grades;
            quotes = quotes.Where(q => q.Sources.Any(s => grades.Contains(s.Reliability)));
        }
        return quotes;
    }
}
