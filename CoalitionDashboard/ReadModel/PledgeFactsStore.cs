using CoalitionDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel;

/// <summary>
/// Holds the <see cref="PledgeFacts"/> of the current data set: read from the database on first use, and again on
/// first use after an import (which moves <see cref="QueryCache.Generation"/> on). Every circuit shares one copy.
/// </summary>
public sealed class PledgeFactsStore(IDbContextFactory<CoalitionDbContext> contextFactory, QueryCache cache)
{
    private (long Generation, Task<PledgeFacts> Facts)? _current;
    private readonly Lock _gate = new();

    public Task<PledgeFacts> GetAsync()
    {
        var generation = cache.Generation;
        lock (_gate)
        {
            if (_current is { } current && current.Generation == generation && !current.Facts.IsFaulted)
            {
                return current.Facts;
            }
            var facts = LoadAsync();
            _current = (generation, facts);
            return facts;
        }
    }

    private async Task<PledgeFacts> LoadAsync()
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        var countries = await db.Countries.OrderBy(c => c.SortOrder)
            .Select(c => new CountryFact(c.Iso3, c.Name, c.IsEu, c.IsNato)).ToListAsync();
        var pledges = await db.Pledges.OrderBy(p => p.SortOrder)
            .Select(p => new { p.Id, p.Title, p.Description, p.Speaker, p.Status, p.Troops, p.MainCategory, p.DateStart, p.DateEnd, p.DateText, p.IsCoalitionWide })
            .ToListAsync();
        // A pledge's countries (with their roles) in the curated country order, as the pledge rows list them.
        var links = await db.PledgeParties.Join(db.Countries, x => x.Party, c => c.Iso3, (x, c) => new { x.PledgeId, c.Iso3, x.Role, c.SortOrder }).ToListAsync();
        var categories = await db.PledgeCategories.OrderBy(c => c.Position).Select(c => new { c.PledgeId, c.Category }).ToListAsync();
        var grades = await db.Pledges.SelectMany(p => p.Sources, (p, s) => new { p.Id, s.Reliability }).ToListAsync();
        var supersessions = await db.PledgeSupersessions.Select(x => new { x.PledgeId, x.SupersededId }).ToListAsync();
        var countriesOf = links.OrderBy(l => l.SortOrder).ToLookup(l => l.PledgeId, l => (l.Iso3, l.Role), StringComparer.Ordinal);
        var categoriesOf = categories.ToLookup(c => c.PledgeId, c => c.Category, StringComparer.Ordinal);
        var bestOf = grades.GroupBy(g => g.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(x => x.Reliability), StringComparer.Ordinal);
        var supersedesOf = supersessions.ToLookup(x => x.PledgeId, x => x.SupersededId, StringComparer.Ordinal);
        return new PledgeFacts(countries, pledges.Select(p => new PledgeFact(
            p.Id, p.Title, p.Description, p.Speaker, p.Status, p.Troops, p.MainCategory, categoriesOf[p.Id].ToList(),
            p.DateStart, p.DateEnd, p.DateText, p.IsCoalitionWide, countriesOf[p.Id].ToList(),
            bestOf.GetValueOrDefault(p.Id, Reliability.C), supersedesOf[p.Id].ToList())).ToList());
    }
}
