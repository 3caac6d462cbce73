using CoalitionDashboard.Data;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.ReadModel.Filtering;

public sealed record CountryInfo(string Iso3, string Name, bool Eu, bool Nato, CoalitionRole Role);

/// <summary>A date the coalition met: a step of the map's "step through the coalition's dates".</summary>
public sealed record Milestone(DateOnly Date, string EventId, string Title);

/// <summary>The coalition's membership as counted at an event: a number (null: none given) and what it means.</summary>
public sealed record Roster(DateOnly Date, string EventId, string EventTitle, int? Count, bool Named, string Note);

/// <summary>The slow-changing facts every page needs: the country list, the data's dates and the coalition's milestones.</summary>
public sealed record ReferenceSnapshot(
    IReadOnlyList<CountryInfo> Countries, DateOnly? AsOf, string Title, DateOnly? ReviewedOn = null, string? Coverage = null,
    IReadOnlyList<Milestone>? Milestones = null, IReadOnlyList<Roster>? Rosters = null, DateOnly? SummitDate = null)
{
    public static readonly ReferenceSnapshot Empty = new([], null, "");

    public IReadOnlyList<Milestone> Milestones { get; } = Milestones ?? [];

    public IReadOnlyList<Roster> Rosters { get; } = Rosters ?? [];

    /// <summary>The membership count in force on <paramref name="day"/>: the latest roster on or before it (null: none recorded yet).</summary>
    public Roster? RosterOn(DateOnly day) => Rosters.LastOrDefault(r => r.Date <= day);

    /// <summary>The day a view under <paramref name="filter"/> is drawn as of: its <c>asof</c>, or the data's latest fact.</summary>
    public DateOnly ViewDate(DashboardFilter filter) => filter.AsOfOr(AsOf ?? DateOnly.MaxValue);

    /// <summary>"data as of 6 Jul 2026 · reviewed 2 Dec 2026", and the view's own date when it is drawn as of an earlier day.</summary>
    public string Freshness(DashboardFilter filter)
    {
        var text = $"Data as of {Day(AsOf)} · reviewed {Day(ReviewedOn)}";
        return filter.AsOf is { } day && AsOf is { } latest && day < latest ? $"View as of {Day(day)} · " + text.ToLowerInvariant()[0] + text[1..] : text;
    }

    public static string Day(DateOnly? day) => day?.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";

    /// <summary>How old the last review is on <paramref name="today"/>, in days (null when the data has no review date).</summary>
    public int? ReviewAgeDays(DateOnly today) => ReviewedOn is { } reviewed ? today.DayNumber - reviewed.DayNumber : null;

    public IReadOnlySet<string> Codes { get; } = Countries.Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);

    private readonly Dictionary<string, CountryInfo> _byCode = Countries.ToDictionary(c => c.Iso3, StringComparer.Ordinal);

    public string NameOf(string iso3) => _byCode.TryGetValue(iso3, out var country) ? country.Name : iso3;

    public CountryInfo? Find(string iso3) => _byCode.GetValueOrDefault(iso3);
}

/// <summary>
/// Shared by every circuit and rebuilt only for a new data generation (one query then), so the layout does not query
/// the database for the country list on every page.
/// </summary>
public sealed class ReferenceData(IDbContextFactory<CoalitionDbContext> contextFactory, DataGeneration generation)
{
    private sealed record Loaded(long Generation, Task<ReferenceSnapshot> Snapshot);

    private Loaded? _loaded;

    public Task<ReferenceSnapshot> GetAsync()
    {
        var loaded = Volatile.Read(ref _loaded);
        var current = generation.Number;
        // A failed load (database busy, replaced) is not kept: the next call tries again.
        return loaded is not null && loaded.Generation == current && !loaded.Snapshot.IsFaulted ? loaded.Snapshot : LoadAndCache(loaded, current);
    }

    private Task<ReferenceSnapshot> LoadAndCache(Loaded? seen, long current)
    {
        var fresh = new Loaded(current, LoadAsync());
        var raced = Interlocked.CompareExchange(ref _loaded, fresh, seen);
        return ReferenceEquals(raced, seen) ? fresh.Snapshot : GetAsync();
    }

    private async Task<ReferenceSnapshot> LoadAsync()
    {
        await using var db = await contextFactory.CreateDbContextAsync();
        var countries = await db.Countries.OrderBy(c => c.Name)
            .Select(c => new CountryInfo(c.Iso3, c.Name, c.IsEu, c.IsNato, c.Role)).ToListAsync();
        var dataset = await db.Dataset.OrderBy(d => d.Id).Select(d => new { d.AsOf, d.Title, d.ReviewedOn, d.Coverage, d.SummitDate }).FirstOrDefaultAsync();
        // The coalition's own meetings that took place, and the events where its membership was counted.
        var meetings = await db.Events
            .Where(e => (e.IncludesCoalition && e.Status == EventStatus.Happened
                    && (e.Kind == EventKind.Summit || e.Kind == EventKind.VirtualMeeting || e.Kind == EventKind.Ministerial))
                || e.RosterNote != null)
            .OrderBy(e => e.DateStart).ThenBy(e => e.SortOrder)
            .Select(e => new { e.Id, e.Title, e.DateStart, e.RosterCount, e.RosterNamed, e.RosterNote }).ToListAsync();
        var milestones = meetings.GroupBy(e => e.DateStart).Select(g => new Milestone(g.Key, g.First().Id, g.First().Title)).ToList();
        var rosters = meetings.Where(e => e.RosterNote != null)
            .Select(e => new Roster(e.DateStart, e.Id, e.Title, e.RosterCount, e.RosterNamed ?? false, e.RosterNote!)).ToList();
        return new ReferenceSnapshot(countries, dataset?.AsOf, dataset?.Title ?? "", dataset?.ReviewedOn, dataset?.Coverage, milestones, rosters, dataset?.SummitDate);
    }
}
