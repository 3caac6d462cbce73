using System.Collections.Frozen;
using CoalitionDashboard.Data;
using CoalitionDashboard.Features.Filtering;

namespace CoalitionDashboard.Features.Dashboard;

/// <summary>
/// What the dashboard's filters and pledge aggregates need of every pledge, read from the database once per data
/// set into compact arrays (in the curated order) and shared, read-only, by every circuit and request. A filtered
/// count over 100,000 pledges is then a scan of a few arrays (about a millisecond) instead of a GROUP BY over joins
/// (hundreds of milliseconds in SQLite). The database stays the source: the facts are rebuilt after every import
/// (<see cref="PledgeFactsStore"/>), and lists of pledges are still read from it, by id.
/// </summary>
/// <remarks>
/// <see cref="Matches"/> is the in-memory twin of <see cref="PledgeFilters.Apply(IQueryable{Data.Entities.Pledge}, DashboardFilter)"/>;
/// a test holds the two to the same answer on the curated and on synthetic data.
/// </remarks>
public sealed class PledgeFacts
{
    private const sbyte NoTroops = -1;

    private readonly FrozenDictionary<string, int> _countryIndex;
    private readonly string[] _countryCodes;
    private readonly string[] _countryNames;
    private readonly bool[] _countryEu;
    private readonly bool[] _countryNato;

    private readonly string[] _ids;
    private readonly string[] _titles;
    private readonly string[] _descriptions;
    private readonly string?[] _speakers;
    private readonly PledgeStatus[] _status;
    private readonly sbyte[] _troops;
    private readonly PledgeCategory[] _main;
    private readonly int[] _categories;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly bool[] _coalitionWide;
    private readonly int[][] _countries;
    // The role of each of _countries[i] in pledge i, index for index.
    private readonly PartyRole[][] _roles;
    private readonly Reliability[] _best;
    private readonly string[] _dateTexts;
    private readonly int[][] _supersedes;
    // Per country, the pledges that name it, in the curated order.
    private readonly int[][] _pledgesOf;
    private readonly Dictionary<(PledgeSort, bool), int[]> _orders = [];

    internal PledgeFacts(IReadOnlyList<CountryFact> countries, IReadOnlyList<PledgeFact> pledges)
    {
        _countryCodes = countries.Select(c => c.Iso3).ToArray();
        _countryNames = countries.Select(c => c.Name).ToArray();
        _countryEu = countries.Select(c => c.Eu).ToArray();
        _countryNato = countries.Select(c => c.Nato).ToArray();
        _countryIndex = _countryCodes.Select((code, i) => (code, i)).ToFrozenDictionary(x => x.code, x => x.i, StringComparer.Ordinal);

        Count = pledges.Count;
        _ids = new string[Count];
        _titles = new string[Count];
        _descriptions = new string[Count];
        _speakers = new string?[Count];
        _status = new PledgeStatus[Count];
        _troops = new sbyte[Count];
        _main = new PledgeCategory[Count];
        _categories = new int[Count];
        _start = new int[Count];
        _end = new int[Count];
        _coalitionWide = new bool[Count];
        _countries = new int[Count][];
        _roles = new PartyRole[Count][];
        _best = new Reliability[Count];
        _dateTexts = new string[Count];
        _supersedes = new int[Count][];
        var index = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            index[pledges[i].Id] = i;
        }
        for (var i = 0; i < Count; i++)
        {
            var p = pledges[i];
            _ids[i] = p.Id;
            _titles[i] = p.Title;
            _descriptions[i] = p.Description;
            _speakers[i] = p.Speaker;
            _status[i] = p.Status;
            _troops[i] = p.Troops is { } t ? (sbyte)t : NoTroops;
            _main[i] = p.MainCategory;
            _categories[i] = p.Categories.Aggregate(0, (mask, c) => mask | Bit(c));
            _start[i] = p.Start.DayNumber;
            _end[i] = (p.End ?? p.Start).DayNumber;
            _coalitionWide[i] = p.CoalitionWide;
            _countries[i] = p.Countries.Select(c => _countryIndex[c.Iso3]).ToArray();
            _roles[i] = p.Countries.Select(c => c.Role).ToArray();
            _best[i] = p.BestReliability;
            _dateTexts[i] = p.DateText;
            _supersedes[i] = p.Supersedes.Where(index.ContainsKey).Select(id => index[id]).ToArray();
        }
        var of = new List<int>[_countryCodes.Length];
        for (var c = 0; c < of.Length; c++)
        {
            of[c] = [];
        }
        for (var i = 0; i < Count; i++)
        {
            foreach (var c in _countries[i])
            {
                of[c].Add(i);
            }
        }
        _pledgesOf = of.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>How many pledges the data set holds.</summary>
    public int Count { get; }

    private static int Bit(PledgeCategory category) => 1 << (int)category;

    /// <summary>Whether pledge <paramref name="i"/> passes the filter (the same rules as the SQL filter).</summary>
    internal bool Matches(int i, in CompiledFilter filter)
    {
        var countries = _countries[i];
        if (filter.Countries is { } selected && !Any(countries, selected, true))
        {
            return false;
        }
        switch (filter.Bloc)
        {
            case Bloc.Eu when !Any(countries, _countryEu, true):
            case Bloc.Nato when !Any(countries, _countryNato, true):
            case Bloc.NonEu when !Any(countries, _countryEu, false):
                return false;
        }
        return (filter.CategoryBit == 0 || (_categories[i] & filter.CategoryBit) != 0)
            && (filter.Status is not { } status || _status[i] == status)
            && (filter.From is not { } from || _end[i] >= from)
            && (filter.To is not { } to || _start[i] <= to)
            && Known(i, filter.AsOf, filter.MinReliability);
    }

    /// <summary>Whether pledge <paramref name="i"/> was on record by the day and rests on a source at least that reliable.</summary>
    private bool Known(int i, int? asOf, Reliability? minReliability) =>
        (asOf is not { } day || _start[i] <= day) && (minReliability is not { } min || _best[i] <= min);

    // Whether one of the countries has the flag set to the value (a loop: this runs once per pledge per query).
    private static bool Any(int[] countries, bool[] flags, bool value)
    {
        foreach (var country in countries)
        {
            if (flags[country] == value)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The filter, with its country codes turned into a lookup of this data set's country indexes.</summary>
    internal CompiledFilter Compile(DashboardFilter filter)
    {
        bool[]? countries = null;
        if (filter.Countries.Count > 0)
        {
            countries = new bool[_countryCodes.Length];
            foreach (var code in filter.Countries)
            {
                if (_countryIndex.TryGetValue(code, out var index))
                {
                    countries[index] = true;
                }
            }
        }
        return new CompiledFilter(countries, filter.Bloc, filter.Category is { } c ? Bit(c) : 0, filter.Status,
            filter.From?.DayNumber, filter.To?.DayNumber, filter.AsOf?.DayNumber, filter.MinReliability);
    }

    /// <summary>The indexes of the pledges that pass the filter, in the curated order.</summary>
    public IEnumerable<int> Select(DashboardFilter filter)
    {
        var compiled = Compile(filter);
        for (var i = 0; i < Count; i++)
        {
            if (Matches(i, compiled))
            {
                yield return i;
            }
        }
    }

    /// <summary>Ids of the pledges that pass the filter, in the curated order (for tests and lists).</summary>
    public IReadOnlyList<string> Ids(DashboardFilter filter) => Select(filter).Select(i => _ids[i]).ToList();

    public PledgeStats Stats(DashboardFilter filter)
    {
        var byStatus = new int[Enum.GetValues<PledgeStatus>().Length];
        int total = 0, wide = 0;
        foreach (var i in Select(filter))
        {
            total++;
            wide += _coalitionWide[i] ? 1 : 0;
            byStatus[(int)_status[i]]++;
        }
        return new PledgeStats(total, wide, Enumerable.Range(0, byStatus.Length).Where(s => byStatus[s] > 0)
            .ToDictionary(s => (PledgeStatus)s, s => byStatus[s]));
    }

    /// <summary>The countries bound by pledge <paramref name="i"/>: a partner named in it is not one of them.</summary>
    private IEnumerable<int> Bound(int i)
    {
        var countries = _countries[i];
        var roles = _roles[i];
        for (var k = 0; k < countries.Length; k++)
        {
            if (PartyRoles.IsBound(roles[k]))
            {
                yield return countries[k];
            }
        }
    }

    /// <summary>Pledges per category; a pledge counts once in each of its categories.</summary>
    public IReadOnlyDictionary<PledgeCategory, int> CountByCategory(DashboardFilter filter)
    {
        var categories = Enum.GetValues<PledgeCategory>();
        var counts = new int[categories.Length];
        foreach (var i in Select(filter))
        {
            foreach (var category in categories)
            {
                if ((_categories[i] & Bit(category)) != 0)
                {
                    counts[(int)category]++;
                }
            }
        }
        return categories.Where(c => counts[(int)c] > 0).ToDictionary(c => c, c => counts[(int)c]);
    }

    public IReadOnlyList<CategoryStatusCount> CountByMainCategoryAndStatus(DashboardFilter filter) =>
        Select(filter).GroupBy(i => (_main[i], _status[i])).Select(g => new CategoryStatusCount(g.Key.Item1, g.Key.Item2, g.Count())).ToList();

    /// <summary>Per country: the pledges it is bound by, by (status, forces position), and the categories they fall in.</summary>
    public IReadOnlyDictionary<string, CountryPledges> ByCountry(DashboardFilter filter)
    {
        var groups = new Dictionary<(int Country, PledgeStatus Status, sbyte Troops), int>();
        var categories = new int[_countryCodes.Length];
        foreach (var i in Select(filter))
        {
            foreach (var country in Bound(i))
            {
                var key = (country, _status[i], _troops[i]);
                groups[key] = groups.GetValueOrDefault(key) + 1;
                categories[country] |= _categories[i];
            }
        }
        return groups.GroupBy(g => g.Key.Country).ToDictionary(
            g => _countryCodes[g.Key],
            g => new CountryPledges(
                g.GroupBy(x => x.Key.Status).ToDictionary(s => s.Key, s => s.Sum(x => x.Value)),
                g.Select(x => x.Key.Troops).Distinct().Select(t => t == NoTroops ? (TroopsPosition?)null : (TroopsPosition)t).ToList(),
                Enum.GetValues<PledgeCategory>().Where(c => (categories[g.Key] & Bit(c)) != 0).ToList()),
            StringComparer.Ordinal);
    }

    /// <summary>Per country, its pledges in one category under the filter.</summary>
    public IReadOnlyDictionary<string, int> CountByCountryInCategory(DashboardFilter filter, PledgeCategory category)
    {
        var counts = new int[_countryCodes.Length];
        foreach (var i in Select(filter))
        {
            if ((_categories[i] & Bit(category)) != 0)
            {
                foreach (var country in Bound(i))
                {
                    counts[country]++;
                }
            }
        }
        return Enumerable.Range(0, counts.Length).Where(c => counts[c] > 0).ToDictionary(c => _countryCodes[c], c => counts[c], StringComparer.Ordinal);
    }

    /// <summary>Per country, the titles of its first <paramref name="perCountry"/> pledges under the filter.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TitlesByCountry(DashboardFilter filter, int perCountry)
    {
        var titles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var i in Select(filter))
        {
            foreach (var country in Bound(i))
            {
                var code = _countryCodes[country];
                if (!titles.TryGetValue(code, out var list))
                {
                    titles[code] = list = new List<string>(perCountry);
                }
                if (list.Count < perCountry)
                {
                    ((List<string>)list).Add(_titles[i]);
                }
            }
        }
        return titles;
    }

    /// <summary>
    /// One page of the pledges grid: the ids of the pledges that pass the filter and contain <paramref name="search"/>
    /// (in the id, title, description, speaker or a country's name, ignoring case), in the requested order, and how
    /// many there are in all.
    /// </summary>
    public (IReadOnlyList<string> Ids, int Total) Page(DashboardFilter filter, string? search, PledgeSort sort, bool descending, int skip, int take)
    {
        var compiled = Compile(filter);
        var text = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var page = new List<string>(take);
        var total = 0;
        foreach (var i in Order(sort, descending))
        {
            if (!Matches(i, compiled) || (text is not null && !Contains(i, text)))
            {
                continue;
            }
            if (total >= skip && page.Count < take)
            {
                page.Add(_ids[i]);
            }
            total++;
        }
        return (page, total);
    }

    private bool Contains(int i, string text) =>
        _titles[i].Contains(text, StringComparison.OrdinalIgnoreCase)
        || _descriptions[i].Contains(text, StringComparison.OrdinalIgnoreCase)
        || _ids[i].Contains(text, StringComparison.OrdinalIgnoreCase)
        || (_speakers[i]?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
        || _countries[i].Any(c => _countryNames[c].Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every pledge in a sort order, computed once per order and kept (the curated order breaks ties).</summary>
    private int[] Order(PledgeSort sort, bool descending)
    {
        lock (_orders)
        {
            if (_orders.TryGetValue((sort, descending), out var cached))
            {
                return cached;
            }
        }
        var indexes = Enumerable.Range(0, Count);
        IOrderedEnumerable<int> ordered = sort switch
        {
            PledgeSort.Id => Sort(indexes, i => _ids[i], StringComparer.Ordinal, descending),
            PledgeSort.Who => Sort(indexes, i => _coalitionWide[i] || _countries[i].Length == 0 ? "" : _countryCodes[_countries[i][0]], StringComparer.Ordinal, descending),
            PledgeSort.Title => Sort(indexes, i => _titles[i], StringComparer.Ordinal, descending),
            PledgeSort.Category => Sort(indexes, i => _main[i], Comparer<PledgeCategory>.Default, descending),
            PledgeSort.Status => Sort(indexes, i => _status[i], Comparer<PledgeStatus>.Default, descending),
            PledgeSort.Date => Sort(indexes, i => _start[i], Comparer<int>.Default, descending),
            _ => indexes.OrderBy(i => i),
        };
        var order = ordered.ThenBy(i => i).ToArray();
        lock (_orders)
        {
            _orders[(sort, descending)] = order;
        }
        return order;
    }

    /// <summary>
    /// Every country's standing on <paramref name="asOf"/> (the day's end), from the records on file by then that rest on
    /// a source at least as reliable as <paramref name="minReliability"/>: the one place a standing is computed.
    /// </summary>
    /// <remarks>
    /// Only records the country is bound by count (<see cref="PartyRoles.IsBound"/>); a partner named in a text is not
    /// its party. A record is superseded for the country when a later record of its own says so (<c>supersedes</c>), or,
    /// for a forces position, by the country's later-dated forces position: its latest dated position stands, a refusal
    /// superseding an earlier offer and the other way round. Superseded records stay in the history and count no more.
    /// The strongest commitment is the strongest status among the records that stand, confirmed ones first: a report,
    /// a draft or a dropped draft counts only where nothing confirmed stands.
    /// </remarks>
    public IReadOnlyDictionary<string, Standing> Standings(DateOnly asOf, Reliability? minReliability)
    {
        var result = new Dictionary<string, Standing>(_countryCodes.Length, StringComparer.Ordinal);
        for (var c = 0; c < _countryCodes.Length; c++)
        {
            result[_countryCodes[c]] = StandingOf(c, asOf, minReliability);
        }
        return result;
    }

    private Standing StandingOf(int country, DateOnly asOf, Reliability? minReliability)
    {
        var day = asOf.DayNumber;
        // The records the country is bound by and that were on file by the day, with its role in each.
        var records = new List<(int Pledge, PartyRole Role)>();
        foreach (var i in _pledgesOf[country])
        {
            var role = _roles[i][Array.IndexOf(_countries[i], country)];
            if (PartyRoles.IsBound(role) && Known(i, day, minReliability))
            {
                records.Add((i, role));
            }
        }
        var supersededBy = new Dictionary<int, int>();
        var onRecord = records.Select(r => r.Pledge).ToHashSet();
        foreach (var (i, _) in records)
        {
            foreach (var target in _supersedes[i])
            {
                if (onRecord.Contains(target))
                {
                    supersededBy.TryAdd(target, i);
                }
            }
        }
        // Forces: the latest dated position that no record superseded; earlier positions give way to it.
        var forces = records.Where(r => _troops[r.Pledge] != NoTroops && PartyRoles.SpeaksForForces(r.Role) && !supersededBy.ContainsKey(r.Pledge))
            .Select(r => r.Pledge).ToList();
        var latestDay = forces.Count == 0 ? 0 : forces.Max(i => _start[i]);
        var latest = forces.Where(i => _start[i] == latestDay).OrderBy(i => _troops[i]).ToList();
        foreach (var i in forces.Where(i => _start[i] < latestDay))
        {
            supersededBy.TryAdd(i, latest[0]);
        }
        TroopsPosition? position = latest.Count == 0 ? null : (TroopsPosition)_troops[latest[0]];

        // Commitment: the strongest status of what stands, confirmed records first.
        var standing = records.Where(r => !supersededBy.ContainsKey(r.Pledge)).Select(r => r.Pledge).ToList();
        var confirmed = standing.Where(i => !IsUnconfirmed(_status[i])).ToList();
        var pool = confirmed.Count > 0 ? confirmed : standing;
        PledgeStatus? strongest = pool.Count == 0 ? null : pool.Min(i => _status[i]);
        var basis = latest.Where(i => _troops[i] == _troops[latest[0]])
            .Concat(pool.Where(i => _status[i] == strongest))
            .Distinct().Order().Select(i => _ids[i]).ToList();

        var history = records.OrderBy(r => _start[r.Pledge]).ThenBy(r => r.Pledge).Select(r => new PositionStep(
            _ids[r.Pledge], DateOnly.FromDayNumber(_start[r.Pledge]), _dateTexts[r.Pledge], _titles[r.Pledge], r.Role, _status[r.Pledge],
            _troops[r.Pledge] == NoTroops || !PartyRoles.SpeaksForForces(r.Role) ? null : (TroopsPosition)_troops[r.Pledge],
            supersededBy.TryGetValue(r.Pledge, out var by) ? _ids[by] : null)).ToList();
        return new Standing(asOf, position, strongest, basis, history);
    }

    /// <summary>Statuses that say nothing confirmed by the government concerned: a press report, a draft, a dropped draft.</summary>
    public static bool IsUnconfirmed(PledgeStatus status) => status is PledgeStatus.Reported or PledgeStatus.Draft or PledgeStatus.DroppedFromDraft;

    private static IOrderedEnumerable<int> Sort<TKey>(IEnumerable<int> indexes, Func<int, TKey> key, IComparer<TKey> comparer, bool descending) =>
        descending ? indexes.OrderByDescending(key, comparer) : indexes.OrderBy(key, comparer);
}

/// <summary>A filter in the terms of one <see cref="PledgeFacts"/>: country indexes, a category bit, day numbers.</summary>
internal readonly record struct CompiledFilter(bool[]? Countries, Bloc? Bloc, int CategoryBit, PledgeStatus? Status, int? From, int? To, int? AsOf, Reliability? MinReliability);

/// <summary>
/// Where a country stands on a date: its forces position on Ukrainian soil (null: none on record), its strongest
/// commitment (null: none), the records those rest on, and its history of bound records, each with the record that
/// superseded it (if any).
/// </summary>
public sealed record Standing(DateOnly AsOf, TroopsPosition? Forces, PledgeStatus? StrongestCommitment, IReadOnlyList<string> Basis, IReadOnlyList<PositionStep> History)
{
    /// <summary>The forces position as the API spells it: offered, possible, outside-ukraine, declined or none.</summary>
    public string ForcesSlug => Forces is { } f ? Slug.Of(f) : "none";
}

/// <summary>One record in a country's history: what it said (status, forces) and, if it no longer stands, what superseded it.</summary>
public sealed record PositionStep(
    string PledgeId, DateOnly Date, string DateText, string Title, PartyRole Role, PledgeStatus Status, TroopsPosition? Forces, string? SupersededBy);

/// <summary>A country's pledges under a filter: counts by status, its forces positions, its categories.</summary>
public sealed record CountryPledges(IReadOnlyDictionary<PledgeStatus, int> ByStatus, IReadOnlyList<TroopsPosition?> Troops, IReadOnlyList<PledgeCategory> Categories);

internal sealed record CountryFact(string Iso3, string Name, bool Eu, bool Nato);

/// <param name="Countries">The countries the pledge names, each with its role, in the curated country order.</param>
/// <param name="BestReliability">The grade of its most reliable source.</param>
/// <param name="Supersedes">The ids of the pledges it supersedes.</param>
internal sealed record PledgeFact(
    string Id, string Title, string Description, string? Speaker, PledgeStatus Status, TroopsPosition? Troops, PledgeCategory MainCategory,
    IReadOnlyList<PledgeCategory> Categories, DateOnly Start, DateOnly? End, string DateText, bool CoalitionWide,
    IReadOnlyList<(string Iso3, PartyRole Role)> Countries, Reliability BestReliability, IReadOnlyList<string> Supersedes);
