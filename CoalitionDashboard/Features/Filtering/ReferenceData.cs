using CoalitionDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Features.Filtering;

public sealed record CountryInfo(string Iso3, string Name, bool Eu, bool Nato, CoalitionRole Role);

/// <summary>The slow-changing facts every page needs: the country list and the data-as-of date.</summary>
public sealed record ReferenceSnapshot(IReadOnlyList<CountryInfo> Countries, DateOnly? AsOf, string Title)
{
    public static readonly ReferenceSnapshot Empty = new([], null, "");

    public IReadOnlySet<string> Codes { get; } = Countries.Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);

    private readonly Dictionary<string, CountryInfo> _byCode = Countries.ToDictionary(c => c.Iso3, StringComparer.Ordinal);

    public string NameOf(string iso3) => _byCode.TryGetValue(iso3, out var country) ? country.Name : iso3;

    public CountryInfo? Find(string iso3) => _byCode.GetValueOrDefault(iso3);
}

/// <summary>
/// Shared by every circuit and rebuilt only after an import (one query then), so the layout does not query
/// the database for the country list on every page.
/// </summary>
public sealed class ReferenceData(IDbContextFactory<CoalitionDbContext> contextFactory)
{
    private Task<ReferenceSnapshot>? _snapshot;

    public Task<ReferenceSnapshot> GetAsync() => Volatile.Read(ref _snapshot) ?? LoadAndCache();

    public void Invalidate() => Volatile.Write(ref _snapshot, null);

    private Task<ReferenceSnapshot> LoadAndCache()
    {
        var task = LoadAsync();
        Interlocked.CompareExchange(ref _snapshot, task, null);
        return task;
    }

    private async Task<ReferenceSnapshot> LoadAsync()
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            var countries = await db.Countries.OrderBy(c => c.Name)
                .Select(c => new CountryInfo(c.Iso3, c.Name, c.IsEu, c.IsNato, c.Role)).ToListAsync();
            var dataset = await db.Dataset.OrderBy(d => d.Id).Select(d => new { d.AsOf, d.Title }).FirstOrDefaultAsync();
            return new ReferenceSnapshot(countries, dataset?.AsOf, dataset?.Title ?? "");
        }
        catch
        {
            // Do not cache a failure: the next call tries again.
            Invalidate();
            throw;
        }
    }
}
