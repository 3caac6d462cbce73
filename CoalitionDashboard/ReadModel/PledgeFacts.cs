using System.Collections.Frozen;
using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.ReadModel;

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
    // Per country, the pledges it is bound by in date order, and its role in each (index for index).
    private readonly int[][] _boundOf;
    private readonly PartyRole[][] _boundRoles;
    private readonly bool _anySupersedes;
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
        // Per country, the pledges it is bound by, in date order (the curated order breaks ties), with its role in each.
        var of = new List<(int Pledge, PartyRole Role)>[_countryCodes.Length];
        for (var c = 0; c < of.Length; c++)
        {
            of[c] = [];
        }
        for (var i = 0; i < Count; i++)
        {
            for (var k = 0; k < _countries[i].Length; k++)
            {
                if (PartyRoles.IsBound(_roles[i][k]))
                {
                    of[_countries[i][k]].Add((i, _roles[i][k]));
                }
            }
        }
        _boundOf = new int[of.Length][];
        _boundRoles = new PartyRole[of.Length][];
        for (var c = 0; c < of.Length; c++)
        {
            var sorted = of[c].OrderBy(x => _start[x.Pledge]).ThenBy(x => x.Pledge).ToArray();
            _boundOf[c] = sorted.Select(x => x.Pledge).ToArray();
            _boundRoles[c] = sorted.Select(x => x.Role).ToArray();
        }
        _anySupersedes = _supersedes.Any(s => s.Length > 0);
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

    /// <summary>
    /// Pledges per category; a pledge counts once in each of its categories. Filtered by a category, only that category
    /// is counted: the pledges' other categories are not what the reader asked for.
    /// </summary>
    public IReadOnlyDictionary<PledgeCategory, int> CountByCategory(DashboardFilter filter)
    {
        var categories = filter.Category is { } only ? [only] : Enum.GetValues<PledgeCategory>();
        var counts = new int[Enum.GetValues<PledgeCategory>().Length];
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

    /// <summary>Pledges by main category and status; filtered by a category, every pledge counts under that category.</summary>
    public IReadOnlyList<CategoryStatusCount> CountByMainCategoryAndStatus(DashboardFilter filter) =>
        Select(filter).GroupBy(i => (filter.Category ?? _main[i], _status[i])).Select(g => new CategoryStatusCount(g.Key.Item1, g.Key.Item2, g.Count())).ToList();

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

    // One pass for the latest forces day, one for what stands; no allocation but the result (this runs for every country
    // whenever a view's date or reliability threshold is first asked for). The history is built only when read.
    private Standing StandingOf(int country, DateOnly asOf, Reliability? minReliability)
    {
        var day = asOf.DayNumber;
        var pledges = _boundOf[country];
        var roles = _boundRoles[country];
        var explicitBy = _anySupersedes ? ExplicitSupersessions(pledges, day, minReliability) : null;

        bool Stands(int k) => Known(pledges[k], day, minReliability) && (explicitBy is null || !explicitBy.ContainsKey(pledges[k]));
        bool IsForces(int k) => _troops[pledges[k]] != NoTroops && PartyRoles.SpeaksForForces(roles[k]);

        // Forces: the latest dated position that no record superseded; earlier positions give way to it.
        var latestDay = int.MinValue;
        for (var k = 0; k < pledges.Length; k++)
        {
            if (IsForces(k) && Stands(k))
            {
                latestDay = Math.Max(latestDay, _start[pledges[k]]);
            }
        }
        var forces = sbyte.MaxValue;
        var latest = -1;
        var strongestConfirmed = int.MaxValue;
        var strongestAny = int.MaxValue;
        for (var k = 0; k < pledges.Length; k++)
        {
            if (!Stands(k))
            {
                continue;
            }
            var i = pledges[k];
            if (IsForces(k))
            {
                if (_start[i] < latestDay)
                {
                    continue; // superseded by the latest forces position
                }
                if (_troops[i] < forces)
                {
                    (forces, latest) = (_troops[i], i);
                }
            }
            var status = (int)_status[i];
            strongestAny = Math.Min(strongestAny, status);
            if (!IsUnconfirmed(_status[i]))
            {
                strongestConfirmed = Math.Min(strongestConfirmed, status);
            }
        }
        // Confirmed records first: a report, a draft or a dropped draft counts only where nothing confirmed stands.
        var strongest = strongestConfirmed != int.MaxValue ? strongestConfirmed : strongestAny;

        var basis = new List<int>();
        for (var k = 0; k < pledges.Length; k++)
        {
            var i = pledges[k];
            if (!Stands(k) || (IsForces(k) && _start[i] < latestDay))
            {
                continue;
            }
            if ((IsForces(k) && _start[i] == latestDay && _troops[i] == forces) || (int)_status[i] == strongest)
            {
                basis.Add(i);
            }
        }
        basis.Sort();

        return new Standing(asOf,
            latest < 0 ? null : (TroopsPosition)forces,
            strongest == int.MaxValue ? null : (PledgeStatus)strongest,
            basis.Select(i => _ids[i]).ToList(),
            () => History(country, day, minReliability, explicitBy, latestDay, latest, (_, _) => true),
            // The short lists a hover needs: the forces positions, and the unconfirmed records that stand beside the basis.
            () => History(country, day, minReliability, explicitBy, latestDay, latest, (k, _) => IsForces(k)),
            () => History(country, day, minReliability, explicitBy, latestDay, latest,
                (k, superseded) => !superseded && IsUnconfirmed(_status[pledges[k]]) && basis.BinarySearch(pledges[k]) < 0));
    }

    /// <summary>Which of the country's records on file by the day are superseded, by a record of its own that says so.</summary>
    private Dictionary<int, int>? ExplicitSupersessions(int[] pledges, int day, Reliability? minReliability)
    {
        Dictionary<int, int>? by = null;
        HashSet<int>? onRecord = null;
        foreach (var i in pledges)
        {
            if (_supersedes[i].Length == 0 || !Known(i, day, minReliability))
            {
                continue;
            }
            onRecord ??= pledges.Where(p => Known(p, day, minReliability)).ToHashSet();
            foreach (var target in _supersedes[i])
            {
                if (onRecord.Contains(target))
                {
                    (by ??= []).TryAdd(target, i);
                }
            }
        }
        return by;
    }

    /// <summary>Every record the country is bound by on the day, in date order, each with what superseded it (if anything).</summary>
    /// <param name="include">Which records to list: by index in the country's records, and whether the record is superseded.</param>
    private IReadOnlyList<PositionStep> History(int country, int day, Reliability? minReliability, Dictionary<int, int>? explicitBy, int latestDay, int latest,
        Func<int, bool, bool> include)
    {
        var pledges = _boundOf[country];
        var roles = _boundRoles[country];
        var steps = new List<PositionStep>();
        for (var k = 0; k < pledges.Length; k++)
        {
            var i = pledges[k];
            if (!Known(i, day, minReliability))
            {
                continue;
            }
            var forces = _troops[i] != NoTroops && PartyRoles.SpeaksForForces(roles[k]);
            string? by = explicitBy is not null && explicitBy.TryGetValue(i, out var superseding) ? _ids[superseding]
                : forces && latest >= 0 && _start[i] < latestDay ? _ids[latest] : null;
            if (!include(k, by is not null))
            {
                continue;
            }
            steps.Add(new PositionStep(_ids[i], DateOnly.FromDayNumber(_start[i]), _dateTexts[i], _titles[i], roles[k], _status[i],
                forces ? (TroopsPosition)_troops[i] : null, by));
        }
        return steps;
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
/// <remarks>Immutable and shared by every circuit; the history is built on first read (most views need only the values).</remarks>
public sealed class Standing
{
    private readonly Lazy<IReadOnlyList<PositionStep>> _history;

    private readonly Lazy<IReadOnlyList<PositionStep>> _forcesHistory;
    private readonly Lazy<IReadOnlyList<PositionStep>> _unconfirmed;

    public Standing(DateOnly asOf, TroopsPosition? forces, PledgeStatus? strongestCommitment, IReadOnlyList<string> basis, IReadOnlyList<PositionStep> history)
        : this(asOf, forces, strongestCommitment, basis, () => history, () => history.Where(h => h.Forces is not null).ToList(),
            () => history.Where(h => h.SupersededBy is null && PledgeFacts.IsUnconfirmed(h.Status) && !basis.Contains(h.PledgeId)).ToList())
    {
    }

    public Standing(DateOnly asOf, TroopsPosition? forces, PledgeStatus? strongestCommitment, IReadOnlyList<string> basis,
        Func<IReadOnlyList<PositionStep>> history, Func<IReadOnlyList<PositionStep>> forcesHistory, Func<IReadOnlyList<PositionStep>> unconfirmed)
    {
        AsOf = asOf;
        Forces = forces;
        StrongestCommitment = strongestCommitment;
        Basis = basis;
        _history = new(history, LazyThreadSafetyMode.ExecutionAndPublication);
        _forcesHistory = new(forcesHistory, LazyThreadSafetyMode.ExecutionAndPublication);
        _unconfirmed = new(unconfirmed, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The records with a forces position, in date order (the standing one last, earlier ones superseded by it).</summary>
    public IReadOnlyList<PositionStep> ForcesHistory => _forcesHistory.Value;

    /// <summary>Records that stand but are not confirmed by the government concerned (a report, a draft), outside the basis.</summary>
    public IReadOnlyList<PositionStep> Unconfirmed => _unconfirmed.Value;

    public DateOnly AsOf { get; }

    public TroopsPosition? Forces { get; }

    public PledgeStatus? StrongestCommitment { get; }

    public IReadOnlyList<string> Basis { get; }

    public IReadOnlyList<PositionStep> History => _history.Value;

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
