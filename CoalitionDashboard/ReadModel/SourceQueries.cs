using CoalitionDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel;

public sealed record SourceRow(
    string Id, string Outlet, string? Title, string? DateText, DateOnly? Date, string? Url, string? SeedFile, Reliability Reliability,
    string? Language, string? Note, int Records);

public sealed record RecordRef(string Kind, string Id, string Label, string Href);

public sealed record SourceDetail(SourceRow Source, IReadOnlyList<RecordRef> Records);

/// <summary>Sources with the number of records resting on each (counted in SQL), and one source with those records.</summary>
public sealed class SourceQueries(IDbContextFactory<CoalitionDbContext> contextFactory, ReadModel.QueryCache cache)
{
    /// <summary>The sources published by the filter's <c>asof</c> day (or undated), at least as reliable as its threshold.</summary>
    public Task<IReadOnlyList<SourceRow>> GetSourcesAsync(Filtering.DashboardFilter? filter = null, CancellationToken cancellationToken = default) =>
        cache.GetAsync<(string, DateOnly?, Reliability?), IReadOnlyList<SourceRow>>(("sources", filter?.AsOf, filter?.MinReliability), () => LoadSourcesAsync(filter));

    private async Task<IReadOnlyList<SourceRow>> LoadSourcesAsync(Filtering.DashboardFilter? filter)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        IQueryable<Data.Entities.Source> sources = db.Sources;
        if (filter?.AsOf is { } asOf)
        {
            sources = sources.Where(s => s.Date == null || s.Date <= asOf);
        }
        if (filter?.MinReliability is not null)
        {
            var grades = filter.Grades;
            sources = sources.Where(s => grades.Contains(s.Reliability));
        }
        return await sources.OrderBy(s => s.Reliability).ThenBy(s => s.Outlet)
            .Select(s => new SourceRow(
                s.Id, s.Outlet, s.Title, s.DateText, s.Date, s.Url, s.SeedFile, s.Reliability, s.Language, s.Note,
                s.Countries.Count + s.Organisations.Count + s.Pledges.Count + s.Events.Count + s.Quotes.Count + s.OpenIssues.Count))
            .ToListAsync(cancellationToken);
    }

    public async Task<SourceDetail?> GetSourceAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var source = await db.Sources.Where(s => s.Id == id)
            .Select(s => new
            {
                Row = new SourceRow(s.Id, s.Outlet, s.Title, s.DateText, s.Date, s.Url, s.SeedFile, s.Reliability, s.Language, s.Note, 0),
                Countries = s.Countries.OrderBy(c => c.Name).Select(c => new { c.Iso3, c.Name }).ToList(),
                Organisations = s.Organisations.Select(o => new { o.Id, o.Name }).ToList(),
                Pledges = s.Pledges.OrderBy(p => p.SortOrder).Select(p => new
                {
                    p.Id, p.Title, p.IsCoalitionWide,
                    Country = p.Countries.OrderBy(c => c.Iso3).Select(c => c.Iso3).FirstOrDefault(),
                    Organisation = p.Organisations.OrderBy(o => o.Id).Select(o => o.Id).FirstOrDefault(),
                }).ToList(),
                Events = s.Events.OrderBy(e => e.DateStart).Select(e => new { e.Id, e.Title, e.DateText }).ToList(),
                Quotes = s.Quotes.OrderBy(q => q.SortOrder).Select(q => new { q.Id, q.Speaker, q.Text }).ToList(),
                Issues = s.OpenIssues.OrderBy(o => o.Order).Select(o => new { o.Id, o.Title }).ToList(),
            })
            .AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            return null;
        }
        var records = new List<RecordRef>();
        records.AddRange(source.Countries.Select(c => new RecordRef("Country", c.Iso3, c.Name, DashboardUrls.Country(c.Iso3))));
        records.AddRange(source.Organisations.Select(o => new RecordRef("Organisation", o.Id, o.Name, DashboardUrls.Organisation(o.Id))));
        // A pledge opens where it is shown in full: on the profile of its first country (or organisation), at its card.
        records.AddRange(source.Pledges.Select(p => new RecordRef("Pledge", p.Id, p.Title,
            p.Country is { } iso3 ? DashboardUrls.Country(iso3) + "#" + Uri.EscapeDataString(p.Id)
            : p.Organisation is { } org ? DashboardUrls.Organisation(org) + "#" + Uri.EscapeDataString(p.Id)
            : DashboardUrls.Pledges())));
        records.AddRange(source.Events.Select(e => new RecordRef("Event", e.Id, $"{DateDisplay.Format(e.DateText)}: {e.Title}", DashboardUrls.Timeline(eventId: e.Id))));
        records.AddRange(source.Quotes.Select(q => new RecordRef("Quote", q.Id, $"{q.Speaker}: “{Shorten(q.Text)}”", DashboardUrls.Quotes(quoteId: q.Id))));
        records.AddRange(source.Issues.Select(o => new RecordRef("Open issue", o.Id, o.Title, DashboardUrls.OpenIssues(issueId: o.Id))));
        return new SourceDetail(source.Row with { Records = records.Count }, records);
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..90] + "…";
}
